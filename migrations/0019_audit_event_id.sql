ALTER TABLE `audit_log` ADD `event_id` text;--> statement-breakpoint
CREATE INDEX `audit_event_idx` ON `audit_log` (`event_id`);--> statement-breakpoint
-- Link the audit entries written before this column to their domain event, once: same record, same name, same instant.
UPDATE `audit_log` SET `event_id` = (
  SELECT `e`.`id` FROM `event_log` `e`
  WHERE `e`.`aggregate_type` = `audit_log`.`entity_type` AND `e`.`aggregate_id` = `audit_log`.`entity_id`
    AND `e`.`type` = `audit_log`.`action` AND `e`.`occurred_at` = `audit_log`.`at`
  ORDER BY `e`.`seq` LIMIT 1
) WHERE `event_id` IS NULL;

DROP INDEX `leads_stage_idx`;--> statement-breakpoint
DROP INDEX `leads_source_idx`;--> statement-breakpoint
CREATE INDEX `leads_stage_idx` ON `leads` (`stage`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_source_idx` ON `leads` (`source`,`created_at`,`id`);
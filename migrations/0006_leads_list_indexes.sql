CREATE INDEX `leads_created_idx` ON `leads` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_budget_idx` ON `leads` (`budget_max_minor`,`id`);--> statement-breakpoint
CREATE INDEX `leads_event_date_idx` ON `leads` (`event_date_from`,`id`);
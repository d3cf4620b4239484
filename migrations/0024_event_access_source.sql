ALTER TABLE `event_access` ADD `source` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `event_access` ADD `granted_by` text REFERENCES users(id);
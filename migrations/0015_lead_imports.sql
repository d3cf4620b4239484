CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`kind` text NOT NULL,
	`encoding` text,
	`sheets` text NOT NULL,
	`sheet` text,
	`header_line` integer NOT NULL,
	`headers` text NOT NULL,
	`header_key` text NOT NULL,
	`mapping` text,
	`status` text NOT NULL,
	`row_count` integer NOT NULL,
	`blank_lines` integer NOT NULL,
	`counts` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`checked_at` text,
	`committed_at` text,
	`undone_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batches_created_idx` ON `import_batches` (`created_at`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`header_key` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `import_rows` (
	`batch_id` text NOT NULL,
	`line` integer NOT NULL,
	`cells` text NOT NULL,
	`status` text NOT NULL,
	`issues` text,
	`duplicate_of` text,
	`match_lead_id` text,
	`match_reason` text,
	`decision` text,
	`lead_id` text,
	`merged_before` text,
	PRIMARY KEY(`batch_id`, `line`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rows_status_idx` ON `import_rows` (`batch_id`,`status`);--> statement-breakpoint
ALTER TABLE `gateway_payments` ADD `amount_minor` integer;--> statement-breakpoint
ALTER TABLE `gateway_payments` ADD `currency` text;
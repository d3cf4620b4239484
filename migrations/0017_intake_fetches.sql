CREATE TABLE `intake_fetches` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`external_ref` text NOT NULL,
	`lead_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`done_at` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_fetches_ref_uq` ON `intake_fetches` (`provider`,`external_ref`);--> statement-breakpoint
CREATE INDEX `intake_fetches_due_idx` ON `intake_fetches` (`status`,`next_attempt_at`);
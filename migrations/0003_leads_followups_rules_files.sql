CREATE TABLE `intake_rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lead_assignment_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`owner_id` text NOT NULL,
	`source` text,
	`city` text,
	`event_type` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `lead_follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`lead_id` text NOT NULL,
	`owner_id` text,
	`due_at` text NOT NULL,
	`note` text,
	`status` text NOT NULL,
	`snooze_count` integer DEFAULT 0 NOT NULL,
	`outcome` text,
	`completed_at` text,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_owner_idx` ON `lead_follow_ups` (`owner_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_lead_idx` ON `lead_follow_ups` (`lead_id`);--> statement-breakpoint
CREATE TABLE `stored_files` (
	`id` text PRIMARY KEY NOT NULL,
	`storage_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`lead_id` text,
	`communication_id` text,
	`uploaded_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`communication_id`) REFERENCES `communications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stored_files_key_uq` ON `stored_files` (`storage_key`);--> statement-breakpoint
CREATE INDEX `stored_files_lead_idx` ON `stored_files` (`lead_id`);
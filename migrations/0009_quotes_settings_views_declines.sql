CREATE TABLE `company_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`profile` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quote_declines` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`name` text NOT NULL,
	`reason` text,
	`ip` text,
	`user_agent` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `quote_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quote_declines_version_id_unique` ON `quote_declines` (`version_id`);--> statement-breakpoint
CREATE TABLE `quote_views` (
	`version_id` text NOT NULL,
	`viewer` text NOT NULL,
	`hour_start` integer NOT NULL,
	PRIMARY KEY(`version_id`, `viewer`, `hour_start`),
	FOREIGN KEY (`version_id`) REFERENCES `quote_versions`(`id`) ON UPDATE no action ON DELETE no action
);

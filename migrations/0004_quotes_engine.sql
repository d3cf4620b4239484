CREATE TABLE `quote_catalogue_items` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`unit` text NOT NULL,
	`rate_minor` integer NOT NULL,
	`currency` text DEFAULT 'INR' NOT NULL,
	`tax_class` text NOT NULL,
	`sac` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quote_catalogue_name_idx` ON `quote_catalogue_items` (`category`,`name`);--> statement-breakpoint
CREATE TABLE `quote_change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`name` text NOT NULL,
	`message` text NOT NULL,
	`ip` text,
	`user_agent` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `quote_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quote_change_requests_version_idx` ON `quote_change_requests` (`version_id`);--> statement-breakpoint
CREATE TABLE `quote_version_details` (
	`version_id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`draft` text NOT NULL,
	`totals` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `quote_versions`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `payment_term_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`terms` text NOT NULL,
	`position` integer NOT NULL,
	`updated_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);

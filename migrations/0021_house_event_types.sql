CREATE TABLE `house_event_types` (
	`key` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `brief_share_links` (
	`id` text PRIMARY KEY NOT NULL,
	`document` text NOT NULL,
	`event_id` text,
	`lead_id` text,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `brief_share_links_event_idx` ON `brief_share_links` (`event_id`);--> statement-breakpoint
CREATE INDEX `brief_share_links_lead_idx` ON `brief_share_links` (`lead_id`);
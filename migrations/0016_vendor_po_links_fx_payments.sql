CREATE TABLE `vendor_po_links` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	`last_opened_at` text,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `vendor_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vpolink_assignment_idx` ON `vendor_po_links` (`assignment_id`);--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `po_accepted_at` text;--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `po_accepted_name` text;--> statement-breakpoint
ALTER TABLE `vendor_payments` ADD `amount_inr_minor` integer;--> statement-breakpoint
ALTER TABLE `vendor_payments` ADD `fx` text;
CREATE TABLE `gateway_payments` (
	`provider` text NOT NULL,
	`provider_payment_id` text NOT NULL,
	`link_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `payment_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gateway_payments_uq` ON `gateway_payments` (`provider`,`provider_payment_id`);--> statement-breakpoint
CREATE TABLE `payment_links` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`provider_link_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`event_id` text NOT NULL,
	`url` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text DEFAULT 'INR' NOT NULL,
	`closed_as` text,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_links_provider_uq` ON `payment_links` (`provider`,`provider_link_id`);--> statement-breakpoint
CREATE INDEX `payment_links_milestone_idx` ON `payment_links` (`milestone_id`);--> statement-breakpoint
CREATE TABLE `tax_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`financial_year` text NOT NULL,
	`seq` integer NOT NULL,
	`event_id` text NOT NULL,
	`client_id` text,
	`milestone_id` text,
	`payment_id` text,
	`currency` text DEFAULT 'INR' NOT NULL,
	`taxable_minor` integer NOT NULL,
	`cgst_minor` integer NOT NULL,
	`sgst_minor` integer NOT NULL,
	`igst_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`total_inr_minor` integer NOT NULL,
	`place_of_supply` text,
	`buyer` text NOT NULL,
	`journal_entry_id` text,
	`issued_on` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_documents_number_uq` ON `tax_documents` (`kind`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `tax_documents_seq_uq` ON `tax_documents` (`kind`,`financial_year`,`seq`);--> statement-breakpoint
CREATE INDEX `tax_documents_event_idx` ON `tax_documents` (`event_id`);
CREATE TABLE `broadcasts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`template` text NOT NULL,
	`variables` text NOT NULL,
	`segment` text NOT NULL,
	`scheduled_at` text NOT NULL,
	`recipients` integer NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`expected_cost_minor` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `consent_log` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`consent` text NOT NULL,
	`source` text NOT NULL,
	`by_user_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `consent_log_phone_idx` ON `consent_log` (`phone`,`at`);--> statement-breakpoint
CREATE TABLE `event_log_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`endpoint` text NOT NULL,
	`keys` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_endpoint_uq` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `push_user_idx` ON `push_subscriptions` (`user_id`);--> statement-breakpoint
CREATE TABLE `whatsapp_contacts` (
	`phone` text PRIMARY KEY NOT NULL,
	`name` text,
	`lead_id` text,
	`event_id` text,
	`consent` text DEFAULT 'unknown' NOT NULL,
	`consent_source` text,
	`consent_at` text,
	`assignee_id` text,
	`unread` integer DEFAULT 0 NOT NULL,
	`last_inbound_at` text,
	`last_message_at` text,
	`last_preview` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `wa_contacts_last_idx` ON `whatsapp_contacts` (`last_message_at`);--> statement-breakpoint
CREATE TABLE `whatsapp_inbound` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`provider_message_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text,
	`sent_at` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wa_inbound_msg_uq` ON `whatsapp_inbound` (`provider_message_id`);--> statement-breakpoint
CREATE INDEX `wa_inbound_phone_idx` ON `whatsapp_inbound` (`phone`,`sent_at`);--> statement-breakpoint
CREATE TABLE `credit_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`client_id` text NOT NULL,
	`currency` text DEFAULT 'INR' NOT NULL,
	`amount_minor` integer NOT NULL,
	`allocations` text NOT NULL,
	`journal_entry_id` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_applications_event_idx` ON `credit_applications` (`event_id`);--> statement-breakpoint
CREATE TABLE `gateway_refunds` (
	`provider` text NOT NULL,
	`provider_refund_id` text NOT NULL,
	`provider_payment_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text DEFAULT 'INR' NOT NULL,
	`payment_id` text,
	`suspense_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suspense_id`) REFERENCES `gateway_suspense`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gateway_refunds_uq` ON `gateway_refunds` (`provider`,`provider_refund_id`);--> statement-breakpoint
CREATE INDEX `gateway_refunds_payment_idx` ON `gateway_refunds` (`provider`,`provider_payment_id`);--> statement-breakpoint
CREATE TABLE `gateway_suspense` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`provider_payment_id` text NOT NULL,
	`link_ref` text,
	`reason` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text DEFAULT 'INR' NOT NULL,
	`amount_inr_minor` integer NOT NULL,
	`received_on` text NOT NULL,
	`journal_entry_id` text,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`resolved_payment_id` text,
	`resolved_by` text,
	`resolved_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gateway_suspense_uq` ON `gateway_suspense` (`provider`,`provider_payment_id`);--> statement-breakpoint
CREATE TABLE `event_budgets` (
	`event_id` text NOT NULL,
	`category` text NOT NULL,
	`budget_minor` integer NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_budget_uq` ON `event_budgets` (`event_id`,`category`);--> statement-breakpoint
CREATE TABLE `vendor_categories` (
	`key` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vendor_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`assignment_id` text,
	`kind` text NOT NULL,
	`storage_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `vendor_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vdoc_vendor_idx` ON `vendor_documents` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `vendor_payment_schedule` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`seq` integer NOT NULL,
	`label` text NOT NULL,
	`due_date` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`paid_minor` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `vendor_assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vps_assignment_idx` ON `vendor_payment_schedule` (`assignment_id`,`seq`);--> statement-breakpoint
CREATE INDEX `vps_due_idx` ON `vendor_payment_schedule` (`due_date`);--> statement-breakpoint
CREATE TABLE `vendor_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`vendor_id` text NOT NULL,
	`event_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`tds_minor` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'INR' NOT NULL,
	`mode` text NOT NULL,
	`reference` text,
	`paid_on` text NOT NULL,
	`journal_entry_id` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `vendor_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vpay_assignment_idx` ON `vendor_payments` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `vpay_vendor_idx` ON `vendor_payments` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `vendor_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor_id` text NOT NULL,
	`event_id` text NOT NULL,
	`rating` integer NOT NULL,
	`notes` text,
	`by_user_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vrating_vendor_event_uq` ON `vendor_ratings` (`vendor_id`,`event_id`);--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `provider` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `provider_message_id` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `provider_status` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `delivered_at` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `read_at` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `category` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `cost_minor` integer;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `broadcast_id` text;--> statement-breakpoint
ALTER TABLE `notification_outbox` ADD `sent_by` text;--> statement-breakpoint
CREATE INDEX `outbox_recipient_idx` ON `notification_outbox` (`recipient`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_provider_msg_idx` ON `notification_outbox` (`provider_message_id`);--> statement-breakpoint
CREATE INDEX `outbox_broadcast_idx` ON `notification_outbox` (`broadcast_id`);--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `budget_category` text;--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `po_date` text;--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `lines` text;--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `terms` text;--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `milestones` text;--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `checked_in_at` text;--> statement-breakpoint
ALTER TABLE `vendor_assignments` ADD `accrual_entry_id` text REFERENCES journal_entries(id);--> statement-breakpoint
CREATE UNIQUE INDEX `va_po_uq` ON `vendor_assignments` (`po_number`);--> statement-breakpoint
ALTER TABLE `vendors` ADD `contacts` text;--> statement-breakpoint
ALTER TABLE `vendors` ADD `foreign_tax_id` text;--> statement-breakpoint
ALTER TABLE `vendors` ADD `country` text DEFAULT 'IN' NOT NULL;--> statement-breakpoint
ALTER TABLE `vendors` ADD `currency` text DEFAULT 'INR' NOT NULL;--> statement-breakpoint
ALTER TABLE `vendors` ADD `ifsc` text;--> statement-breakpoint
ALTER TABLE `vendors` ADD `bank_name` text;--> statement-breakpoint
ALTER TABLE `vendors` ADD `bank_cipher` text;--> statement-breakpoint
ALTER TABLE `vendors` ADD `bank_last4` text;--> statement-breakpoint
ALTER TABLE `vendors` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `vendors_category_idx` ON `vendors` (`category`);--> statement-breakpoint
CREATE INDEX `vendors_user_idx` ON `vendors` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `vdep_pair_uq` ON `vendor_dependencies` (`assignment_id`,`depends_on_assignment_id`);--> statement-breakpoint
CREATE INDEX `vdep_up_idx` ON `vendor_dependencies` (`depends_on_assignment_id`);--> statement-breakpoint
CREATE INDEX `vdep_event_idx` ON `vendor_dependencies` (`event_id`);--> statement-breakpoint
CREATE TRIGGER vendor_payments_no_update BEFORE UPDATE ON vendor_payments BEGIN SELECT RAISE(ABORT, 'vendor payments are append-only: post a reversing entry instead'); END;
--> statement-breakpoint
CREATE TRIGGER vendor_payments_no_delete BEFORE DELETE ON vendor_payments BEGIN SELECT RAISE(ABORT, 'vendor payments are append-only: post a reversing entry instead'); END;
--> statement-breakpoint
UPDATE `vendor_assignments` SET `status` = 'requested' WHERE `status` = 'proposed';

CREATE TABLE `checklist_projections` (
	`event_id` text NOT NULL,
	`checklist_id` text NOT NULL,
	`title` text NOT NULL,
	`done` integer NOT NULL,
	`total` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`event_id`, `checklist_id`)
);
--> statement-breakpoint
CREATE TABLE `task_projections` (
	`event_id` text NOT NULL,
	`task_id` text NOT NULL,
	`title` text NOT NULL,
	`assignee_id` text,
	`assignee_name` text,
	`due` text,
	`priority` text NOT NULL,
	`status` text NOT NULL,
	`status_label` text NOT NULL,
	`is_done` integer NOT NULL,
	`parent_id` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`event_id`, `task_id`)
);
--> statement-breakpoint
CREATE INDEX `task_projections_assignee_idx` ON `task_projections` (`assignee_id`,`is_done`,`due`);
CREATE TABLE `delivery_pace` (
	`key` text PRIMARY KEY NOT NULL,
	`next_at_ms` integer NOT NULL
);

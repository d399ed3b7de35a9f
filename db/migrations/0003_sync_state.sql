CREATE TABLE `reception_lookups` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`purpose` text NOT NULL,
	`identifier_type` text NOT NULL,
	`at` text NOT NULL,
	`until` text,
	`disclosure_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reception_lookups_person` ON `reception_lookups` (`person_id`,`at`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`cursor` text,
	`batch_seq` integer DEFAULT 0 NOT NULL,
	`last_push_at` text,
	`last_pull_at` text,
	`central_head` integer,
	`through` integer,
	`last_error_kind` text,
	`last_error_message` text,
	`last_error_at` text
);
--> statement-breakpoint
CREATE TABLE `sync_withheld` (
	`person_id` text NOT NULL,
	`origin_site` text NOT NULL,
	`category` text NOT NULL,
	`rule` text NOT NULL,
	`count` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_withheld_person` ON `sync_withheld` (`person_id`,`origin_site`,`category`);
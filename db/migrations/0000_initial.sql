CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`username` text,
	`roles` text,
	`channel` text NOT NULL,
	`action` text NOT NULL,
	`person_id` text,
	`outcome` text NOT NULL,
	`reason` text,
	`detail` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_events_id_unique` ON `audit_events` (`id`);--> statement-breakpoint
CREATE INDEX `audit_events_person` ON `audit_events` (`person_id`,`seq`);--> statement-breakpoint
CREATE TABLE `clock_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`hlc` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `person_identifiers` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_identifiers_type_value` ON `person_identifiers` (`type`,`value`);--> statement-breakpoint
CREATE INDEX `person_identifiers_person` ON `person_identifiers` (`person_id`);--> statement-breakpoint
CREATE TABLE `persons` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`family_name` text NOT NULL,
	`given_names` text NOT NULL,
	`title` text,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`origin_site` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_id_unique` ON `persons` (`id`);--> statement-breakpoint
CREATE INDEX `persons_birth_date` ON `persons` (`birth_date`,`family_name`,`given_names`);--> statement-breakpoint
CREATE TABLE `site_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_events` (
	`id` text PRIMARY KEY NOT NULL,
	`hlc` integer NOT NULL,
	`origin_site` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`person_id` text,
	`op` text NOT NULL,
	`base_version` integer,
	`author_id` text,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`pushed_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_events_outbox` ON `sync_events` (`pushed_at`,`hlc`);--> statement-breakpoint
CREATE INDEX `sync_events_entity` ON `sync_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`roles` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);
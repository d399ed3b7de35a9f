CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY NOT NULL,
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
CREATE INDEX `audit_events_person` ON `audit_events` (`person_id`,`seq`) WHERE "audit_events"."person_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `clock_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`hlc` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`person_id` text NOT NULL,
	`base_version` integer,
	`hlc` integer NOT NULL,
	`origin_site` text NOT NULL,
	`author_id` text NOT NULL,
	`author_role` text NOT NULL,
	`recorded_at` text NOT NULL,
	`sensitivity` text NOT NULL,
	`content_hash` text NOT NULL,
	`body` text NOT NULL,
	`source` text NOT NULL,
	`applied_at` text NOT NULL,
	`push_state` text,
	`push_reason` text,
	`pushed_at` text,
	`central_seq` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_log_id_unique` ON `event_log` (`id`);--> statement-breakpoint
CREATE INDEX `event_log_outbox` ON `event_log` (`push_state`,`seq`);--> statement-breakpoint
CREATE INDEX `event_log_person` ON `event_log` (`person_id`,`seq`);--> statement-breakpoint
CREATE INDEX `event_log_record` ON `event_log` (`record_type`,`record_id`,`seq`);--> statement-breakpoint
CREATE TABLE `person_identifiers` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`origin_site` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`retired_at` text,
	`retired_by` text,
	`retired_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_identifiers_type_value` ON `person_identifiers` (`type`,`value`) WHERE "person_identifiers"."retired_at" IS NULL;--> statement-breakpoint
CREATE INDEX `person_identifiers_person` ON `person_identifiers` (`person_id`);--> statement-breakpoint
CREATE TABLE `persons` (
	`seq` integer PRIMARY KEY NOT NULL,
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
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`severity` text NOT NULL,
	`reason` text NOT NULL,
	`source_response_id` text,
	`partner_advice` text,
	`origin_site` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by_name` text NOT NULL,
	`set_at` text NOT NULL,
	`set_by` text NOT NULL,
	`set_by_name` text NOT NULL,
	`ended_at` text,
	`ended_by` text,
	`ended_by_name` text,
	`end_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flags_person_active` ON `flags` (`person_id`,`ended_at`);--> statement-breakpoint
CREATE TABLE `form_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`chain_id` text NOT NULL,
	`person_id` text NOT NULL,
	`stay_id` text,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`supersedes` text,
	`current` integer NOT NULL,
	`reason` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`origin_site` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `form_responses_person_template` ON `form_responses` (`person_id`,`template_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `form_responses_chain` ON `form_responses` (`chain_id`,`version`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`stay_id` text,
	`response_id` text NOT NULL,
	`officer_name` text NOT NULL,
	`officer_id` text,
	`acknowledged_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`origin_site` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `form_responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handovers_person` ON `handovers` (`person_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `person_aliases` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`family_name` text NOT NULL,
	`given_names` text NOT NULL,
	`origin_site` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`retired_at` text,
	`retired_by` text,
	`retired_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_aliases_person` ON `person_aliases` (`person_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`to_service` text NOT NULL,
	`reason` text NOT NULL,
	`source_response_id` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`site_code` text NOT NULL,
	`outcome_at` text,
	`outcome_by` text,
	`outcome_by_name` text,
	`outcome_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_person` ON `referrals` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `referrals_site_open` ON `referrals` (`site_code`,`status`);--> statement-breakpoint
CREATE TABLE `stays` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`site_code` text NOT NULL,
	`kind` text NOT NULL,
	`arrived_at` text NOT NULL,
	`arrival_reason` text,
	`exited_at` text,
	`exit_reason` text,
	`exit_destination` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stays_person` ON `stays` (`person_id`,`arrived_at`);--> statement-breakpoint
CREATE INDEX `stays_site_current` ON `stays` (`site_code`,`exited_at`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`event_ids` text NOT NULL,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`resolved_by_name` text,
	`kept_event_id` text,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_person` ON `sync_conflicts` (`person_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`stay_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`due_at` text NOT NULL,
	`site_code` text NOT NULL,
	`source_response_id` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`closed_at` text,
	`closed_by` text,
	`close_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_site_open` ON `tasks` (`site_code`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_person` ON `tasks` (`person_id`,`status`);--> statement-breakpoint
CREATE TABLE `break_glass` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`person_id` text NOT NULL,
	`reason` text NOT NULL,
	`started_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`ended_at` text,
	`reviewed_at` text,
	`reviewed_by` text,
	`review_note` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `break_glass_user_person` ON `break_glass` (`user_id`,`person_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `break_glass_review` ON `break_glass` (`reviewed_at`,`started_at`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`decision` text NOT NULL,
	`categories` text NOT NULL,
	`legal_basis` text NOT NULL,
	`decided_on` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`origin_site` text NOT NULL,
	`notes` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_person` ON `consents` (`person_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `sharing_agreements` (
	`id` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	PRIMARY KEY(`id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`username` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failed_at` integer NOT NULL,
	`last_failed_at` integer NOT NULL
);

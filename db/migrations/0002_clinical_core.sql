CREATE TABLE `flags` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`severity` text NOT NULL,
	`reason` text NOT NULL,
	`source_response_id` text,
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
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
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
CREATE INDEX `tasks_person` ON `tasks` (`person_id`,`status`);
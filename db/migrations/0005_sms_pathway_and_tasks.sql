CREATE TABLE `care_plan_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`person_id` text NOT NULL,
	`version` integer NOT NULL,
	`goals` text NOT NULL,
	`review_on` text NOT NULL,
	`review_id` text,
	`note` text,
	`recorded_at` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_plan_versions_plan` ON `care_plan_versions` (`plan_id`,`version`);--> statement-breakpoint
CREATE TABLE `care_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`site_code` text NOT NULL,
	`review_on` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by_name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_plans_person` ON `care_plans` (`person_id`,`site_code`);--> statement-breakpoint
CREATE TABLE `caseload_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`slot_id` text NOT NULL,
	`person_id` text NOT NULL,
	`site_code` text NOT NULL,
	`kind` text NOT NULL,
	`worker_id` text NOT NULL,
	`worker_name` text NOT NULL,
	`referral_id` text,
	`reason` text,
	`assigned_at` text NOT NULL,
	`assigned_by` text NOT NULL,
	`assigned_by_name` text NOT NULL,
	`ended_at` text,
	`ended_by_name` text,
	`end_reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `caseload_assignments_worker` ON `caseload_assignments` (`worker_id`,`site_code`,`ended_at`);--> statement-breakpoint
CREATE INDEX `caseload_assignments_person` ON `caseload_assignments` (`person_id`,`assigned_at`);--> statement-breakpoint
CREATE TABLE `caseload_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`site_code` text NOT NULL,
	`kind` text NOT NULL,
	`current_assignment_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `caseload_slots_person` ON `caseload_slots` (`person_id`,`site_code`);--> statement-breakpoint
CREATE TABLE `release_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`site_code` text NOT NULL,
	`stay_id` text,
	`release_on` text NOT NULL,
	`destination` text NOT NULL,
	`ost` text,
	`naloxone` text NOT NULL,
	`naloxone_note` text,
	`community_referral` text,
	`notes` text,
	`recorded_at` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `release_plans_person` ON `release_plans` (`person_id`,`site_code`);--> statement-breakpoint
CREATE TABLE `sms_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`site_code` text NOT NULL,
	`treatment_id` text NOT NULL,
	`task_id` text NOT NULL,
	`step` integer NOT NULL,
	`label` text NOT NULL,
	`due_on` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`summary` text NOT NULL,
	`decision` text NOT NULL,
	`care_plan` text NOT NULL,
	`care_plan_version` integer,
	`recorded_at` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_reviews_treatment` ON `sms_reviews` (`treatment_id`,`step`);--> statement-breakpoint
CREATE TABLE `treatments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`site_code` text NOT NULL,
	`stay_id` text,
	`started_on` text NOT NULL,
	`interventions` text NOT NULL,
	`substances` text NOT NULL,
	`referral_id` text,
	`timers` text NOT NULL,
	`started_at` text NOT NULL,
	`started_by_name` text NOT NULL,
	`ended_on` text,
	`end_reason` text,
	`end_note` text,
	`ended_by_name` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `treatments_person` ON `treatments` (`person_id`,`site_code`,`ended_on`);--> statement-breakpoint
ALTER TABLE `referrals` ADD `created_by_name` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `source` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `urgency` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `substances` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `decided_on` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `referred_on_to` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `referred_on_code` text;--> statement-breakpoint
ALTER TABLE `referrals` ADD `referred_on_display` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `result` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `assignee_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `assignee_name` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `team` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `due_on` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `about_type` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `about_id` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `about_step` integer;--> statement-breakpoint
CREATE INDEX `tasks_assignee_open` ON `tasks` (`assignee_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_team_open` ON `tasks` (`site_code`,`team`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_about` ON `tasks` (`about_type`,`about_id`,`status`);
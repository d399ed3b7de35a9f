CREATE INDEX `referrals_person_site` ON `referrals` (`person_id`,`site_code`,`created_at`,`to_service`,`status`);--> statement-breakpoint
CREATE INDEX `stays_site_arrived` ON `stays` (`site_code`,`arrived_at`,`kind`,`exited_at`,`id`,`person_id`,`exit_reason`,`exit_destination`);--> statement-breakpoint
CREATE INDEX `tasks_stay_kind` ON `tasks` (`stay_id`,`kind`,`status`,`closed_at`);
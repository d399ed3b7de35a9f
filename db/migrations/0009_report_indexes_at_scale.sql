CREATE INDEX `form_responses_template_recorded` ON `form_responses` (`template_id`,`recorded_at`,`origin_site`,`current`,`status`,`person_id`);--> statement-breakpoint
CREATE INDEX `form_responses_site_recorded` ON `form_responses` (`origin_site`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `referrals_site_service_created` ON `referrals` (`site_code`,`to_service`,`created_at`,`source`,`status`,`person_id`);--> statement-breakpoint
CREATE INDEX `referrals_site_decided` ON `referrals` (`site_code`,`status`,`decided_on`,`referred_on_code`,`referred_on_display`,`person_id`);--> statement-breakpoint
CREATE INDEX `caseload_assignments_site_ended` ON `caseload_assignments` (`site_code`,`ended_at`,`assigned_at`,`worker_id`,`kind`,`person_id`,`worker_name`);
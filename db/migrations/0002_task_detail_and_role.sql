ALTER TABLE `tasks` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `for_role` text;
-- Name search: an FTS5 index over each person's search tokens (domain/person/person-name.ts
-- searchTokens, registered on every connection as sonar_search_text). Triggers keep it in step
-- with persons and their current (not retired) aliases inside the same transaction, so the index
-- can never drift from the tables.
CREATE VIRTUAL TABLE `person_search` USING fts5(`names`, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
--> statement-breakpoint
CREATE TRIGGER `persons_search_insert` AFTER INSERT ON `persons` BEGIN
  INSERT INTO `person_search` (`rowid`, `names`) VALUES (new.`seq`, sonar_search_text(new.`family_name` || ' ' || new.`given_names`));
END;
--> statement-breakpoint
CREATE TRIGGER `persons_search_delete` AFTER DELETE ON `persons` BEGIN
  DELETE FROM `person_search` WHERE `rowid` = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `persons_search_update` AFTER UPDATE OF `family_name`, `given_names` ON `persons` BEGIN
  UPDATE `person_search`
     SET `names` = sonar_search_text(new.`family_name` || ' ' || new.`given_names` || ' ' ||
         coalesce((SELECT group_concat(a.`family_name` || ' ' || a.`given_names`, ' ') FROM `person_aliases` a WHERE a.`person_id` = new.`id` AND a.`retired_at` IS NULL), ''))
   WHERE `rowid` = new.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `person_aliases_search_insert` AFTER INSERT ON `person_aliases` BEGIN
  UPDATE `person_search`
     SET `names` = (SELECT sonar_search_text(p.`family_name` || ' ' || p.`given_names` || ' ' ||
         coalesce((SELECT group_concat(a.`family_name` || ' ' || a.`given_names`, ' ') FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), ''))
         FROM `persons` p WHERE p.`id` = new.`person_id`)
   WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = new.`person_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `person_aliases_search_update` AFTER UPDATE OF `retired_at`, `family_name`, `given_names` ON `person_aliases` BEGIN
  UPDATE `person_search`
     SET `names` = (SELECT sonar_search_text(p.`family_name` || ' ' || p.`given_names` || ' ' ||
         coalesce((SELECT group_concat(a.`family_name` || ' ' || a.`given_names`, ' ') FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), ''))
         FROM `persons` p WHERE p.`id` = new.`person_id`)
   WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = new.`person_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `person_aliases_search_delete` AFTER DELETE ON `person_aliases` BEGIN
  UPDATE `person_search`
     SET `names` = (SELECT sonar_search_text(p.`family_name` || ' ' || p.`given_names` || ' ' ||
         coalesce((SELECT group_concat(a.`family_name` || ' ' || a.`given_names`, ' ') FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), ''))
         FROM `persons` p WHERE p.`id` = old.`person_id`)
   WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = old.`person_id`);
END;
--> statement-breakpoint
-- The audit trail is append-only (docs/hazard-log.md H-audit).
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
-- An event is history: only where its push stands may change.
CREATE TRIGGER `event_log_immutable` BEFORE UPDATE OF `seq`, `id`, `type`, `record_type`, `record_id`, `person_id`, `base_version`, `hlc`, `origin_site`, `author_id`, `author_role`, `recorded_at`, `sensitivity`, `content_hash`, `body`, `source`, `applied_at` ON `event_log` BEGIN
  SELECT RAISE(ABORT, 'event_log rows are immutable');
END;
--> statement-breakpoint
-- This site's own events are never deleted. Events received by sync may be purged when the site no
-- longer has a basis to hold them (withdrawn permission).
CREATE TRIGGER `event_log_no_delete_local` BEFORE DELETE ON `event_log` WHEN old.`source` = 'local' BEGIN
  SELECT RAISE(ABORT, 'this site''s own events are never deleted');
END;

-- Name search: an FTS5 index over each person's search tokens (domain/person/person-name.ts
-- searchTokens, registered on every connection as sonar_search_text). Triggers keep it in step
-- with persons inside the same transaction, so the index can never drift from the table.
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
-- The audit trail is append-only (SECURITY.md item 21).
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
-- Events already sent are history: only their pushed_at may change.
CREATE TRIGGER `sync_events_immutable` BEFORE UPDATE OF `id`, `hlc`, `origin_site`, `entity_type`, `entity_id`, `person_id`, `op`, `base_version`, `author_id`, `payload`, `created_at` ON `sync_events` BEGIN
  SELECT RAISE(ABORT, 'sync_events are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `sync_events_no_delete` BEFORE DELETE ON `sync_events` BEGIN
  SELECT RAISE(ABORT, 'sync_events are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `persons_search_update` AFTER UPDATE OF `family_name`, `given_names` ON `persons` BEGIN
  UPDATE `person_search`
     SET `names` = sonar_search_text(new.`family_name` || ' ' || new.`given_names` || ' ' ||
         coalesce((SELECT group_concat(a.`family_name` || ' ' || a.`given_names`, ' ') FROM `person_aliases` a WHERE a.`person_id` = new.`id`), ''))
   WHERE `rowid` = new.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `person_aliases_search_insert` AFTER INSERT ON `person_aliases` BEGIN
  UPDATE `person_search`
     SET `names` = (SELECT sonar_search_text(p.`family_name` || ' ' || p.`given_names` || ' ' ||
         coalesce((SELECT group_concat(a.`family_name` || ' ' || a.`given_names`, ' ') FROM `person_aliases` a WHERE a.`person_id` = p.`id`), ''))
         FROM `persons` p WHERE p.`id` = new.`person_id`)
   WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = new.`person_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `person_aliases_search_delete` AFTER DELETE ON `person_aliases` BEGIN
  UPDATE `person_search`
     SET `names` = (SELECT sonar_search_text(p.`family_name` || ' ' || p.`given_names` || ' ' ||
         coalesce((SELECT group_concat(a.`family_name` || ' ' || a.`given_names`, ' ') FROM `person_aliases` a WHERE a.`person_id` = p.`id`), ''))
         FROM `persons` p WHERE p.`id` = old.`person_id`)
   WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = old.`person_id`);
END;

-- Aliases are searched like names: a person's search entry holds their name and every alias.
-- (DOMAIN.md: people are often logged under several names across stays.)
DROP TRIGGER `persons_search_update`;
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

-- Ranked name search (domain/person/search-rank.ts). Three structures, all kept in step by
-- triggers inside the writing transaction and computed by the functions in db/search-functions.ts:
-- 1. person_search (FTS5): every name word of a person and their aliases, by role, with sound
--    codes; it says who matches and how many.
-- 2. expression indexes on persons (family key, given key, birth date) and (given key, family key,
--    birth date): the big groups of a ranked search (family name exact or starting with, first
--    given name starting with) read in order, a page at a time, and counted, from the index alone.
-- 3. person_alias_keys: each alias's keys beside its person's own keys and birth date, so the
--    people an alias ranks higher are found from an index alone.
DROP TRIGGER IF EXISTS `persons_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `persons_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `persons_search_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `person_aliases_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `person_aliases_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `person_aliases_search_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `person_search`;
--> statement-breakpoint
-- detail=column: no word positions are needed (no phrase queries), which keeps the index small.
CREATE VIRTUAL TABLE `person_search` USING fts5(
  `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`,
  `gkey` UNINDEXED, `birth_date` UNINDEXED, `apairs` UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3', detail = column
);
--> statement-breakpoint
INSERT INTO `person_search` (`rowid`, `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`, `gkey`, `birth_date`, `apairs`)
SELECT s.`seq`, j ->> 'fkey', j ->> 'gfirst', j ->> 'gother', j ->> 'afkey', j ->> 'agfirst', j ->> 'aother', j ->> 'sounds', j ->> 'gkey', s.`birth_date`, j ->> 'apairs'
  FROM (SELECT p.`seq`, p.`birth_date`, sonar_name_index(p.`family_name`, p.`given_names`,
               coalesce((SELECT json_group_array(json_array(a.`family_name`, a.`given_names`)) FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), '[]')) AS j
          FROM `persons` p) s;
--> statement-breakpoint
CREATE TABLE `person_alias_keys` (
  `alias_id` text PRIMARY KEY NOT NULL,
  `person_seq` integer NOT NULL,
  `afk` text NOT NULL,
  `agk` text NOT NULL,
  `own_fk` text NOT NULL,
  `own_gk` text NOT NULL,
  `birth_date` text NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `person_alias_keys` (`alias_id`, `person_seq`, `afk`, `agk`, `own_fk`, `own_gk`, `birth_date`)
SELECT a.`id`, p.`seq`, sonar_family_key(a.`family_name`), sonar_given_key(a.`given_names`), sonar_family_key(p.`family_name`), sonar_given_key(p.`given_names`), p.`birth_date`
  FROM `person_aliases` a JOIN `persons` p ON p.`id` = a.`person_id` WHERE a.`retired_at` IS NULL;
--> statement-breakpoint
CREATE INDEX `person_alias_keys_family` ON `person_alias_keys` (`afk`, `agk`, `own_fk`, `own_gk`, `birth_date`, `person_seq`);
--> statement-breakpoint
CREATE INDEX `person_alias_keys_given` ON `person_alias_keys` (`agk`, `own_fk`, `own_gk`, `afk`, `birth_date`, `person_seq`);
--> statement-breakpoint
CREATE INDEX `person_alias_keys_own_family` ON `person_alias_keys` (`own_fk`, `agk`, `own_gk`, `afk`, `birth_date`, `person_seq`);
--> statement-breakpoint
CREATE INDEX `person_alias_keys_own_given` ON `person_alias_keys` (`own_gk`, `afk`, `agk`, `own_fk`, `birth_date`, `person_seq`);
--> statement-breakpoint
CREATE INDEX `person_alias_keys_person` ON `person_alias_keys` (`person_seq`);
--> statement-breakpoint
CREATE TRIGGER `persons_search_insert` AFTER INSERT ON `persons` BEGIN
  INSERT INTO `person_search` (`rowid`, `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`, `gkey`, `birth_date`, `apairs`)
  SELECT new.`seq`, j ->> 'fkey', j ->> 'gfirst', j ->> 'gother', j ->> 'afkey', j ->> 'agfirst', j ->> 'aother', j ->> 'sounds', j ->> 'gkey', new.`birth_date`, j ->> 'apairs'
    FROM (SELECT sonar_name_index(new.`family_name`, new.`given_names`, '[]') AS j);
END;
--> statement-breakpoint
CREATE TRIGGER `persons_search_delete` AFTER DELETE ON `persons` BEGIN
  DELETE FROM `person_search` WHERE `rowid` = old.`seq`;
  DELETE FROM `person_alias_keys` WHERE `person_seq` = old.`seq`;
END;
--> statement-breakpoint
-- The whole row again (names, aliases, birth date) whenever any of it changes.
CREATE TRIGGER `persons_search_update` AFTER UPDATE OF `family_name`, `given_names`, `birth_date` ON `persons` BEGIN
  DELETE FROM `person_search` WHERE `rowid` = old.`seq`;
  INSERT INTO `person_search` (`rowid`, `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`, `gkey`, `birth_date`, `apairs`)
  SELECT new.`seq`, j ->> 'fkey', j ->> 'gfirst', j ->> 'gother', j ->> 'afkey', j ->> 'agfirst', j ->> 'aother', j ->> 'sounds', j ->> 'gkey', new.`birth_date`, j ->> 'apairs'
    FROM (SELECT sonar_name_index(new.`family_name`, new.`given_names`,
                 coalesce((SELECT json_group_array(json_array(a.`family_name`, a.`given_names`)) FROM `person_aliases` a WHERE a.`person_id` = new.`id` AND a.`retired_at` IS NULL), '[]')) AS j);
  UPDATE `person_alias_keys`
     SET `own_fk` = sonar_family_key(new.`family_name`), `own_gk` = sonar_given_key(new.`given_names`), `birth_date` = new.`birth_date`
   WHERE `person_seq` = new.`seq`;
END;
--> statement-breakpoint
-- An alias added, changed or removed: its keys, and its person's index row (which lists aliases).
CREATE TRIGGER `person_aliases_search_insert` AFTER INSERT ON `person_aliases` BEGIN
  INSERT INTO `person_alias_keys` (`alias_id`, `person_seq`, `afk`, `agk`, `own_fk`, `own_gk`, `birth_date`)
  SELECT new.`id`, p.`seq`, sonar_family_key(new.`family_name`), sonar_given_key(new.`given_names`), sonar_family_key(p.`family_name`), sonar_given_key(p.`given_names`), p.`birth_date`
    FROM `persons` p WHERE p.`id` = new.`person_id`;
  DELETE FROM `person_search` WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = new.`person_id`);
  INSERT INTO `person_search` (`rowid`, `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`, `gkey`, `birth_date`, `apairs`)
  SELECT s.`seq`, j ->> 'fkey', j ->> 'gfirst', j ->> 'gother', j ->> 'afkey', j ->> 'agfirst', j ->> 'aother', j ->> 'sounds', j ->> 'gkey', s.`birth_date`, j ->> 'apairs'
    FROM (SELECT p.`seq`, p.`birth_date`, sonar_name_index(p.`family_name`, p.`given_names`,
                 coalesce((SELECT json_group_array(json_array(a.`family_name`, a.`given_names`)) FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), '[]')) AS j
            FROM `persons` p WHERE p.`id` = new.`person_id`) s;
END;
--> statement-breakpoint
CREATE TRIGGER `person_aliases_search_delete` AFTER DELETE ON `person_aliases` BEGIN
  DELETE FROM `person_alias_keys` WHERE `alias_id` = old.`id`;
  DELETE FROM `person_search` WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = old.`person_id`);
  INSERT INTO `person_search` (`rowid`, `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`, `gkey`, `birth_date`, `apairs`)
  SELECT s.`seq`, j ->> 'fkey', j ->> 'gfirst', j ->> 'gother', j ->> 'afkey', j ->> 'agfirst', j ->> 'aother', j ->> 'sounds', j ->> 'gkey', s.`birth_date`, j ->> 'apairs'
    FROM (SELECT p.`seq`, p.`birth_date`, sonar_name_index(p.`family_name`, p.`given_names`,
                 coalesce((SELECT json_group_array(json_array(a.`family_name`, a.`given_names`)) FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), '[]')) AS j
            FROM `persons` p WHERE p.`id` = old.`person_id`) s;
END;
--> statement-breakpoint
-- A retired alias (recorded in error, no longer used) is no longer searched.
CREATE TRIGGER `person_aliases_search_update` AFTER UPDATE OF `family_name`, `given_names`, `person_id`, `retired_at` ON `person_aliases` BEGIN
  DELETE FROM `person_alias_keys` WHERE `alias_id` = old.`id`;
  INSERT INTO `person_alias_keys` (`alias_id`, `person_seq`, `afk`, `agk`, `own_fk`, `own_gk`, `birth_date`)
  SELECT new.`id`, p.`seq`, sonar_family_key(new.`family_name`), sonar_given_key(new.`given_names`), sonar_family_key(p.`family_name`), sonar_given_key(p.`given_names`), p.`birth_date`
    FROM `persons` p WHERE p.`id` = new.`person_id` AND new.`retired_at` IS NULL;
  DELETE FROM `person_search` WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = old.`person_id`);
  INSERT INTO `person_search` (`rowid`, `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`, `gkey`, `birth_date`, `apairs`)
  SELECT s.`seq`, j ->> 'fkey', j ->> 'gfirst', j ->> 'gother', j ->> 'afkey', j ->> 'agfirst', j ->> 'aother', j ->> 'sounds', j ->> 'gkey', s.`birth_date`, j ->> 'apairs'
    FROM (SELECT p.`seq`, p.`birth_date`, sonar_name_index(p.`family_name`, p.`given_names`,
                 coalesce((SELECT json_group_array(json_array(a.`family_name`, a.`given_names`)) FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), '[]')) AS j
            FROM `persons` p WHERE p.`id` = old.`person_id`) s;
  DELETE FROM `person_search` WHERE `rowid` = (SELECT `seq` FROM `persons` WHERE `id` = new.`person_id`);
  INSERT INTO `person_search` (`rowid`, `fkey`, `gfirst`, `gother`, `afkey`, `agfirst`, `aother`, `sounds`, `gkey`, `birth_date`, `apairs`)
  SELECT s.`seq`, j ->> 'fkey', j ->> 'gfirst', j ->> 'gother', j ->> 'afkey', j ->> 'agfirst', j ->> 'aother', j ->> 'sounds', j ->> 'gkey', s.`birth_date`, j ->> 'apairs'
    FROM (SELECT p.`seq`, p.`birth_date`, sonar_name_index(p.`family_name`, p.`given_names`,
                 coalesce((SELECT json_group_array(json_array(a.`family_name`, a.`given_names`)) FROM `person_aliases` a WHERE a.`person_id` = p.`id` AND a.`retired_at` IS NULL), '[]')) AS j
            FROM `persons` p WHERE p.`id` = new.`person_id`) s;
END;
--> statement-breakpoint
CREATE INDEX `persons_name_family` ON `persons` (sonar_family_key(`family_name`), sonar_given_key(`given_names`), `birth_date`);
--> statement-breakpoint
CREATE INDEX `persons_name_given` ON `persons` (sonar_given_key(`given_names`), sonar_family_key(`family_name`), `birth_date`);
--> statement-breakpoint
-- Local ids keep the case they were given in; search finds them however they are typed.
CREATE INDEX `person_identifiers_local_nocase` ON `person_identifiers` (`value` COLLATE NOCASE) WHERE `type` = 'local_id';

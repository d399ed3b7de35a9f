-- A page of search results shows each person's current NHS number. Read through the index on
-- person_id alone, every one of the page's people cost a second read of a table page (random at a
-- million people, and each page is decrypted). This index holds the NHS number itself, and only
-- for current NHS numbers: the summary queries' join condition is the index's condition, so the
-- join is answered from the index alone.
CREATE INDEX `person_identifiers_nhs_current` ON `person_identifiers` (`person_id`,`value`,`type`,`retired_at`) WHERE "person_identifiers"."type" = 'nhs_number' AND "person_identifiers"."retired_at" IS NULL;
--> statement-breakpoint
-- "Jones 5/1/84": the people with one family name, nearest date of birth first. The family index
-- is in given-name order, so the whole family was read and sorted (14,000 Joneses at a million
-- people, 4-8 ms). In this one a family name's people are in date order: the page is read
-- outward from the date typed, the nearest on each side. The expressions are name-search-sql.ts's,
-- verbatim (SQLite uses an index on an expression only for the same expression).
CREATE INDEX `persons_name_family_birth` ON `persons` (sonar_family_key(`family_name`), `birth_date`, sonar_given_key(`given_names`));

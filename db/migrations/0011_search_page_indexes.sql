-- A page of search results shows each person's current NHS number. Read through the index on
-- person_id alone, every one of the page's people cost a second read of a table page (random at a
-- million people, and each page is decrypted). This index holds the NHS number itself, and only
-- for current NHS numbers: the summary queries' join condition is the index's condition, so the
-- join is answered from the index alone.
CREATE INDEX `person_identifiers_nhs_current` ON `person_identifiers` (`person_id`,`value`,`type`,`retired_at`) WHERE "person_identifiers"."type" = 'nhs_number' AND "person_identifiers"."retired_at" IS NULL;

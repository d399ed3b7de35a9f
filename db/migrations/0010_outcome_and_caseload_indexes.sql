-- The outcomes report's TOP change reads each TOP's stage and measures from these indexes alone, never
-- the encrypted pages of each TOP body: the expressions are those of db/reports/top-index.ts,
-- verbatim (SQLite uses an index on an expression only for the same expression), and both are
-- partial to the TOP templates (the report repeats the condition). Response rows never change
-- their body, so a row's expressions are computed once, when it is written.
CREATE INDEX `form_responses_top_site` ON `form_responses` (`template_id`, `origin_site`, `recorded_at`, json_extract(body, '$.answers."stage"'), `person_id`, `current`, `status`)
  WHERE template_id IN ('top-secure', 'top-community');--> statement-breakpoint
CREATE INDEX `form_responses_top_person` ON `form_responses` (`person_id`, json_extract(body, '$.answers."stage"'), `recorded_at`, `template_id`, `current`, `status`,
  json_extract(body, '$.answers."alcohol-week-1"', '$.answers."alcohol-week-2"', '$.answers."alcohol-week-3"', '$.answers."alcohol-week-4"', '$.answers."opioids-week-1"', '$.answers."opioids-week-2"', '$.answers."opioids-week-3"', '$.answers."opioids-week-4"', '$.answers."crack-week-1"', '$.answers."crack-week-2"', '$.answers."crack-week-3"', '$.answers."crack-week-4"', '$.answers."cocaine-week-1"', '$.answers."cocaine-week-2"', '$.answers."cocaine-week-3"', '$.answers."cocaine-week-4"', '$.answers."amphetamines-week-1"', '$.answers."amphetamines-week-2"', '$.answers."amphetamines-week-3"', '$.answers."amphetamines-week-4"', '$.answers."cannabis-week-1"', '$.answers."cannabis-week-2"', '$.answers."cannabis-week-3"', '$.answers."cannabis-week-4"', '$.answers."other-week-1"', '$.answers."other-week-2"', '$.answers."other-week-3"', '$.answers."other-week-4"', '$.answers."tobacco-week-1"', '$.answers."tobacco-week-2"', '$.answers."tobacco-week-3"', '$.answers."tobacco-week-4"', '$.answers."injecting-days"', '$.answers."psychological-health"', '$.answers."physical-health"', '$.answers."quality-of-life"')
) WHERE template_id IN ('top-secure', 'top-community');--> statement-breakpoint
-- The codes forms recorded (outcomes report): only the responses that recorded a code, by site and
-- time; the report repeats the condition. Most forms record none, and were all read before.
CREATE INDEX `form_responses_site_coded` ON `form_responses` (`origin_site`, `recorded_at`, `current`, `status`, `person_id`, `template_id`)
  WHERE json_array_length(body, '$.codes') > 0;
--> statement-breakpoint
-- Workforce report: the site's assignments in worker and person order, so caseloads are grouped as
-- the index is read (no sort of a period's tens of thousands of assignments). It replaces the
-- index by end time, which only the workforce report read.
DROP INDEX `caseload_assignments_site_ended`;--> statement-breakpoint
CREATE INDEX `caseload_assignments_site_worker` ON `caseload_assignments` (`site_code`,`worker_id`,`person_id`,`kind`,`assigned_at`,`ended_at`,`worker_name`);

-- Reports read a stay's forms by template with their observation time, and the custody assessment
-- answers the KPIs count, from these indexes alone (never the encrypted pages of each response
-- body). The expressions are those of db/reports/kpi-index.ts, verbatim: SQLite uses an index on an
-- expression only for the same expression. Response rows never change their body, so the
-- expressions of a row are computed once, when it is written.
CREATE INDEX `form_responses_stay_observed` ON `form_responses` (`stay_id`, `template_id`, `current`, `status`, coalesce(json_extract(body, '$.observedAt'), recorded_at));--> statement-breakpoint
CREATE INDEX `form_responses_custody_kpi` ON `form_responses` (
  `stay_id`, `template_id`, `current`, `status`,
  json_extract(body, '$.answers."fit-to-detain"'),
  json_extract(body, '$.answers."observation-level"'),
  json_extract(body, '$.answers."rousing"'),
  json_extract(body, '$.answers."intoxicated"'),
  json_extract(body, '$.answers."may-have-swallowed-drugs"'),
  json_extract(body, '$.answers."consciousness-concern"'),
  json_extract(body, '$.answers."head-injury"'),
  json_extract(body, '$.answers."avpu"'),
  json_extract(body, '$.answers."gcs"'),
  json_extract(body, '$.answers."rouse-wakes"'),
  json_extract(body, '$.answers."rouse-answers"'),
  json_extract(body, '$.answers."rouse-commands"')
) WHERE template_id = 'custody-hcp-assessment';

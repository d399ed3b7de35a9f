// The expressions the KPI reports read from a form response, written once: the schema indexes
// them (so a report reads index entries, never the encrypted pages of every response body) and
// the report SQL uses them verbatim (SQLite uses an index on an expression only when the query
// has the same expression).

/** When the observation was made: observedAt in the saved response, else when it was recorded. */
export const OBSERVED_AT_SQL = `coalesce(json_extract(body, '$.observedAt'), recorded_at)`;

import { KPI_FORMS } from '../../domain/reports/kpi/custody-kpi-definitions';

/** The template whose answers the custody KPIs read (fitness to detain, observation, rousing). */
export const CUSTODY_ASSESSMENT_TEMPLATE = KPI_FORMS.custodyFirst;

/** The custody assessment answers the KPIs count, in index order. */
export const CUSTODY_KPI_ANSWERS = [
  'fit-to-detain',
  'observation-level',
  'rousing',
  'intoxicated',
  'may-have-swallowed-drugs',
  'consciousness-concern',
  'head-injury',
  'avpu',
  'gcs',
  'rouse-wakes',
  'rouse-answers',
  'rouse-commands',
] as const;
export type CustodyKpiAnswer = (typeof CUSTODY_KPI_ANSWERS)[number];

export const answerSql = (id: CustodyKpiAnswer) => `json_extract(body, '$.answers."${id}"')`;

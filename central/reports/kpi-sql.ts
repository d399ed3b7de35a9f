// The custody and reception KPIs as PostgreSQL over the central's projection (`records`: each
// record's latest payload per event type). Every figure is over the detentions and prison stays
// that began in the period, per site (the site that started the stay) and for the whole region in
// the same statement (GROUPING SETS: the region row has `region` = 1 and no site). The definitions
// are those of a site's own report (docs/central-kpis.md says where each comes from):
// - a form counts when its current version (the record's head) is not entered in error, at the
//   time the observation was made (observedAt, else when it was recorded);
// - the 7-day task closed as done counts only for a stay with no second-stage form at all;
// - times with any UTC offset are compared as instants (timestamptz).
// The stays are found through records_stay_arrived, their forms and tasks through records_form_stay
// and records_task_stay (central/db/schema.ts): the same expressions appear here verbatim.
import { sql, type SQL } from 'drizzle-orm';
import {
  CUSTODY_KPI_ANSWERS as A,
  FIRST_ASSESSMENT_BANDS,
  HOSPITAL_WORD,
  KPI_FORMS,
  NOT_FIT_HOSPITAL,
  ROUSING_AT_LEAST_30,
  ROUSING_CRITERIA,
  SECOND_STAGE_DAYS,
} from '../../domain/reports/kpi/custody-kpi-definitions';

export interface KpiBounds {
  /** The local midnight that starts the first day, and the one after the last day (ISO instants). */
  startsAt: string;
  endsBefore: string;
  /** Dates (yyyy-mm-dd) a day either side, for the index on the arrival time as sent (text). */
  looseFrom: string;
  looseTo: string;
  /** When the report runs: whether a stay still open has lasted longer than 7 days. */
  now: string;
}

/** The period's local midnights, worked out by PostgreSQL's own time zone rules (British Summer Time included). */
export const boundsSql = (from: string, to: string) => sql`
  SELECT (${from}::date::timestamp AT TIME ZONE 'Europe/London') AS starts_at,
         ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/London') AS ends_before`;

const ARRIVED_TEXT = sql.raw(`(r.state -> 'stay.started' -> 'payload' ->> 'arrivedAt')`);
const FORM_STAY = sql.raw(
  `(COALESCE(r.state -> 'form.recorded' -> 'payload' ->> 'stayId', r.state -> 'form.amended' -> 'payload' ->> 'stayId', r.state -> 'form.entered_in_error' -> 'payload' ->> 'stayId'))`,
);
const TASK_STAY = sql.raw(`(r.state -> 'task.created' -> 'payload' ->> 'stayId')`);

/** The stays that began in the period, at every site. */
const periodStays = (b: KpiBounds) => sql`
period_stays AS MATERIALIZED (
  SELECT r.record_id AS id, r.person_id,
    r.state -> 'stay.started' -> 'payload' ->> 'siteCode' AS site,
    r.state -> 'stay.started' -> 'payload' ->> 'kind' AS kind,
    ${ARRIVED_TEXT}::timestamptz AS arrived,
    (r.state -> 'stay.ended' -> 'payload' ->> 'exitedAt')::timestamptz AS exited,
    r.state -> 'stay.ended' -> 'payload' ->> 'exitReason' AS exit_reason,
    r.state -> 'stay.ended' -> 'payload' ->> 'exitDestination' AS exit_destination
  FROM records r
  WHERE r.record_type = 'stay' AND ${ARRIVED_TEXT} >= ${b.looseFrom} AND ${ARRIVED_TEXT} < ${b.looseTo}
    AND ${ARRIVED_TEXT}::timestamptz >= ${b.startsAt}::timestamptz AND ${ARRIVED_TEXT}::timestamptz < ${b.endsBefore}::timestamptz
)`;

/** The current version of every form of these templates on the period's stays (entered in error kept, marked). */
const stayForms = (templates: readonly string[]) => sql`
stay_forms AS MATERIALIZED (
  SELECT f.stay_id, f.response ->> 'templateId' AS template_id,
    COALESCE(f.response ->> 'observedAt', f.response ->> 'recordedAt')::timestamptz AS observed,
    f.response -> 'answers' AS answers,
    f.status <> 'entered_in_error' AS counts
  FROM (
    SELECT ${FORM_STAY} AS stay_id, r.status, head.response
    FROM records r
    -- The current version: the payload of the event at the head of the record.
    CROSS JOIN LATERAL (SELECT e.value -> 'payload' -> 'response' AS response FROM jsonb_each(r.state) e WHERE e.value ->> 'eventId' = r.head_event_id::text) head
    WHERE r.record_type = 'form_response' AND ${FORM_STAY} IN (SELECT id FROM period_stays)
  ) f
  WHERE f.response ->> 'templateId' IN (SELECT jsonb_array_elements_text(${JSON.stringify(templates)}::jsonb))
)`;

const minutesBetween = (later: SQL, earlier: SQL) => sql`(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 60.0)`;
const daysBetween = (later: SQL, earlier: SQL) => sql`(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 86400.0)`;

const bandCounts = sql.join(
  FIRST_ASSESSMENT_BANDS.map(
    (band) => sql`count(*) FILTER (WHERE minutes >= ${sql.raw(String(band.from))}${band.to === null ? sql`` : sql` AND minutes < ${sql.raw(String(band.to))}`}) AS ${sql.identifier(band.id)}`,
  ),
  sql`, `,
);

export const firstAssessmentSql = (b: KpiBounds) => sql`
WITH ${periodStays(b)}, ${stayForms([KPI_FORMS.custodyFirst, KPI_FORMS.prisonFirst])},
first_forms AS (
  SELECT stay_id, template_id, min(observed) AS first_at FROM stay_forms WHERE counts GROUP BY stay_id, template_id
),
firsts AS (
  SELECT s.site, ${minutesBetween(sql`ff.first_at`, sql`s.arrived`)} AS minutes
  FROM period_stays s
  LEFT JOIN first_forms ff ON ff.stay_id = s.id AND ff.template_id = CASE s.kind WHEN 'custody' THEN ${KPI_FORMS.custodyFirst} ELSE ${KPI_FORMS.prisonFirst} END
)
SELECT site, GROUPING(site) AS region, count(*) AS stays, count(minutes) AS assessed,
  count(*) FILTER (WHERE minutes < 0) AS before_arrival, ${bandCounts},
  count(*) FILTER (WHERE minutes >= 0) AS timed,
  percentile_disc(0.5) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE minutes >= 0) AS median_minutes,
  percentile_disc(0.9) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE minutes >= 0) AS p90_minutes
FROM firsts GROUP BY GROUPING SETS ((site), ())`;

export const secondStageSql = (b: KpiBounds) => sql`
WITH ${periodStays(b)}, ${stayForms([KPI_FORMS.secondStage])},
closed_tasks AS MATERIALIZED (
  SELECT ${TASK_STAY} AS stay_id, (r.state -> 'task.closed' ->> 'recordedAt')::timestamptz AS closed_at
  FROM records r
  WHERE r.record_type = 'task' AND ${TASK_STAY} IN (SELECT id FROM period_stays WHERE kind = 'prison')
    AND r.state -> 'task.created' -> 'payload' ->> 'kind' = ${KPI_FORMS.secondStageTask}
    AND r.state -> 'task.closed' -> 'payload' ->> 'outcome' = 'done'
),
form_times AS (
  -- Every stay with a second-stage form, even one entered in error; when the earliest counting one was made.
  SELECT stay_id, min(observed) FILTER (WHERE counts) AS form_at FROM stay_forms GROUP BY stay_id
),
task_times AS (
  SELECT stay_id, min(closed_at) AS task_at FROM closed_tasks GROUP BY stay_id
),
timed AS (
  SELECT s.site, s.arrived, s.exited IS NULL AS still_here,
    ${daysBetween(sql`COALESCE(s.exited, ${b.now}::timestamptz)`, sql`s.arrived`)} AS length_days,
    ft.form_at,
    CASE WHEN ft.stay_id IS NOT NULL THEN NULL ELSE tt.task_at END AS task_at
  FROM period_stays s
  LEFT JOIN form_times ft ON ft.stay_id = s.id
  LEFT JOIN task_times tt ON tt.stay_id = s.id
  WHERE s.kind = 'prison'
),
judged AS (
  SELECT site, still_here, length_days > ${SECOND_STAGE_DAYS} AS longer, ${daysBetween(sql`LEAST(form_at, task_at)`, sql`arrived`)} AS done_after
  FROM timed
)
SELECT site, GROUPING(site) AS region, count(*) AS prison_stays,
  count(*) FILTER (WHERE longer) AS longer_than_7,
  count(*) FILTER (WHERE longer AND done_after <= ${SECOND_STAGE_DAYS}) AS within_7,
  count(*) FILTER (WHERE longer AND done_after > ${SECOND_STAGE_DAYS}) AS late,
  count(*) FILTER (WHERE longer AND done_after IS NULL) AS not_done,
  count(*) FILTER (WHERE NOT longer AND NOT still_here) AS left_within_7,
  count(*) FILTER (WHERE NOT longer AND still_here) AS under_7_so_far
FROM judged GROUP BY GROUPING SETS ((site), ())`;

const MADE_AT = sql.raw(`(r.state -> 'referral.made' ->> 'recordedAt')::timestamptz`);

export const referralsSql = (b: KpiBounds) => sql`
WITH ${periodStays(b)},
made AS MATERIALIZED (
  SELECT DISTINCT s.site, r.record_id, r.person_id,
    r.state -> 'referral.made' -> 'payload' ->> 'toService' AS service,
    COALESCE(r.state -> 'referral.outcome_recorded' -> 'payload' ->> 'outcome', 'open') AS status
  FROM period_stays s
  JOIN records r ON r.record_type = 'referral' AND r.person_id = s.person_id
    AND r.state -> 'referral.made' -> 'payload' ->> 'siteCode' = s.site
    AND ${MADE_AT} >= s.arrived AND (s.exited IS NULL OR ${MADE_AT} <= s.exited)
)
SELECT site, GROUPING(site) AS region, service, status, GROUPING(status) AS every_status,
  count(*) AS referrals, count(DISTINCT person_id) AS people
FROM made GROUP BY GROUPING SETS ((site, service, status), (site, service), (service, status), (service))`;

export const hospitalSql = (b: KpiBounds) => sql`
WITH ${periodStays(b)}, ${stayForms([KPI_FORMS.custodyFirst])},
not_fit AS (
  SELECT DISTINCT stay_id FROM stay_forms WHERE counts AND answers ->> ${A.fitToDetain} = ${NOT_FIT_HOSPITAL}
),
per_stay AS (
  SELECT s.site, s.kind,
    s.exited IS NOT NULL AND (lower(COALESCE(s.exit_reason, '')) LIKE ${`%${HOSPITAL_WORD}%`} OR lower(COALESCE(s.exit_destination, '')) LIKE ${`%${HOSPITAL_WORD}%`}) AS to_hospital,
    nf.stay_id IS NOT NULL AS not_fit
  FROM period_stays s LEFT JOIN not_fit nf ON nf.stay_id = s.id
)
SELECT site, GROUPING(site) AS region, kind, count(*) AS stays,
  count(*) FILTER (WHERE to_hospital) AS to_hospital,
  count(*) FILTER (WHERE not_fit) AS not_fit,
  count(*) FILTER (WHERE not_fit AND to_hospital) AS not_fit_to_hospital
FROM per_stay GROUP BY GROUPING SETS ((site, kind), (kind))`;

const yes = (item: string) => sql`COALESCE(f.answers ->> ${item} = 'true', false)`;
const criterion = sql.join(
  [
    ...ROUSING_CRITERIA.yes.map(yes),
    sql`COALESCE(f.answers ->> ${ROUSING_CRITERIA.avpuItem}, ${ROUSING_CRITERIA.avpuAlert}) <> ${ROUSING_CRITERIA.avpuAlert}`,
    sql`COALESCE(CASE WHEN jsonb_typeof(f.answers -> ${ROUSING_CRITERIA.gcsItem}) = 'number' THEN (f.answers ->> ${ROUSING_CRITERIA.gcsItem})::numeric END, 15) < ${ROUSING_CRITERIA.gcsBelow}`,
  ],
  sql` OR `,
);

const OBSERVATION_COUNTS = [
  'assessments', 'detentions_assessed', 'level_1', 'level_2', 'level_3', 'level_4', 'rousing_not_required', 'rousing_60', 'rousing_30', 'rousing_15',
  'criterion_met', 'criterion_met_rousing_30', 'rousing_checks_recorded', 'could_not_be_roused',
] as const;

export const observationSql = (b: KpiBounds) => sql`
WITH ${periodStays(b)}, ${stayForms([KPI_FORMS.custodyFirst])},
assessed AS MATERIALIZED (
  SELECT s.site, f.stay_id,
    f.answers ->> ${A.observationLevel} AS level,
    f.answers ->> ${A.rousing} AS rousing,
    (${criterion}) AS criterion,
    f.answers ->> ${A.rouseWakes} AS wakes,
    (f.answers ->> ${A.rouseWakes} IS NOT NULL AND f.answers ->> ${A.rouseAnswers} IS NOT NULL AND f.answers ->> ${A.rouseCommands} IS NOT NULL) AS checks
  FROM period_stays s JOIN stay_forms f ON f.stay_id = s.id AND f.counts
  WHERE s.kind = 'custody'
),
detentions AS (
  SELECT site, GROUPING(site) AS region, count(*) AS detentions FROM period_stays WHERE kind = 'custody' GROUP BY GROUPING SETS ((site), ())
),
counted AS (
  SELECT site, GROUPING(site) AS region, count(*) AS assessments, count(DISTINCT stay_id) AS detentions_assessed,
    count(*) FILTER (WHERE level = '1') AS level_1, count(*) FILTER (WHERE level = '2') AS level_2,
    count(*) FILTER (WHERE level = '3') AS level_3, count(*) FILTER (WHERE level = '4') AS level_4,
    count(*) FILTER (WHERE rousing = 'not-required') AS rousing_not_required, count(*) FILTER (WHERE rousing = '60') AS rousing_60,
    count(*) FILTER (WHERE rousing = '30') AS rousing_30, count(*) FILTER (WHERE rousing = '15') AS rousing_15,
    count(*) FILTER (WHERE criterion) AS criterion_met,
    count(*) FILTER (WHERE criterion AND rousing IN (${sql.join(ROUSING_AT_LEAST_30.map((v) => sql`${v}`), sql`, `)})) AS criterion_met_rousing_30,
    count(*) FILTER (WHERE checks) AS rousing_checks_recorded,
    count(*) FILTER (WHERE wakes = 'false') AS could_not_be_roused
  FROM assessed GROUP BY GROUPING SETS ((site), ())
)
SELECT d.site, d.region, d.detentions, ${sql.join(
  OBSERVATION_COUNTS.map((c) => sql`COALESCE(c.${sql.identifier(c)}, 0) AS ${sql.identifier(c)}`),
  sql`, `,
)}
FROM detentions d LEFT JOIN counted c ON c.region = d.region AND c.site IS NOT DISTINCT FROM d.site`;

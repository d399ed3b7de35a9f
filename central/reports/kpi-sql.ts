// The custody and reception KPIs as ONE PostgreSQL statement over the central's projection
// (`records`: each record's latest payload per event type, and the event at its head). Every
// figure is over the detentions and prison stays that began in the period. Each stay is summarised
// once (`per_stay`: its forms and tasks read through one index search each), then each KPI sums
// the summaries per site (the site that started the stay) and for the whole region in one pass
// (GROUPING SETS: the region row has `region` = 1 and no site). Each section's rows come back as
// JSON tagged with the section's name. The definitions are those of a site's own report
// (docs/central-kpis.md says where each comes from):
// - a form counts when its current version (the record's head) is not entered in error, at the
//   time the observation was made (observedAt, else when it was recorded);
// - the 7-day task closed as done counts only for a stay with no second-stage form at all;
// - times with any UTC offset are compared as instants (timestamptz).
// The stays are found through records_stay_arrived, their forms and tasks through records_form_stay
// and records_task_stay, referrals through records_person (central/db/schema.ts): the same
// expressions appear here verbatim.
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

export const KPI_SECTIONS = ['firstAssessment', 'secondStage', 'referrals', 'hospital', 'observation'] as const;
export type KpiSection = (typeof KPI_SECTIONS)[number];

/** The period's local midnights, worked out by PostgreSQL's own time zone rules (British Summer Time included). */
export const boundsSql = (from: string, to: string) => sql`
  SELECT (${from}::date::timestamp AT TIME ZONE 'Europe/London') AS starts_at,
         ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/London') AS ends_before`;

const ARRIVED_TEXT = sql.raw(`(r.state -> 'stay.started' -> 'payload' ->> 'arrivedAt')`);
const FORM_STAY = sql.raw(
  `(COALESCE(r.state -> 'form.recorded' -> 'payload' ->> 'stayId', r.state -> 'form.amended' -> 'payload' ->> 'stayId', r.state -> 'form.entered_in_error' -> 'payload' ->> 'stayId'))`,
);
const TASK_STAY = sql.raw(`(r.state -> 'task.created' -> 'payload' ->> 'stayId')`);
const MADE_AT = sql.raw(`(r.state -> 'referral.made' ->> 'recordedAt')::timestamptz`);

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const minutesBetween = (later: SQL, earlier: SQL) => sql`(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 60.0)`;
const daysBetween = (later: SQL, earlier: SQL) => sql`(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 86400.0)`;

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

// Each form is read once (the LATERAL `v` below): its template, whether it counts (not entered in
// error), when the observation was made, and the custody assessment answers the KPIs count.
const answer = (item: string) => sql`head.f -> 'answers' ->> ${item}`;
const yes = (item: string) => sql`COALESCE(${answer(item)} = 'true', false)`;
const criterion = sql.join(
  [
    ...ROUSING_CRITERIA.yes.map(yes),
    sql`COALESCE(${answer(ROUSING_CRITERIA.avpuItem)}, ${ROUSING_CRITERIA.avpuAlert}) <> ${ROUSING_CRITERIA.avpuAlert}`,
    sql`COALESCE(CASE WHEN jsonb_typeof(head.f -> 'answers' -> ${ROUSING_CRITERIA.gcsItem}) = 'number' THEN (${answer(ROUSING_CRITERIA.gcsItem)})::numeric END, 15) < ${ROUSING_CRITERIA.gcsBelow}`,
  ],
  sql` OR `,
);
const formFacts = sql`
  SELECT head.f ->> 'templateId' AS template, r.status <> 'entered_in_error' AS counts,
    COALESCE(head.f ->> 'observedAt', head.f ->> 'recordedAt')::timestamptz AS observed,
    r.status <> 'entered_in_error' AND head.f ->> 'templateId' = ${KPI_FORMS.custodyFirst} AS custody,
    ${answer(A.fitToDetain)} = ${NOT_FIT_HOSPITAL} AS not_fit,
    ${answer(A.observationLevel)} AS level, ${answer(A.rousing)} AS rousing, (${criterion}) AS criterion,
    ${answer(A.rouseWakes)} IS NOT NULL AND ${answer(A.rouseAnswers)} IS NOT NULL AND ${answer(A.rouseCommands)} IS NOT NULL AS checks,
    ${answer(A.rouseWakes)} = 'false' AS not_roused`;
const assessed = (condition: SQL) => sql`count(*) FILTER (WHERE v.custody AND ${condition})`;

/**
 * Each stay once: when its first health assessment and second-stage assessment were made, whether
 * it has any second-stage form at all, when its 7-day task was closed as done, whether a custody
 * assessment found it not fit to detain, and its custody assessments counted by what was set.
 * The forms are one LATERAL index search per stay, so the cost follows the period's stays.
 */
const perStay = sql`
per_stay AS MATERIALIZED (
  SELECT s.*, f.*,
    CASE WHEN s.kind = 'prison' THEN (
      SELECT min((r.state -> 'task.closed' ->> 'recordedAt')::timestamptz) FROM records r
      WHERE r.record_type = 'task' AND ${TASK_STAY} = s.id
        AND r.state -> 'task.created' -> 'payload' ->> 'kind' = ${KPI_FORMS.secondStageTask}
        AND r.state -> 'task.closed' -> 'payload' ->> 'outcome' = 'done') END AS task_at
  FROM period_stays s
  CROSS JOIN LATERAL (
    SELECT
      min(v.observed) FILTER (WHERE v.counts AND v.template = CASE s.kind WHEN 'custody' THEN ${KPI_FORMS.custodyFirst} ELSE ${KPI_FORMS.prisonFirst} END) AS first_at,
      min(v.observed) FILTER (WHERE v.counts AND v.template = ${KPI_FORMS.secondStage}) AS second_at,
      count(*) FILTER (WHERE v.template = ${KPI_FORMS.secondStage}) AS second_forms,
      COALESCE(bool_or(v.custody AND v.not_fit), false) AS not_fit,
      count(*) FILTER (WHERE v.custody) AS assessments,
      ${assessed(sql`v.level = '1'`)} AS level_1, ${assessed(sql`v.level = '2'`)} AS level_2, ${assessed(sql`v.level = '3'`)} AS level_3, ${assessed(sql`v.level = '4'`)} AS level_4,
      ${assessed(sql`v.rousing = 'not-required'`)} AS rousing_not_required, ${assessed(sql`v.rousing = '60'`)} AS rousing_60,
      ${assessed(sql`v.rousing = '30'`)} AS rousing_30, ${assessed(sql`v.rousing = '15'`)} AS rousing_15,
      ${assessed(sql`v.criterion`)} AS criterion_met,
      ${assessed(sql`v.criterion AND v.rousing IN (${list(ROUSING_AT_LEAST_30)})`)} AS criterion_met_rousing_30,
      ${assessed(sql`v.checks`)} AS rousing_checks_recorded,
      ${assessed(sql`v.not_roused`)} AS could_not_be_roused
    FROM records r
    -- The current version of each form: the payload of the event at the record's head.
    CROSS JOIN LATERAL (SELECT e.value -> 'payload' -> 'response' AS f FROM jsonb_each(r.state) e WHERE e.value ->> 'eventId' = r.head_event_id::text) head
    CROSS JOIN LATERAL (${formFacts}) v
    WHERE r.record_type = 'form_response' AND ${FORM_STAY} = s.id
      AND head.f ->> 'templateId' IN (${list([KPI_FORMS.custodyFirst, KPI_FORMS.prisonFirst, KPI_FORMS.secondStage])})
  ) f
)`;

const bandCounts = sql.join(
  FIRST_ASSESSMENT_BANDS.map(
    (band) => sql`count(*) FILTER (WHERE minutes >= ${sql.raw(String(band.from))}${band.to === null ? sql`` : sql` AND minutes < ${sql.raw(String(band.to))}`}) AS ${sql.identifier(band.id)}`,
  ),
  sql`, `,
);

const firstAssessment = sql`
SELECT site, GROUPING(site) AS region, count(*) AS stays, count(minutes) AS assessed,
  count(*) FILTER (WHERE minutes < 0) AS before_arrival, ${bandCounts},
  count(*) FILTER (WHERE minutes >= 0) AS timed,
  percentile_disc(0.5) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE minutes >= 0) AS median_minutes,
  percentile_disc(0.9) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE minutes >= 0) AS p90_minutes
FROM (SELECT site, ${minutesBetween(sql`first_at`, sql`arrived`)} AS minutes FROM per_stay) x
GROUP BY GROUPING SETS ((site), ())`;

const secondStage = (b: KpiBounds) => sql`
SELECT site, GROUPING(site) AS region, count(*) AS prison_stays,
  count(*) FILTER (WHERE longer) AS longer_than_7,
  count(*) FILTER (WHERE longer AND done_after <= ${SECOND_STAGE_DAYS}) AS within_7,
  count(*) FILTER (WHERE longer AND done_after > ${SECOND_STAGE_DAYS}) AS late,
  count(*) FILTER (WHERE longer AND done_after IS NULL) AS not_done,
  count(*) FILTER (WHERE NOT longer AND NOT still_here) AS left_within_7,
  count(*) FILTER (WHERE NOT longer AND still_here) AS under_7_so_far
FROM (
  SELECT site, exited IS NULL AS still_here,
    ${daysBetween(sql`COALESCE(exited, ${b.now}::timestamptz)`, sql`arrived`)} > ${SECOND_STAGE_DAYS} AS longer,
    -- The 7-day task counts only for a stay with no second-stage form at all (even one entered in error).
    ${daysBetween(sql`LEAST(second_at, CASE WHEN second_forms > 0 THEN NULL ELSE task_at END)`, sql`arrived`)} AS done_after
  FROM per_stay WHERE kind = 'prison'
) x
GROUP BY GROUPING SETS ((site), ())`;

const referrals = sql`
SELECT site, GROUPING(site) AS region, service, status, GROUPING(status) AS every_status, count(*) AS referrals, count(DISTINCT person_id) AS people
FROM (
  SELECT DISTINCT s.site, r.record_id, r.person_id,
    r.state -> 'referral.made' -> 'payload' ->> 'toService' AS service,
    COALESCE(r.state -> 'referral.outcome_recorded' -> 'payload' ->> 'outcome', 'open') AS status
  FROM period_stays s
  JOIN records r ON r.person_id = s.person_id AND r.record_type = 'referral'
    AND r.state -> 'referral.made' -> 'payload' ->> 'siteCode' = s.site
    AND ${MADE_AT} >= s.arrived AND (s.exited IS NULL OR ${MADE_AT} <= s.exited)
) made
GROUP BY GROUPING SETS ((site, service, status), (site, service), (service, status), (service))`;

const hospital = sql`
SELECT site, GROUPING(site) AS region, kind, count(*) AS stays,
  count(*) FILTER (WHERE to_hospital) AS to_hospital,
  count(*) FILTER (WHERE not_fit) AS not_fit,
  count(*) FILTER (WHERE not_fit AND to_hospital) AS not_fit_to_hospital
FROM (
  SELECT site, kind, not_fit,
    exited IS NOT NULL AND (lower(COALESCE(exit_reason, '')) LIKE ${`%${HOSPITAL_WORD}%`} OR lower(COALESCE(exit_destination, '')) LIKE ${`%${HOSPITAL_WORD}%`}) AS to_hospital
  FROM per_stay
) x
GROUP BY GROUPING SETS ((site, kind), (kind))`;

const OBSERVATION_COUNTS = [
  'assessments', 'level_1', 'level_2', 'level_3', 'level_4', 'rousing_not_required', 'rousing_60', 'rousing_30', 'rousing_15',
  'criterion_met', 'criterion_met_rousing_30', 'rousing_checks_recorded', 'could_not_be_roused',
] as const;

const observation = sql`
SELECT site, GROUPING(site) AS region, count(*) AS detentions, count(*) FILTER (WHERE assessments > 0) AS detentions_assessed,
  ${sql.join(OBSERVATION_COUNTS.map((c) => sql`COALESCE(sum(${sql.identifier(c)}), 0) AS ${sql.identifier(c)}`), sql`, `)}
FROM per_stay WHERE kind = 'custody'
GROUP BY GROUPING SETS ((site), ())`;

/** Every section's rows for the period, as (section, row as JSON). */
export const kpiSql = (b: KpiBounds) => sql`
WITH ${periodStays(b)}, ${perStay}
SELECT 'firstAssessment' AS section, to_jsonb(q) AS row FROM (${firstAssessment}) q
UNION ALL SELECT 'secondStage', to_jsonb(q) FROM (${secondStage(b)}) q
UNION ALL SELECT 'referrals', to_jsonb(q) FROM (${referrals}) q
UNION ALL SELECT 'hospital', to_jsonb(q) FROM (${hospital}) q
UNION ALL SELECT 'observation', to_jsonb(q) FROM (${observation}) q`;

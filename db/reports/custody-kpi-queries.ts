// The SQL of the custody and reception KPIs, as data for the report worker. Every figure is over
// the detentions and prison stays at this site that began in the period (arrival in
// [@from, @to)), so the sections add up to one population. Each query starts from the period's
// stays (stays_site_arrived) and reaches a stay's forms through the indexes on their expressions
// (kpi-index.ts, form_responses_stay_observed and form_responses_custody_kpi): a report reads
// index entries, never the encrypted page of each response body.
//
// Times: arrival and exit may carry any UTC offset, so they are compared as julianday() values;
// a form's time is when the observation was made (observedAt, else when it was recorded). A
// form counts when it is the current version of its entry and not entered in error. The 7-day
// task closed as done counts only for a stay with no second-stage form at all (closed by hand):
// saving the form closes the task, so a stay with a form is judged by the form, and a form later
// entered in error is not counted through the task it closed.
//
// What is counted (the bands, the 7 days, the rousing criteria, the levels and frequencies) comes
// from the KPI definitions in domain/reports/kpi, which the central's cross-site figures read too.
import {
  CUSTODY_KPI_ANSWERS as A,
  FIRST_ASSESSMENT_BANDS,
  NOT_FIT_HOSPITAL,
  OBSERVATION_LEVELS,
  ROUSING_AT_LEAST_30,
  ROUSING_CRITERIA,
  ROUSING_FREQUENCIES,
  SECOND_STAGE_DAYS,
} from '../../domain/reports/kpi/custody-kpi-definitions';
import { CUSTODY_ASSESSMENT_TEMPLATE, answerSql, type CustodyKpiAnswer } from './kpi-index';
import type { ReportStep } from './report-worker';

/** A constant from the definitions as an SQL string literal. */
const text = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The result column counting assessments at an observation level. */
export const levelKey = (value: string) => `level_${value}`;
/** The result column counting assessments with a rousing frequency. */
export const rousingKey = (value: string) => `rousing_${value.replace(/-/g, '_')}`;

const BAND_COUNTS = FIRST_ASSESSMENT_BANDS.map(
  (b) => `coalesce(sum(minutes >= ${b.from}${b.to === null ? '' : ` AND minutes < ${b.to}`}), 0) AS ${b.id}`,
).join(',\n  ');

export interface CustodyKpiParams {
  site: string;
  /** ISO instants: the period's first local midnight, and the one after its last day. */
  from: string;
  to: string;
  /**
   * A day either side, as text: arrival times are compared exactly as julianday() values, but the
   * index on arrived_at (text, possibly with any UTC offset) is searched within these bounds first.
   */
  fromLoose: string;
  toLoose: string;
  /** Now, for whether a stay still open has lasted longer than 7 days. */
  now: string;
  /** The first health assessment's template at each kind of site. */
  custodyFirst: string;
  prisonFirst: string;
  /** The second-stage health assessment, and the 7-day task it completes. */
  secondStage: string;
  secondStageTask: string;
  /** A LIKE pattern (lower case) for an exit reason or destination that is a hospital. */
  hospital: string;
}

/** The observation time, as in the index form_responses_stay_observed (kpi-index.ts OBSERVED_AT_SQL). */
const OBSERVED = `julianday(coalesce(json_extract(fr.body, '$.observedAt'), fr.recorded_at))`;
const COUNTS = `fr.current = 1 AND fr.status <> 'entered_in_error'`;

/** The period's stays, from the index stays_site_arrived alone (`columns` adds what one query needs from the row). */
const periodStays = (extra = '', columns = '') => `period_stays AS MATERIALIZED (
  SELECT s.id, s.person_id, s.kind, s.exited_at, julianday(s.arrived_at) AS arrived${columns}
  FROM stays s
  WHERE s.site_code = @site AND s.arrived_at >= @fromLoose AND s.arrived_at < @toLoose
    AND julianday(s.arrived_at) >= julianday(@from) AND julianday(s.arrived_at) < julianday(@to) ${extra}
)`;

/** An answer, as in the index form_responses_custody_kpi (kpi-index.ts answerSql). */
const answer = (id: CustodyKpiAnswer) => answerSql(id).replace('json_extract(body,', 'json_extract(fr.body,');
const CUSTODY_FORM = `fr.template_id = '${CUSTODY_ASSESSMENT_TEMPLATE}'`;

/** Nearest-rank percentile p (whole percent) of a window-ranked set: the ceil(p * n / 100)-th value. */
const percentile = (p: number) => `(SELECT minutes FROM ranked WHERE rn = max(1, (n * ${p} + 99) / 100))`;

export const FIRST_ASSESSMENT_SQL = `
WITH ${periodStays()},
firsts AS MATERIALIZED (
  SELECT ps.id,
    ((SELECT min(${OBSERVED}) FROM form_responses fr
       WHERE fr.stay_id = ps.id AND fr.template_id = CASE ps.kind WHEN 'custody' THEN @custodyFirst ELSE @prisonFirst END AND ${COUNTS})
     - ps.arrived) * 1440.0 AS minutes
  FROM period_stays ps
),
ranked AS MATERIALIZED (
  SELECT minutes, row_number() OVER (ORDER BY minutes) AS rn, count(*) OVER () AS n FROM firsts WHERE minutes >= 0
)
SELECT
  count(*) AS stays,
  count(minutes) AS assessed,
  coalesce(sum(minutes < 0), 0) AS before_arrival,
  ${BAND_COUNTS},
  ${percentile(50)} AS median_minutes,
  ${percentile(90)} AS p90_minutes
FROM firsts`;

export const SECOND_STAGE_SQL = `
WITH ${periodStays("AND s.kind = 'prison'")},
timed AS MATERIALIZED (
  SELECT ps.arrived,
    CASE WHEN ps.exited_at IS NOT NULL THEN julianday(ps.exited_at) - ps.arrived ELSE julianday(@now) - ps.arrived END AS length_days,
    ps.exited_at IS NULL AS still_here,
    (SELECT min(${OBSERVED}) FROM form_responses fr
      WHERE fr.stay_id = ps.id AND fr.template_id = @secondStage AND ${COUNTS}) AS form_at,
    (SELECT min(julianday(t.closed_at)) FROM tasks t
      WHERE t.stay_id = ps.id AND t.kind = @secondStageTask AND t.status = 'done'
        AND NOT EXISTS (SELECT 1 FROM form_responses fr WHERE fr.stay_id = ps.id AND fr.template_id = @secondStage)) AS task_at
  FROM period_stays ps
),
judged AS (
  SELECT length_days > ${SECOND_STAGE_DAYS} AS longer, still_here,
    CASE WHEN form_at IS NULL THEN task_at WHEN task_at IS NULL THEN form_at ELSE min(form_at, task_at) END - arrived AS done_after
  FROM timed
)
SELECT
  count(*) AS prison_stays,
  coalesce(sum(longer), 0) AS longer_than_7,
  coalesce(sum(longer AND done_after <= ${SECOND_STAGE_DAYS}), 0) AS within_7,
  coalesce(sum(longer AND done_after > ${SECOND_STAGE_DAYS}), 0) AS late,
  coalesce(sum(longer AND done_after IS NULL), 0) AS not_done,
  coalesce(sum(NOT longer AND NOT still_here), 0) AS left_within_7,
  coalesce(sum(NOT longer AND still_here), 0) AS under_7_so_far
FROM judged`;

export const REFERRALS_SQL = `
WITH ${periodStays()},
made AS MATERIALIZED (
  SELECT DISTINCT r.rowid, r.person_id, r.to_service, r.status
  -- CROSS JOIN keeps the period's stays outermost (SQLite's join-order hint), with or without ANALYZE statistics.
  FROM period_stays ps
  CROSS JOIN referrals r ON r.person_id = ps.person_id AND r.site_code = @site
   AND julianday(r.created_at) >= ps.arrived
   AND (ps.exited_at IS NULL OR julianday(r.created_at) <= julianday(ps.exited_at))
)
SELECT to_service AS service, status, count(*) AS referrals, count(DISTINCT person_id) AS people FROM made GROUP BY to_service, status
UNION ALL
SELECT to_service, '*', count(*), count(DISTINCT person_id) FROM made GROUP BY to_service`;

export const HOSPITAL_SQL = `
WITH ${periodStays('', ', s.exit_reason, s.exit_destination')},
per_stay AS (
  SELECT ps.kind,
    ps.exited_at IS NOT NULL AND (lower(coalesce(ps.exit_reason, '')) LIKE @hospital OR lower(coalesce(ps.exit_destination, '')) LIKE @hospital) AS to_hospital,
    EXISTS (SELECT 1 FROM form_responses fr
      WHERE fr.stay_id = ps.id AND ${CUSTODY_FORM} AND ${COUNTS} AND ${answer(A.fitToDetain)} = ${text(NOT_FIT_HOSPITAL)}) AS not_fit
  FROM period_stays ps
)
SELECT kind, count(*) AS stays, coalesce(sum(to_hospital), 0) AS to_hospital, coalesce(sum(not_fit), 0) AS not_fit,
  coalesce(sum(not_fit AND to_hospital), 0) AS not_fit_to_hospital
FROM per_stay GROUP BY kind`;



export const OBSERVATION_SQL = `
WITH ${periodStays("AND s.kind = 'custody'")},
assessed AS MATERIALIZED (
  SELECT fr.stay_id,
    ${answer(A.observationLevel)} AS level,
    ${answer(A.rousing)} AS rousing,
    (${[
      ...ROUSING_CRITERIA.yes.map((id) => `coalesce(${answer(id)}, 0) = 1`),
      `coalesce(${answer(ROUSING_CRITERIA.avpuItem)}, ${text(ROUSING_CRITERIA.avpuAlert)}) <> ${text(ROUSING_CRITERIA.avpuAlert)}`,
      `coalesce(${answer(ROUSING_CRITERIA.gcsItem)}, 15) < ${ROUSING_CRITERIA.gcsBelow}`,
    ].join('\n      OR ')}) AS criterion,
    ${answer(A.rouseWakes)} AS wakes,
    (${answer(A.rouseWakes)} IS NOT NULL AND ${answer(A.rouseAnswers)} IS NOT NULL AND ${answer(A.rouseCommands)} IS NOT NULL) AS checks
  FROM period_stays ps
  CROSS JOIN form_responses fr ON fr.stay_id = ps.id AND ${CUSTODY_FORM} AND ${COUNTS}
)
SELECT
  (SELECT count(*) FROM period_stays) AS detentions,
  count(*) AS assessments,
  count(DISTINCT stay_id) AS detentions_assessed,
  ${OBSERVATION_LEVELS.map((l) => `coalesce(sum(level = ${text(l.value)}), 0) AS ${levelKey(l.value)}`).join(',\n  ')},
  ${ROUSING_FREQUENCIES.map((f) => `coalesce(sum(rousing = ${text(f.value)}), 0) AS ${rousingKey(f.value)}`).join(',\n  ')},
  coalesce(sum(criterion), 0) AS criterion_met,
  coalesce(sum(criterion AND rousing IN (${ROUSING_AT_LEAST_30.map(text).join(', ')})), 0) AS criterion_met_rousing_30,
  coalesce(sum(checks), 0) AS rousing_checks_recorded,
  coalesce(sum(wakes = 0), 0) AS could_not_be_roused
FROM assessed`;

export function custodyKpiSteps(params: CustodyKpiParams): ReportStep[] {
  const p = { ...params };
  const step = (id: string, label: string, sql: string, names: (keyof CustodyKpiParams)[]): ReportStep => ({
    id,
    label,
    sql,
    params: Object.fromEntries(names.map((n) => [n, p[n]])),
  });
  const range: (keyof CustodyKpiParams)[] = ['site', 'from', 'to', 'fromLoose', 'toLoose'];
  return [
    step('firstAssessment', 'Time from arrival to the first health assessment', FIRST_ASSESSMENT_SQL, [...range, 'custodyFirst', 'prisonFirst']),
    step('secondStage', 'Second-stage assessments within 7 days', SECOND_STAGE_SQL, [...range, 'now', 'secondStage', 'secondStageTask']),
    step('referrals', 'Referrals to mental health and substance misuse services', REFERRALS_SQL, range),
    step('hospital', 'Transfers to hospital', HOSPITAL_SQL, [...range, 'hospital']),
    step('observation', 'Observation levels and rousing', OBSERVATION_SQL, range),
  ];
}

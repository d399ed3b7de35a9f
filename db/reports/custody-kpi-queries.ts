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
import { CUSTODY_ASSESSMENT_TEMPLATE, answerSql, type CustodyKpiAnswer } from './kpi-index';
import type { ReportStep } from './report-worker';

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
  coalesce(sum(minutes >= 0 AND minutes < 30), 0) AS under_30,
  coalesce(sum(minutes >= 30 AND minutes < 60), 0) AS from_30_to_60,
  coalesce(sum(minutes >= 60 AND minutes < 120), 0) AS from_1_to_2h,
  coalesce(sum(minutes >= 120 AND minutes < 240), 0) AS from_2_to_4h,
  coalesce(sum(minutes >= 240 AND minutes < 480), 0) AS from_4_to_8h,
  coalesce(sum(minutes >= 480), 0) AS over_8h,
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
  SELECT length_days > 7 AS longer, still_here,
    CASE WHEN form_at IS NULL THEN task_at WHEN task_at IS NULL THEN form_at ELSE min(form_at, task_at) END - arrived AS done_after
  FROM timed
)
SELECT
  count(*) AS prison_stays,
  coalesce(sum(longer), 0) AS longer_than_7,
  coalesce(sum(longer AND done_after <= 7), 0) AS within_7,
  coalesce(sum(longer AND done_after > 7), 0) AS late,
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
      WHERE fr.stay_id = ps.id AND ${CUSTODY_FORM} AND ${COUNTS} AND ${answer('fit-to-detain')} = 'not-fit-hospital') AS not_fit
  FROM period_stays ps
)
SELECT kind, count(*) AS stays, coalesce(sum(to_hospital), 0) AS to_hospital, coalesce(sum(not_fit), 0) AS not_fit,
  coalesce(sum(not_fit AND to_hospital), 0) AS not_fit_to_hospital
FROM per_stay GROUP BY kind`;



export const OBSERVATION_SQL = `
WITH ${periodStays("AND s.kind = 'custody'")},
assessed AS MATERIALIZED (
  SELECT fr.stay_id,
    ${answer('observation-level')} AS level,
    ${answer('rousing')} AS rousing,
    (coalesce(${answer('intoxicated')}, 0) = 1 OR coalesce(${answer('may-have-swallowed-drugs')}, 0) = 1
      OR coalesce(${answer('consciousness-concern')}, 0) = 1 OR coalesce(${answer('head-injury')}, 0) = 1
      OR coalesce(${answer('avpu')}, 'alert') <> 'alert' OR coalesce(${answer('gcs')}, 15) < 15) AS criterion,
    ${answer('rouse-wakes')} AS wakes,
    (${answer('rouse-wakes')} IS NOT NULL AND ${answer('rouse-answers')} IS NOT NULL AND ${answer('rouse-commands')} IS NOT NULL) AS checks
  FROM period_stays ps
  CROSS JOIN form_responses fr ON fr.stay_id = ps.id AND ${CUSTODY_FORM} AND ${COUNTS}
)
SELECT
  (SELECT count(*) FROM period_stays) AS detentions,
  count(*) AS assessments,
  count(DISTINCT stay_id) AS detentions_assessed,
  coalesce(sum(level = '1'), 0) AS level_1,
  coalesce(sum(level = '2'), 0) AS level_2,
  coalesce(sum(level = '3'), 0) AS level_3,
  coalesce(sum(level = '4'), 0) AS level_4,
  coalesce(sum(rousing = 'not-required'), 0) AS rousing_not_required,
  coalesce(sum(rousing = '60'), 0) AS rousing_60,
  coalesce(sum(rousing = '30'), 0) AS rousing_30,
  coalesce(sum(rousing = '15'), 0) AS rousing_15,
  coalesce(sum(criterion), 0) AS criterion_met,
  coalesce(sum(criterion AND rousing IN ('30', '15')), 0) AS criterion_met_rousing_30,
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

// The SQL of the patient outcomes report, as data for the report worker: substance misuse
// referrals made at this site in the period by source and where they stand; the coded events of
// the period (referrals on to a key service, decided in the period, community referrals on
// release, referred in the period, and the codes forms recorded); and, per person whose latest TOP review in the
// period was recorded here, that review's measures with the latest start TOP's before it. The TOP
// arithmetic is the definition's (domain/sms/top-summary.ts), not SQL's: the SQL reads the answers
// it needs, from indexes (top-index.ts).
import type { ReportStep } from './report-worker';
import { TOP_MEASURES_SQL, TOP_STAGE_SQL, TOP_TEMPLATES_SQL } from './top-index';

export interface OutcomesParams {
  site: string;
  /** ISO instants: the period's first local midnight, and the one after its last day. */
  from: string;
  to: string;
  /** yyyy-mm-dd: the period's first and last day (for days recorded as days). */
  firstDay: string;
  lastDay: string;
  /** Only the people on this worker's caseload (as a keyworker at any time in the period); none: everyone. */
  worker?: string | null;
  /** One team's work only; none: every team. The outcomes are the substance misuse team's (`caseloadTeam`). */
  team?: string | null;
  caseloadTeam?: string;
}

/**
 * Whose outcomes count: everyone when no worker or team is chosen; with a worker, the people on
 * their keyworker caseload at some time in the period (the assignments the workforce report
 * counts); with another team than the substance misuse team, nobody.
 */
const whose = (person: string) => `(@team IS NULL OR @team = @caseloadTeam)
  AND (@worker IS NULL OR ${person} IN (SELECT a.person_id FROM caseload_assignments a
    WHERE a.site_code = @site AND a.worker_id = @worker AND a.assigned_at < @to AND (a.ended_at IS NULL OR a.ended_at >= @from)))`;

export const REFERRALS_BY_SOURCE_SQL = `
SELECT coalesce(r.source, 'not-recorded') AS source, r.status, count(*) AS referrals
FROM referrals r
WHERE r.site_code = @site AND r.to_service = 'substance_misuse' AND r.created_at >= @from AND r.created_at < @to
  AND ${whose('r.person_id')}
GROUP BY 1, 2`;

/**
 * Coded events of the period with the code system they were recorded in (null where only the code
 * is kept: a referral's code): referrals on to a key service decided in the period, community
 * referrals on release made in the period, and the codes the site's forms recorded in the period.
 * CTV3 codes are mapped to SNOMED CT after the query (domain/reports/coded-events/), not here.
 */
/** The condition of form_responses_site_coded (migration outcome_and_caseload_indexes): a form that recorded a code. */
export const CODED_FORM = `json_array_length(body, '$.codes') > 0`;

export const CODED_EVENTS_SQL = `
SELECT 'referral-outcome' AS event, NULL AS system, r.referred_on_code AS code, max(r.referred_on_display) AS display, count(*) AS events
FROM referrals r
WHERE r.site_code = @site AND r.status = 'referred_on' AND r.referred_on_code IS NOT NULL
  AND r.decided_on >= @firstDay AND r.decided_on <= @lastDay AND ${whose('r.person_id')}
GROUP BY r.referred_on_code
UNION ALL
SELECT 'release-referral', json_extract(rp.community_referral, '$.code.system'), json_extract(rp.community_referral, '$.code.code'),
  max(json_extract(rp.community_referral, '$.code.display')), count(*)
FROM release_plans rp
WHERE rp.site_code = @site AND json_extract(rp.community_referral, '$.code.code') IS NOT NULL
  AND json_extract(rp.community_referral, '$.referredOn') >= @firstDay AND json_extract(rp.community_referral, '$.referredOn') <= @lastDay
  AND ${whose('rp.person_id')}
GROUP BY 2, 3
UNION ALL
SELECT 'form:' || fr.template_id, json_extract(c.value, '$.system'), json_extract(c.value, '$.code'), max(json_extract(c.value, '$.display')), count(*)
FROM form_responses fr INDEXED BY form_responses_site_coded, json_each(fr.body, '$.codes') c
WHERE ${CODED_FORM} AND fr.origin_site = @site AND fr.current = 1 AND fr.status <> 'entered_in_error' AND fr.recorded_at >= @from AND fr.recorded_at < @to
  AND ${whose('fr.person_id')}
GROUP BY 1, 2, 3`;

const TOP_FORM = `fr.template_id IN ${TOP_TEMPLATES_SQL} AND fr.current = 1 AND fr.status <> 'entered_in_error'`;
const stageIs = (stage: string) => `${TOP_STAGE_SQL} = '${stage}'`;

/**
 * Per person whose latest TOP review in the period was recorded here: that review's measures and
 * those of their latest start TOP before it (TOP_MEASURES_SQL: a JSON array in the order of
 * TOP_MEASURE_ITEM_IDS). Every read is of form_responses_top_site or _top_person (top-index.ts).
 */
export const TOP_CHANGE_SQL = `
WITH review AS MATERIALIZED (
  SELECT fr.person_id, max(fr.recorded_at) AS recorded_at
  FROM form_responses fr INDEXED BY form_responses_top_site
  WHERE ${TOP_FORM} AND fr.origin_site = @site AND fr.recorded_at >= @from AND fr.recorded_at < @to
    AND ${stageIs('review')} AND ${whose('fr.person_id')}
  GROUP BY fr.person_id
)
SELECT rv.person_id,
  (SELECT ${TOP_MEASURES_SQL} FROM form_responses fr INDEXED BY form_responses_top_person
    WHERE fr.person_id = rv.person_id AND ${stageIs('review')} AND fr.recorded_at = rv.recorded_at AND ${TOP_FORM} LIMIT 1) AS review_measures,
  (SELECT ${TOP_MEASURES_SQL} FROM form_responses fr INDEXED BY form_responses_top_person
    WHERE fr.person_id = rv.person_id AND ${stageIs('start')} AND fr.recorded_at < rv.recorded_at AND ${TOP_FORM}
    ORDER BY fr.recorded_at DESC LIMIT 1) AS start_measures
FROM review rv`;

export function outcomesSteps(params: OutcomesParams): ReportStep[] {
  const p = { worker: null, team: null, caseloadTeam: 'sms', ...params };
  const pick = (names: (keyof OutcomesParams)[]) => Object.fromEntries(names.map((n) => [n, p[n]]));
  const filters: (keyof OutcomesParams)[] = ['site', 'from', 'to', 'worker', 'team', 'caseloadTeam'];
  return [
    { id: 'referrals', label: 'Referrals by source and outcome', sql: REFERRALS_BY_SOURCE_SQL, params: pick(filters) },
    { id: 'coded', label: 'Coded events', sql: CODED_EVENTS_SQL, params: pick([...filters, 'firstDay', 'lastDay']) },
    { id: 'top', label: 'TOP change between start and review', sql: TOP_CHANGE_SQL, params: pick(filters) },
  ];
}

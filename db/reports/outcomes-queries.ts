// The SQL of the patient outcomes report, as data for the report worker: substance misuse
// referrals made at this site in the period by source and where they stand; the SNOMED CT coded
// events of the period (referrals on to a key service, decided in the period, and community
// referrals on release, referred in the period); and, per person whose latest TOP review in the
// period was recorded here, that review's answers with the latest start TOP before it. The TOP
// arithmetic is the definition's (domain/sms/top-summary.ts), not SQL's.
import type { ReportStep } from './report-worker';

export interface OutcomesParams {
  site: string;
  /** ISO instants: the period's first local midnight, and the one after its last day. */
  from: string;
  to: string;
  /** yyyy-mm-dd: the period's first and last day (for days recorded as days). */
  firstDay: string;
  lastDay: string;
  /** The TOP templates, as a JSON array. */
  topTemplates: string;
}

export const REFERRALS_BY_SOURCE_SQL = `
SELECT coalesce(r.source, 'not-recorded') AS source, r.status, count(*) AS referrals
FROM referrals r
WHERE r.site_code = @site AND r.to_service = 'substance_misuse' AND r.created_at >= @from AND r.created_at < @to
GROUP BY 1, 2`;

export const CODED_EVENTS_SQL = `
SELECT 'referral-outcome' AS event, r.referred_on_code AS code, max(r.referred_on_display) AS display, count(*) AS events
FROM referrals r
WHERE r.site_code = @site AND r.status = 'referred_on' AND r.referred_on_code IS NOT NULL
  AND r.decided_on >= @firstDay AND r.decided_on <= @lastDay
GROUP BY r.referred_on_code
UNION ALL
SELECT 'release-referral', json_extract(rp.community_referral, '$.code.code'), max(json_extract(rp.community_referral, '$.code.display')), count(*)
FROM release_plans rp
WHERE rp.site_code = @site AND json_extract(rp.community_referral, '$.code.code') IS NOT NULL
  AND json_extract(rp.community_referral, '$.referredOn') >= @firstDay AND json_extract(rp.community_referral, '$.referredOn') <= @lastDay
GROUP BY 2`;

const TOP_FORM = `fr.template_id IN (SELECT value FROM json_each(@topTemplates)) AND fr.current = 1 AND fr.status <> 'entered_in_error'`;

export const TOP_CHANGE_SQL = `
WITH review AS MATERIALIZED (
  SELECT fr.person_id, max(fr.recorded_at) AS recorded_at
  FROM form_responses fr
  WHERE ${TOP_FORM} AND fr.origin_site = @site AND fr.recorded_at >= @from AND fr.recorded_at < @to
    AND json_extract(fr.body, '$.answers.stage') = 'review'
  GROUP BY fr.person_id
)
SELECT rv.person_id,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE fr.person_id = rv.person_id AND ${TOP_FORM} AND fr.recorded_at = rv.recorded_at
      AND json_extract(fr.body, '$.answers.stage') = 'review' LIMIT 1) AS review_answers,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE fr.person_id = rv.person_id AND ${TOP_FORM} AND fr.recorded_at < rv.recorded_at
      AND json_extract(fr.body, '$.answers.stage') = 'start'
    ORDER BY fr.recorded_at DESC LIMIT 1) AS start_answers
FROM review rv`;

export function outcomesSteps(params: OutcomesParams): ReportStep[] {
  const p = { ...params };
  const pick = (names: (keyof OutcomesParams)[]) => Object.fromEntries(names.map((n) => [n, p[n]]));
  return [
    { id: 'referrals', label: 'Referrals by source and outcome', sql: REFERRALS_BY_SOURCE_SQL, params: pick(['site', 'from', 'to']) },
    { id: 'coded', label: 'Coded events', sql: CODED_EVENTS_SQL, params: pick(['site', 'firstDay', 'lastDay']) },
    { id: 'top', label: 'TOP change between start and review', sql: TOP_CHANGE_SQL, params: pick(['site', 'from', 'to', 'topTemplates']) },
  ];
}

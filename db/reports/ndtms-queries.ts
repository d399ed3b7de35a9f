// The SQL of the NDTMS return, as data for the report worker: every substance misuse treatment at
// this site open at some time in the month (started on or before its last day, not ended before
// its first), with what the return needs from around it: the person's date of birth and current
// prison number, the referral it came from, the stay it belongs to, the person's latest release
// plan at the site and their latest start-of-treatment TOP. The mapping to the return's fields is
// pure (domain/reports/ndtms/); this only gathers.
import type { ReportStep } from './report-worker';

export interface NdtmsParams {
  site: string;
  /** yyyy-mm-dd: the first and last day of the return's period. */
  firstDay: string;
  lastDay: string;
  /** The TOP templates, as a JSON array. */
  topTemplates: string;
}

export const NDTMS_EPISODES_SQL = `
SELECT t.id AS episode_id, t.started_on, t.interventions, t.substances, t.ended_on, t.end_reason,
  p.birth_date,
  (SELECT i.value FROM person_identifiers i
    WHERE i.person_id = t.person_id AND i.type = 'nomis_number' AND i.retired_at IS NULL
    ORDER BY i.created_at DESC LIMIT 1) AS client_ref,
  r.created_at AS referral_at, r.decided_on, r.status AS referral_status,
  s.arrived_at, s.exited_at, s.exit_destination,
  (SELECT rp.community_referral FROM release_plans rp
    WHERE rp.person_id = t.person_id AND rp.site_code = t.site_code
    ORDER BY rp.recorded_at DESC LIMIT 1) AS community_referral,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE fr.person_id = t.person_id AND fr.template_id IN (SELECT value FROM json_each(@topTemplates))
      AND fr.current = 1 AND fr.status <> 'entered_in_error'
      AND json_extract(fr.body, '$.answers.stage') = 'start'
    ORDER BY fr.recorded_at DESC LIMIT 1) AS top_answers
FROM treatments t
JOIN persons p ON p.id = t.person_id
LEFT JOIN referrals r ON r.id = t.referral_id
LEFT JOIN stays s ON s.id = t.stay_id
WHERE t.site_code = @site AND t.started_on <= @lastDay AND (t.ended_on IS NULL OR t.ended_on >= @firstDay)
ORDER BY t.started_on, t.id`;

export function ndtmsSteps(params: NdtmsParams): ReportStep[] {
  return [{ id: 'episodes', label: 'Treatment episodes in the month', sql: NDTMS_EPISODES_SQL, params: { ...params } }];
}

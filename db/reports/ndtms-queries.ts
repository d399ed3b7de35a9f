// The SQL of the NDTMS return, as data for the report worker: every substance misuse treatment at
// this site open at some time in the month (started on or before its last day, not ended before
// its first), with what the return needs from around it: the person's date of birth, sex and
// current prison number, the referral it came from, the stay it belongs to, the person's latest
// release plan for that stay, their latest start TOP and the treatment's latest review and exit
// TOPs, and the latest treatment details and prison exit forms. Forms count as every report
// counts them: the current version, not entered in error, recorded before the period ended. The
// mapping to the return's fields is pure (domain/reports/ndtms/); this only gathers.
import type { ReportStep } from './report-worker';

export interface NdtmsParams {
  site: string;
  /** yyyy-mm-dd: the first and last day of the return's period. */
  firstDay: string;
  lastDay: string;
  /** ISO instant: the local midnight after the period's last day. */
  to: string;
  /** The TOP templates, as a JSON array. */
  topTemplates: string;
  /** The treatment details and prison exit form templates. */
  detailsTemplate: string;
  exitTemplate: string;
}

const FORM = `fr.person_id = t.person_id AND fr.current = 1 AND fr.status <> 'entered_in_error' AND fr.recorded_at < @to`;
const TOP = `${FORM} AND fr.template_id IN (SELECT value FROM json_each(@topTemplates))`;
/** Recorded since the treatment began (its start day, UTC: at worst a few hours early in summer). */
const SINCE_START = `fr.recorded_at >= t.started_on`;
/** Recorded during or after the stay the treatment belongs to (any time, for a treatment with no stay). */
const SINCE_ARRIVAL = `(s.arrived_at IS NULL OR fr.recorded_at >= s.arrived_at)`;

export const NDTMS_EPISODES_SQL = `
SELECT t.id AS episode_id, t.started_on, t.interventions, t.substances, t.ended_on, t.end_reason,
  p.birth_date, p.sex,
  (SELECT i.value FROM person_identifiers i
    WHERE i.person_id = t.person_id AND i.type = 'nomis_number' AND i.retired_at IS NULL
    ORDER BY i.created_at DESC LIMIT 1) AS client_ref,
  r.created_at AS referral_at, r.decided_on, r.status AS referral_status,
  s.arrived_at, s.exited_at,
  (SELECT rp.community_referral FROM release_plans rp
    WHERE rp.person_id = t.person_id AND rp.site_code = t.site_code
      AND (t.stay_id IS NULL OR rp.stay_id IS NULL OR rp.stay_id = t.stay_id)
    ORDER BY rp.recorded_at DESC LIMIT 1) AS community_referral,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE ${TOP} AND json_extract(fr.body, '$.answers.stage') = 'start'
    ORDER BY fr.recorded_at DESC LIMIT 1) AS top_answers,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE ${TOP} AND ${SINCE_START} AND json_extract(fr.body, '$.answers.stage') = 'review'
    ORDER BY fr.recorded_at DESC LIMIT 1) AS review_top_answers,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE ${TOP} AND ${SINCE_START} AND json_extract(fr.body, '$.answers.stage') = 'exit'
    ORDER BY fr.recorded_at DESC LIMIT 1) AS exit_top_answers,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE ${FORM} AND fr.template_id = @detailsTemplate AND ${SINCE_ARRIVAL}
    ORDER BY fr.recorded_at DESC LIMIT 1) AS details_answers,
  (SELECT json_extract(fr.body, '$.answers') FROM form_responses fr
    WHERE ${FORM} AND fr.template_id = @exitTemplate AND ${SINCE_ARRIVAL}
    ORDER BY fr.recorded_at DESC LIMIT 1) AS exit_answers
FROM treatments t
JOIN persons p ON p.id = t.person_id
LEFT JOIN referrals r ON r.id = t.referral_id
LEFT JOIN stays s ON s.id = t.stay_id
WHERE t.site_code = @site AND t.started_on <= @lastDay AND (t.ended_on IS NULL OR t.ended_on >= @firstDay)
ORDER BY t.started_on, t.id`;

export function ndtmsSteps(params: NdtmsParams): ReportStep[] {
  return [{ id: 'episodes', label: 'Treatment episodes in the month', sql: NDTMS_EPISODES_SQL, params: { ...params } }];
}

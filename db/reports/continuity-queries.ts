// The SQL of the continuity-of-care report, as data for the report worker: people released from
// this prison in the period with a release plan, whether the plan referred them to community
// treatment, and how the 3-week follow-up task that the plan created stands now (engaged, did not
// engage, could not be confirmed, still awaited, or past its date unconfirmed). The national
// continuity measure is the share of those referred who engaged within 3 weeks of release.
import type { ReportStep } from './report-worker';

export interface ContinuityParams {
  site: string;
  /** yyyy-mm-dd: the period's first and last day (release dates are days). */
  firstDay: string;
  lastDay: string;
  /** ISO instant the report is run at: a follow-up past its date and still open is overdue. */
  now: string;
  /** The follow-up task kind (domain/tasks/task-kinds.ts). */
  followUpKind: string;
}

export const CONTINUITY_SQL = `
WITH plans AS MATERIALIZED (
  SELECT rp.id,
    CASE WHEN json_extract(rp.community_referral, '$.service') IS NOT NULL THEN 1 ELSE 0 END AS referred,
    (SELECT t.id FROM tasks t
      WHERE t.about_type = 'release_plan' AND t.about_id = rp.id AND t.kind = @followUpKind
      ORDER BY t.created_at DESC LIMIT 1) AS task_id
  FROM release_plans rp
  WHERE rp.site_code = @site AND rp.release_on >= @firstDay AND rp.release_on <= @lastDay
)
SELECT
  count(*) AS released,
  coalesce(sum(p.referred), 0) AS referred,
  coalesce(sum(p.referred AND t.status = 'done' AND t.result = 'engaged'), 0) AS engaged,
  coalesce(sum(p.referred AND t.status = 'done' AND t.result = 'not-engaged'), 0) AS not_engaged,
  coalesce(sum(p.referred AND t.status = 'done' AND t.result = 'unable-to-confirm'), 0) AS unconfirmed,
  coalesce(sum(p.referred AND t.status = 'open' AND t.due_at >= @now), 0) AS awaiting,
  coalesce(sum(p.referred AND t.status = 'open' AND t.due_at < @now), 0) AS overdue,
  coalesce(sum(p.referred AND (t.id IS NULL OR t.status = 'cancelled')), 0) AS no_follow_up
FROM plans p
LEFT JOIN tasks t ON t.id = p.task_id`;

export function continuitySteps(params: ContinuityParams): ReportStep[] {
  return [{ id: 'continuity', label: 'Released, referred and engaged', sql: CONTINUITY_SQL, params: { ...params } }];
}

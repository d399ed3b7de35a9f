// The SQL of the workforce planning report, as data for the report worker: keyworker caseloads
// current in the period, reviews falling due in the next 7 and 28 days, and open work past its due
// time. Caseloads are over the period; reviews due and overdue work are as they stand when the
// report is run (a manager plans from now). Each reads covering indexes only
// (caseload_assignments_site_worker, tasks_site_work): no table page is read.
//
// Times are the app's own UTC instants (toISOString), so they compare as text and the index range
// applies. A filter that is null keeps every row.
import type { ReportStep } from './report-worker';

export interface WorkforceParams {
  site: string;
  /** ISO instants: the period's first local midnight, and the one after its last day. */
  from: string;
  to: string;
  /** When the report is run; the ends (inclusive) of the 7th and 28th calendar days after that day at the site. */
  now: string;
  in7: string;
  in28: string;
  /** One member of staff's work only, or null. */
  worker: string | null;
  /** One team's work only (domain/access/teams.ts), or null. Keyworkers are the substance misuse team's. */
  team: string | null;
  /** The task kinds that are reviews, as a JSON array. */
  reviewKinds: string;
  /** Days overdue after which each kind escalates, as a JSON object by kind; and for other kinds. */
  escalation: string;
  defaultEscalation: number;
  /** The team keyworker assignments belong to. */
  caseloadTeam: string;
}

/**
 * Assignments in force at some moment of the period: begun before its end, not ended before its
 * start. Each worker's people are found once (with whether they were clinical or psychosocial
 * keyworker to them), then counted per worker and, once per person, for the site. The site's
 * assignments are read in worker and person order (caseload_assignments_site_worker), so each
 * worker's people are grouped as they are read: sorting a period's assignments instead took
 * 100-400 ms at a large site, where reading them all in order takes about 20.
 */
export const CASELOAD_SQL = `
WITH current AS MATERIALIZED (
  SELECT a.worker_id, max(a.worker_name) AS worker_name, a.person_id,
    max(a.kind = 'clinical') AS clinical, max(a.kind = 'psychosocial') AS psychosocial
  FROM caseload_assignments a INDEXED BY caseload_assignments_site_worker
  WHERE a.site_code = @site AND a.assigned_at < @to AND (a.ended_at IS NULL OR a.ended_at >= @from)
    AND (@worker IS NULL OR a.worker_id = @worker) AND (@team IS NULL OR @team = @caseloadTeam)
  GROUP BY a.worker_id, a.person_id
)
SELECT worker_id, max(worker_name) AS worker_name, sum(clinical) AS clinical, sum(psychosocial) AS psychosocial, count(*) AS people
FROM current GROUP BY worker_id
UNION ALL
SELECT '*', NULL, coalesce(sum(clinical), 0), coalesce(sum(psychosocial), 0), count(*)
FROM (SELECT max(clinical) AS clinical, max(psychosocial) AS psychosocial FROM current GROUP BY person_id)`;

const TASK_FILTERS = `t.site_code = @site AND t.status = 'open'
  AND (@worker IS NULL OR t.assignee_id = @worker) AND (@team IS NULL OR t.team = @team)`;

/**
 * Open reviews not yet overdue that fall due by the end of the 28th day from today (and which of them
 * by the end of the 7th): a review due on a day falls due at that day's end, so the ends are inclusive.
 */
export const REVIEWS_DUE_SQL = `
SELECT t.assignee_id, max(t.assignee_name) AS assignee_name, t.kind,
  coalesce(sum(t.due_at <= @in7), 0) AS due_7, count(*) AS due_28
FROM tasks t
WHERE ${TASK_FILTERS} AND t.due_at >= @now AND t.due_at <= @in28
  AND t.kind IN (SELECT value FROM json_each(@reviewKinds))
GROUP BY t.assignee_id, t.kind`;

/** Open work past its due time, by worker and kind; escalated as in domain/tasks/task-urgency.ts. */
export const OVERDUE_SQL = `
SELECT t.assignee_id, max(t.assignee_name) AS assignee_name, t.kind, count(*) AS overdue,
  coalesce(sum(julianday(@now) - julianday(t.due_at) >= coalesce(json_extract(@escalation, '$."' || t.kind || '"'), @defaultEscalation)), 0) AS escalated,
  min(t.due_at) AS oldest_due
FROM tasks t
WHERE ${TASK_FILTERS} AND t.due_at < @now
GROUP BY t.assignee_id, t.kind`;

export function workforceSteps(params: WorkforceParams): ReportStep[] {
  const p = { ...params };
  const step = (id: string, label: string, sql: string, names: (keyof WorkforceParams)[]): ReportStep => ({
    id,
    label,
    sql,
    params: Object.fromEntries(names.map((n) => [n, p[n]])),
  });
  const filters: (keyof WorkforceParams)[] = ['site', 'worker', 'team'];
  return [
    step('caseload', 'Caseload per worker', CASELOAD_SQL, [...filters, 'from', 'to', 'caseloadTeam']),
    step('reviewsDue', 'Reviews due in the next 7 and 28 days', REVIEWS_DUE_SQL, [...filters, 'now', 'in7', 'in28', 'reviewKinds']),
    step('overdue', 'Overdue work', OVERDUE_SQL, [...filters, 'now', 'escalation', 'defaultEscalation']),
  ];
}

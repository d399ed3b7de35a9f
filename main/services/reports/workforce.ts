// Workforce planning (the SMS Toolkit's caseload and upcoming-reviews reports): keyworker caseloads
// per worker over the period, the reviews falling due in the next 7 and 28 days, and the work
// that is overdue now, by kind and by worker. The SQL is in db/reports/workforce-queries.ts.
import type { ReportSection } from '../../../contract/channels/reports';
import { CARE_PLAN_REVIEW_KIND, GENERIC_KIND, SMS_REVIEW_KIND, taskKind, taskKinds } from '../../../domain/tasks/task-kinds';
import { workforceSteps } from '../../../db/reports/workforce-queries';
import type { ReportRow } from '../../../db/reports/report-worker';
import { addCalendarDays, endOfSiteDay, siteDateOf } from '../../../domain/sms/review-schedule';
import { count, drawn, type ReportDefinition } from './report-definition';

/** The task kinds counted as reviews due. */
export const WORKFORCE_REVIEW_KINDS = [SMS_REVIEW_KIND, CARE_PLAN_REVIEW_KIND] as const;
const UNASSIGNED = 'Not given to anyone';

const workerLabel = (row: ReportRow, idKey: string, nameKey: string) => (row[idKey] === null ? UNASSIGNED : String(row[nameKey] ?? row[idKey]));

function caseload(rows: readonly ReportRow[]): ReportSection {
  const total = rows.find((r) => r.worker_id === '*');
  const table = rows
    .filter((r) => r.worker_id !== '*')
    .map((r) => ({ worker: workerLabel(r, 'worker_id', 'worker_name'), clinical: count(r, 'clinical'), psychosocial: count(r, 'psychosocial'), people: count(r, 'people') }))
    .sort((a, b) => b.people - a.people || a.worker.localeCompare(b.worker));
  return {
    id: 'caseload',
    title: 'Caseload per worker',
    description:
      'People on each worker’s caseload as their clinical or psychosocial keyworker at any time in the period (an assignment begun before the period ended and not ended before it began). ' +
      'A person reassigned during the period is on both workers’ caseloads.',
    figures: [
      { id: 'workers', label: 'Workers with a caseload', value: table.length, unit: 'count' },
      { id: 'people', label: 'People on a caseload', value: count(total, 'people'), unit: 'count' },
      { id: 'clinical', label: 'People with a clinical keyworker', value: count(total, 'clinical'), unit: 'count' },
      { id: 'psychosocial', label: 'People with a psychosocial keyworker', value: count(total, 'psychosocial'), unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'worker', label: 'Worker', kind: 'text' },
        { id: 'clinical', label: 'Clinical keyworker for', kind: 'count' },
        { id: 'psychosocial', label: 'Psychosocial keyworker for', kind: 'count' },
        { id: 'people', label: 'People', kind: 'count' },
      ],
      rows: table,
    },
    chart: drawn({
      title: 'Caseload per worker',
      stacked: true,
      categoryKey: 'worker',
      valueLabel: 'People',
      series: [
        { key: 'clinical', label: 'Clinical keyworker' },
        { key: 'psychosocial', label: 'Psychosocial keyworker' },
      ],
      data: table.map((r) => ({ worker: r.worker, clinical: r.clinical, psychosocial: r.psychosocial })),
    }),
    notes: ['Keyworkers are the substance misuse team’s: a report narrowed to another team shows no caseloads.'],
  };
}

/** Rows grouped by worker, with a count per key summed over the group. */
function byWorker(rows: readonly ReportRow[], keys: readonly string[]): { worker: string; values: Record<string, number> }[] {
  const groups = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const worker = workerLabel(r, 'assignee_id', 'assignee_name');
    const values = groups.get(worker) ?? Object.fromEntries(keys.map((k) => [k, 0]));
    for (const k of keys) values[k] = (values[k] ?? 0) + count(r, k);
    groups.set(worker, values);
  }
  return [...groups].map(([worker, values]) => ({ worker, values })).sort((a, b) => a.worker.localeCompare(b.worker));
}

const sum = (rows: readonly ReportRow[], key: string, where: (r: ReportRow) => boolean = () => true) => rows.filter(where).reduce((n, r) => n + count(r, key), 0);

function reviewsDue(rows: readonly ReportRow[]): ReportSection {
  const workers = byWorker(rows, ['due_7', 'due_28']);
  const ofKind = (kind: string) => (r: ReportRow) => r.kind === kind;
  return {
    id: 'reviews-due',
    title: 'Reviews due in the next 7 and 28 days',
    description:
      'Open substance misuse reviews and care plan reviews, not yet overdue, falling due by the end of the 7th and of the 28th calendar day after the day the report was run (at the site), by the worker they are given to. ' +
      'A review due on a day falls due at the end of that day at the site, so a review due 7 days from today counts within 7 days.',
    figures: [
      { id: 'due-7', label: 'Reviews due within 7 days', value: sum(rows, 'due_7'), unit: 'count' },
      { id: 'due-28', label: 'Reviews due within 28 days', value: sum(rows, 'due_28'), unit: 'count' },
      { id: 'sms-review-28', label: 'Substance misuse reviews due within 28 days', value: sum(rows, 'due_28', ofKind(SMS_REVIEW_KIND)), unit: 'count' },
      { id: 'care-plan-review-28', label: 'Care plan reviews due within 28 days', value: sum(rows, 'due_28', ofKind(CARE_PLAN_REVIEW_KIND)), unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'worker', label: 'Worker', kind: 'text' },
        { id: 'due7', label: 'Due within 7 days', kind: 'count' },
        { id: 'due28', label: 'Due within 28 days', kind: 'count' },
      ],
      rows: workers.map((w) => ({ worker: w.worker, due7: w.values.due_7 ?? 0, due28: w.values.due_28 ?? 0 })),
    },
    chart: drawn({
      title: 'Reviews due by worker',
      stacked: false,
      categoryKey: 'worker',
      valueLabel: 'Reviews',
      series: [
        { key: 'due7', label: 'Within 7 days' },
        { key: 'due28', label: 'Within 28 days' },
      ],
      data: workers.map((w) => ({ worker: w.worker, due7: w.values.due_7 ?? 0, due28: w.values.due_28 ?? 0 })),
    }),
    notes: ['Reviews due within 7 days are counted again in the 28 days.', 'Reviews already overdue are under Overdue work.'],
  };
}

function overdue(rows: readonly ReportRow[]): ReportSection {
  const kinds = [...new Set(rows.map((r) => String(r.kind)))].sort((a, b) => taskKind(a).label.localeCompare(taskKind(b).label));
  const workers = byWorker(rows, ['overdue', 'escalated']);
  const kindRows = kinds.map((kind) => ({
    kind: taskKind(kind).label,
    overdue: sum(rows, 'overdue', (r) => r.kind === kind),
    escalated: sum(rows, 'escalated', (r) => r.kind === kind),
  }));
  const workerRows = workers.map((w) => ({ kind: `Given to: ${w.worker}`, overdue: w.values.overdue ?? 0, escalated: w.values.escalated ?? 0 }));
  return {
    id: 'overdue',
    title: 'Overdue work',
    description:
      'Open tasks past their due time when the report was run, by kind of work and by the worker they are given to. Escalated means overdue for longer than its kind allows (a review 2 days, a hospital letter 7 days).',
    figures: [
      { id: 'overdue', label: 'Overdue tasks', value: sum(rows, 'overdue'), unit: 'count' },
      { id: 'escalated', label: 'Of those, escalated', value: sum(rows, 'escalated'), unit: 'count' },
      { id: 'unassigned', label: 'Overdue and not given to anyone', value: sum(rows, 'overdue', (r) => r.assignee_id === null), unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'kind', label: 'Kind of work, or worker', kind: 'text' },
        { id: 'overdue', label: 'Overdue', kind: 'count' },
        { id: 'escalated', label: 'Escalated', kind: 'count' },
      ],
      rows: [...kindRows, ...workerRows],
    },
    chart: drawn({
      title: 'Overdue work by worker',
      stacked: true,
      categoryKey: 'worker',
      valueLabel: 'Tasks',
      series: [
        { key: 'notEscalated', label: 'Overdue' },
        { key: 'escalated', label: 'Escalated' },
      ],
      data: workers.map((w) => ({ worker: w.worker, notEscalated: (w.values.overdue ?? 0) - (w.values.escalated ?? 0), escalated: w.values.escalated ?? 0 })),
    }),
    notes: ['Rows by kind and rows by worker count the same tasks twice over: each adds up to the overdue total.'],
  };
}

/**
 * The end of the site's calendar day `days` after the day of `iso`: "due within 7 days" counts a
 * review due on the 7th day (it falls due at that day's end), as a worker planning the week reads it.
 */
const endOfDayAfter = (iso: string, days: number) => endOfSiteDay(addCalendarDays(siteDateOf(iso), days));

export const workforce: ReportDefinition = {
  id: 'workforce',
  title: 'Workforce planning',
  description: 'Caseload per worker over the period, reviews due in the next 7 and 28 days, and overdue work by kind and by worker.',
  filters: ['worker', 'team'],
  steps: (ctx) =>
    workforceSteps({
      site: ctx.site.siteCode,
      from: ctx.period.startsAt,
      to: ctx.period.endsBefore,
      now: ctx.now,
      in7: endOfDayAfter(ctx.now, 7),
      in28: endOfDayAfter(ctx.now, 28),
      worker: ctx.workerId,
      team: ctx.team,
      reviewKinds: JSON.stringify(WORKFORCE_REVIEW_KINDS),
      escalation: JSON.stringify(Object.fromEntries(taskKinds.map((k) => [k.kind, k.escalateAfterDays]))),
      defaultEscalation: GENERIC_KIND.escalateAfterDays,
      caseloadTeam: 'sms',
    }),
  sections: (rows) => [caseload(rows.caseload ?? []), reviewsDue(rows.reviewsDue ?? []), overdue(rows.overdue ?? [])],
};

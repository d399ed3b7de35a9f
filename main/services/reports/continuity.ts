// Continuity of care after prison: of the people released in the period with a release plan that
// referred them to community treatment, how many were confirmed as engaged with it within 3 weeks
// of release (the national continuity measure), from the outcome the keyworker recorded on the
// plan's 3-week follow-up task. Those not yet confirmed are shown as awaited (the 3 weeks are not
// up) or overdue (they are, and nobody has confirmed either way), never counted as engaged.
import type { ReportSection } from '../../../contract/channels/reports';
import { continuitySteps } from '../../../db/reports/continuity-queries';
import { RELEASE_FOLLOW_UP_KIND } from '../../../domain/tasks/task-kinds';
import { count, percent, type ReportDefinition } from './report-definition';
import type { ReportRow } from '../../../db/reports/report-worker';

const OUTCOMES = [
  { key: 'engaged', label: 'Engaged with community treatment' },
  { key: 'not_engaged', label: 'Did not engage' },
  { key: 'unconfirmed', label: 'Could not be confirmed' },
  { key: 'awaiting', label: 'Awaited: 3 weeks not yet up' },
  { key: 'overdue', label: 'Past 3 weeks, not confirmed either way' },
  { key: 'no_follow_up', label: 'No follow-up task' },
] as const;

function continuity(row: ReportRow | undefined): ReportSection {
  const referred = count(row, 'referred');
  const rows = OUTCOMES.map((o) => ({ outcome: o.label, people: count(row, o.key), share: percent(count(row, o.key), referred) }));
  return {
    id: 'continuity',
    title: 'Engagement with community treatment within 3 weeks of release',
    description:
      'People released from this site in the period with a release plan; of those the plan referred to community treatment, the outcome recorded on the 3-week follow-up task.',
    figures: [
      { id: 'released', label: 'Released with a release plan', value: count(row, 'released'), unit: 'count' },
      { id: 'referred', label: 'Referred to community treatment', value: referred, unit: 'count' },
      { id: 'engaged', label: 'Engaged within 3 weeks', value: count(row, 'engaged'), unit: 'count' },
      { id: 'engaged-rate', label: 'Engaged within 3 weeks, of those referred', value: percent(count(row, 'engaged'), referred), unit: 'percent' },
      { id: 'overdue', label: 'Past 3 weeks, not confirmed', value: count(row, 'overdue'), unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'outcome', label: 'Follow-up outcome', kind: 'text' },
        { id: 'people', label: 'People referred', kind: 'count' },
        { id: 'share', label: 'Of those referred', kind: 'percent' },
      ],
      rows,
    },
    chart:
      referred > 0
        ? { title: 'Follow-up outcomes of people referred', stacked: false, categoryKey: 'outcome', valueLabel: 'People', series: [{ key: 'people', label: 'People' }], data: rows.map((r) => ({ outcome: r.outcome, people: r.people })) }
        : null,
    notes: ['A person counts as engaged only when the follow-up task was closed as engaged; awaited and overdue follow-ups are not counted as engaged.'],
  };
}

export const continuityOfCare: ReportDefinition = {
  id: 'continuity',
  title: 'Continuity of care after release',
  description: 'Prison leavers referred for community treatment who engaged with it within 3 weeks of release.',
  filters: [],
  steps: (ctx) => continuitySteps({ site: ctx.site.siteCode, firstDay: ctx.period.from, lastDay: ctx.period.to, now: ctx.now, followUpKind: RELEASE_FOLLOW_UP_KIND }),
  sections: (rows) => [continuity(rows.continuity?.[0])],
};

// Patient outcomes (the SMS Toolkit's outcome reports): substance misuse referrals by where they
// came from and where they stand, the coded events of the period counted under SNOMED CT (CTV3
// codes mapped through the site's versioned map, outcomes-coded.ts), and the change in TOP between
// start and the latest review per person, as a table and a chart. Narrowed to a worker, it is
// about the people on their keyworker caseload in the period; the outcomes are the substance
// misuse team's, so another team has none. The SQL is in db/reports/outcomes-queries.ts; the TOP
// arithmetic in domain/reports/top-change.ts.
import type { ReportChart, ReportSection } from '../../../contract/channels/reports';
import { outcomesSteps } from '../../../db/reports/outcomes-queries';
import type { ReportRow } from '../../../db/reports/report-worker';
import { topChanges, type TopChange, type TopPair } from '../../../domain/reports/top-change';
import { referralSourceLabels, type ReferralSource } from '../../../domain/sms/referral-services';
import { summariseTopMeasures, type TopMeasures } from '../../../domain/sms/top-summary';
import type { Team } from '../../../domain/access/teams';
import { codedEventSections } from './outcomes-coded';
import { count, drawn, type ReportDefinition } from './report-definition';

const STATUSES = [
  { key: 'open', label: 'Waiting' },
  { key: 'accepted', label: 'Accepted' },
  { key: 'declined', label: 'Declined' },
  { key: 'referred_on', label: 'Referred on' },
  { key: 'closed', label: 'Closed' },
] as const;

/** Keyworker caseloads, referrals to substance misuse and TOPs are this team's work. */
const SMS_TEAM: Team = 'sms';

const sourceLabel = (source: string) => referralSourceLabels[source as ReferralSource] ?? 'Not recorded';

function referrals(rows: readonly ReportRow[]): ReportSection {
  const sources = [...new Set(rows.map((r) => String(r.source)))].sort((a, b) => sourceLabel(a).localeCompare(sourceLabel(b)));
  const of = (source: string | null, status: string | null) =>
    rows.filter((r) => (source === null || r.source === source) && (status === null || r.status === status)).reduce((n, r) => n + count(r, 'referrals'), 0);
  const table = sources.map((s) => ({ source: sourceLabel(s), ...Object.fromEntries(STATUSES.map((st) => [st.key, of(s, st.key)])), total: of(s, null) }));
  return {
    id: 'referrals',
    title: 'Referrals by source and outcome',
    description: 'Referrals to the substance misuse team made at this site in the period, by where they came from and where each stands now.',
    figures: [{ id: 'referrals', label: 'Referrals made', value: of(null, null), unit: 'count' }, ...STATUSES.map((st) => ({ id: st.key, label: st.label, value: of(null, st.key), unit: 'count' as const }))],
    table: {
      columns: [{ id: 'source', label: 'Source', kind: 'text' }, ...STATUSES.map((st) => ({ id: st.key, label: st.label, kind: 'count' as const })), { id: 'total', label: 'Total', kind: 'count' }],
      rows: table,
    },
    chart: drawn({
      title: 'Referrals by source and outcome',
      stacked: true,
      categoryKey: 'source',
      valueLabel: 'Referrals',
      series: STATUSES.map((st) => ({ key: st.key, label: st.label })),
      data: table.map((r) => ({ ...r })),
    }),
    notes: [],
  };
}

/** A TOP's measures from the values the SQL reads (a JSON array); null when there is no such TOP. */
function parse(v: unknown): TopMeasures | null {
  if (typeof v !== 'string' || v === '') return null;
  const values: unknown = JSON.parse(v);
  if (!Array.isArray(values)) throw new Error('A TOP’s measures were not read as a list');
  // Each value is checked where it is used (summariseTopMeasures counts numbers and "Not disclosed" only).
  return summariseTopMeasures(values);
}

/** Start and review means side by side per measure, for the measures anyone has both values of. */
function topChart(changes: readonly TopChange[]): ReportChart | null {
  return drawn({
    title: 'TOP at start and at the latest review (mean per measure)',
    stacked: false,
    categoryKey: 'measure',
    valueLabel: 'Mean (days of 28, or rating of 20)',
    series: [
      { key: 'start', label: 'At start' },
      { key: 'review', label: 'At latest review' },
    ],
    data: changes.filter((c) => c.meanStart !== null && c.meanReview !== null).map((c) => ({ measure: c.label, start: c.meanStart ?? 0, review: c.meanReview ?? 0 })),
  });
}

function topChange(rows: readonly ReportRow[]): ReportSection {
  const pairs: TopPair[] = rows.flatMap((r) => {
    const start = parse(r.start_measures);
    const review = parse(r.review_measures);
    return start && review ? [{ start, review }] : [];
  });
  const changes = topChanges(pairs);
  return {
    id: 'top-change',
    title: 'TOP change between start and review',
    description:
      'For each person whose latest TOP review was recorded here in the period, that review against their latest start TOP before it: the mean change (review minus start) in days used in the 28 days per substance, days injected, and the three 0-20 ratings, over the people with both values.',
    figures: [
      { id: 'reviewed', label: 'People with a TOP review in the period', value: rows.length, unit: 'count' },
      { id: 'paired', label: 'Of those, with a start TOP to compare', value: pairs.length, unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'measure', label: 'Measure', kind: 'text' },
        { id: 'people', label: 'People with both', kind: 'count' },
        { id: 'start', label: 'Mean at start', kind: 'mean' },
        { id: 'review', label: 'Mean at review', kind: 'mean' },
        { id: 'change', label: 'Mean change', kind: 'mean' },
      ],
      rows: changes.map((c) => ({ measure: c.label, people: c.people, start: c.meanStart, review: c.meanReview, change: c.meanChange })),
    },
    chart: topChart(changes),
    notes: ['Days used and days injected fall as use falls; the three ratings (0-20) rise as the person does better. A value not disclosed leaves the person out of that measure only.'],
  };
}

export const outcomes: ReportDefinition = {
  id: 'outcomes',
  title: 'Patient outcomes',
  description: 'Substance misuse referrals by source and outcome, coded events (SNOMED CT, CTV3 mapped), and TOP change between start and review, for the site, a team or one worker’s caseload.',
  filters: ['worker', 'team'],
  steps: (ctx) =>
    outcomesSteps({
      site: ctx.site.siteCode,
      from: ctx.period.startsAt,
      to: ctx.period.endsBefore,
      firstDay: ctx.period.from,
      lastDay: ctx.period.to,
      worker: ctx.workerId,
      team: ctx.team,
      caseloadTeam: SMS_TEAM,
    }),
  sections: (rows, ctx) => [referrals(rows.referrals ?? []), ...codedEventSections(rows.coded ?? [], ctx.codeMaps ?? []), topChange(rows.top ?? [])],
};

// Custody and reception KPIs (HIS/HMICS 2023 recommendation 5; NICE NG57 and QS156; PACE Code C):
// over the detentions and prison stays at this site that began in the period, how soon the
// first health assessment came, whether the second-stage assessment was done within 7 days,
// referrals on to mental health and substance misuse services, transfers to hospital, and the
// observation levels and rousing set. The SQL is in db/reports/custody-kpi-queries.ts.
// What each figure counts is defined once, in domain/reports/kpi (shared with the central's
// cross-site figures); the labels here are the definitions' own.
import type { ReportSection } from '../../../contract/channels/reports';
import {
  FIRST_ASSESSMENT_BANDS,
  HOSPITAL_WORD,
  KPI_FORMS,
  KPI_REFERRAL_SERVICES,
  OBSERVATION_LEVELS,
  REFERRAL_STATUSES,
  ROUSING_FREQUENCIES,
  SECOND_STAGE_DAYS,
} from '../../../domain/reports/kpi/custody-kpi-definitions';
import { custodyKpiSteps, levelKey, rousingKey } from '../../../db/reports/custody-kpi-queries';
import type { ReportRow } from '../../../db/reports/report-worker';
import { count, measured, percent, type ReportDefinition } from './report-definition';

/** Which form is each kind of stay's first health assessment, and which closes the 7-day task. */
export const CUSTODY_KPI_FORMS = {
  ...KPI_FORMS,
  /** Fitness to detain, observation and rousing (its answers are indexed: db/reports/kpi-index.ts). */
  custodyAssessment: KPI_FORMS.custodyFirst,
} as const;

const DAY_MS = 86_400_000;
const dayEitherSide = (iso: string, sign: 1 | -1) => new Date(Date.parse(iso) + sign * DAY_MS).toISOString();

/** An exit whose reason or destination names a hospital is a transfer to hospital. */
export const HOSPITAL_EXIT_PATTERN = `%${HOSPITAL_WORD.toLowerCase()}%`;

const mins = (v: number | null) => (v === null ? null : Math.round(v));

function firstAssessment(row: ReportRow | undefined): ReportSection {
  const stays = count(row, 'stays');
  const assessed = count(row, 'assessed');
  const bands: [string, string][] = [...FIRST_ASSESSMENT_BANDS.map((b): [string, string] => [b.id, b.label]), ['before_arrival', 'Recorded before the arrival time']];
  const rows = bands.map(([key, label]) => ({ interval: label, stays: count(row, key), percent: percent(count(row, key), stays) }));
  rows.push({ interval: 'No first health assessment recorded', stays: stays - assessed, percent: percent(stays - assessed, stays) });
  return {
    id: 'first-assessment',
    title: 'Time from arrival to the first health assessment',
    description:
      'Detentions and prison stays that began in the period, by the time from arrival to the first health assessment of the stay ' +
      '(the custody healthcare assessment in police custody, the first-stage reception screen in prison), at the time the assessment was made.',
    figures: [
      { id: 'stays', label: 'Detentions and stays begun', value: stays, unit: 'count' },
      { id: 'assessed', label: 'With a first health assessment', value: assessed, unit: 'count' },
      { id: 'median', label: 'Median time to assessment', value: mins(measured(row, 'median_minutes')), unit: 'minutes' },
      { id: 'p90', label: '90 in 100 assessed within', value: mins(measured(row, 'p90_minutes')), unit: 'minutes' },
    ],
    table: {
      columns: [
        { id: 'interval', label: 'Time to first assessment', kind: 'text' },
        { id: 'stays', label: 'Stays', kind: 'count' },
        { id: 'percent', label: 'Percent of stays', kind: 'percent' },
      ],
      rows,
    },
    chart: {
      title: 'Stays by time from arrival to first health assessment',
      stacked: false,
      categoryKey: 'interval',
      valueLabel: 'Stays',
      series: [{ key: 'stays', label: 'Stays' }],
      data: rows.map((r) => ({ interval: r.interval, stays: r.stays })),
    },
    notes: [
      'The median and the 90th percentile are over stays assessed at or after the recorded arrival time (nearest rank).',
      'An assessment recorded before the arrival time usually means the arrival time was entered late: check the stay.',
    ],
  };
}

function secondStage(row: ReportRow | undefined): ReportSection {
  const longer = count(row, 'longer_than_7');
  const within = count(row, 'within_7');
  const late = count(row, 'late');
  const notDone = count(row, 'not_done');
  const outcome = (label: string, n: number, counted: boolean) => ({ outcome: label, stays: n, percent: counted ? percent(n, longer) : null });
  return {
    id: 'second-stage',
    title: 'Second-stage health assessments within 7 days',
    description:
      'Prison stays that began in the period and lasted longer than 7 days (NICE QS156 statement 2), by when the second-stage health assessment ' +
      'was done: the second-stage assessment form for the stay, or its 7-day task closed as done.',
    figures: [
      { id: 'prison-stays', label: 'Prison stays begun', value: count(row, 'prison_stays'), unit: 'count' },
      { id: 'longer-than-7', label: 'Stays longer than 7 days', value: longer, unit: 'count' },
      { id: 'within-7', label: 'Assessed within 7 days', value: within, unit: 'count' },
      { id: 'within-7-percent', label: 'Percent assessed within 7 days', value: percent(within, longer), unit: 'percent' },
    ],
    table: {
      columns: [
        { id: 'outcome', label: 'Second-stage assessment', kind: 'text' },
        { id: 'stays', label: 'Stays', kind: 'count' },
        { id: 'percent', label: 'Percent of stays longer than 7 days', kind: 'percent' },
      ],
      rows: [
        outcome('Done within 7 days', within, true),
        outcome('Done after 7 days', late, true),
        outcome('Not done', notDone, true),
        outcome('Not counted: left within 7 days', count(row, 'left_within_7'), false),
        outcome('Not counted: in prison fewer than 7 days so far', count(row, 'under_7_so_far'), false),
      ],
    },
    chart: {
      title: 'Stays longer than 7 days by second-stage assessment',
      stacked: false,
      categoryKey: 'outcome',
      valueLabel: 'Stays',
      series: [{ key: 'stays', label: 'Stays' }],
      data: [
        { outcome: 'Within 7 days', stays: within },
        { outcome: 'After 7 days', stays: late },
        { outcome: 'Not done', stays: notDone },
      ],
    },
    notes: [`Within ${SECOND_STAGE_DAYS} days means within ${SECOND_STAGE_DAYS} x 24 hours of the recorded arrival.`],
  };
}

const SERVICES: [string, string][] = KPI_REFERRAL_SERVICES.map((s) => [s.value, s.label]);
const STATUSES: [string, string][] = REFERRAL_STATUSES.map((s) => [s.value, s.label]);

function referrals(rows: readonly ReportRow[]): ReportSection {
  const find = (service: string, status: string) => rows.find((r) => r.service === service && r.status === status);
  const table = SERVICES.map(([service, label]) => ({
    service: label,
    ...Object.fromEntries(STATUSES.map(([status]) => [status, count(find(service, status), 'referrals')])),
    referrals: count(find(service, '*'), 'referrals'),
    people: count(find(service, '*'), 'people'),
  }));
  return {
    id: 'referrals',
    title: 'Referrals to mental health and substance misuse services',
    description: 'Referrals made at this site during the detentions and prison stays that began in the period, by service and where each stands now.',
    figures: SERVICES.map(([service, label]) => ({ id: service, label: `Referrals to ${label.toLowerCase()}`, value: count(find(service, '*'), 'referrals'), unit: 'count' as const })),
    table: {
      columns: [
        { id: 'service', label: 'Service', kind: 'text' },
        ...STATUSES.map(([id, label]) => ({ id, label, kind: 'count' as const })),
        { id: 'referrals', label: 'All referrals', kind: 'count' },
        { id: 'people', label: 'People referred', kind: 'count' },
      ],
      rows: table,
    },
    chart: {
      title: 'Referrals by service and where they stand',
      stacked: true,
      categoryKey: 'service',
      valueLabel: 'Referrals',
      series: STATUSES.map(([key, label]) => ({ key, label })),
      data: table.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'people' && k !== 'referrals'))),
    },
    notes: [],
  };
}

const KIND_LABELS: Record<string, string> = { custody: 'Police custody', prison: 'Prison' };

function hospital(rows: readonly ReportRow[]): ReportSection {
  const kinds = ['custody', 'prison'].filter((k) => rows.some((r) => r.kind === k));
  const table = kinds.map((kind) => {
    const r = rows.find((x) => x.kind === kind);
    return {
      kind: KIND_LABELS[kind] ?? kind,
      stays: count(r, 'stays'),
      toHospital: count(r, 'to_hospital'),
      notFit: kind === 'custody' ? count(r, 'not_fit') : null,
      notFitToHospital: kind === 'custody' ? count(r, 'not_fit_to_hospital') : null,
    };
  });
  const total = (k: 'toHospital' | 'notFit') => table.reduce((n, r) => n + (r[k] ?? 0), 0);
  return {
    id: 'hospital',
    title: 'Transfers to hospital',
    description:
      'Detentions and prison stays that began in the period and ended in a transfer to hospital (the exit reason or destination names a hospital), ' +
      'and detainees the healthcare professional assessed as not fit to detain: transfer to hospital.',
    figures: [
      { id: 'to-hospital', label: 'Transferred to hospital', value: total('toHospital'), unit: 'count' },
      { id: 'not-fit', label: 'Assessed not fit to detain', value: total('notFit'), unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'kind', label: 'Setting', kind: 'text' },
        { id: 'stays', label: 'Stays', kind: 'count' },
        { id: 'toHospital', label: 'Transferred to hospital', kind: 'count' },
        { id: 'notFit', label: 'Assessed not fit to detain', kind: 'count' },
        { id: 'notFitToHospital', label: 'Not fit to detain and transferred', kind: 'count' },
      ],
      rows: table,
    },
    chart: {
      title: 'Transfers to hospital and not fit to detain',
      stacked: false,
      categoryKey: 'kind',
      valueLabel: 'Stays',
      series: [
        { key: 'toHospital', label: 'Transferred to hospital' },
        { key: 'notFit', label: 'Assessed not fit to detain' },
      ],
      data: table.map((r) => ({ kind: r.kind, toHospital: r.toHospital, notFit: r.notFit ?? 0 })),
    },
    notes: ['Not fit to detain is asked in police custody only: prison rows leave it blank.', 'A stay still open has not ended in a transfer.'],
  };
}

function observation(row: ReportRow | undefined): ReportSection {
  const assessments = count(row, 'assessments');
  const criterion = count(row, 'criterion_met');
  const line = (measure: string, key: string, of: number = assessments) => ({ measure, assessments: count(row, key), percent: percent(count(row, key), of) });
  const levels = OBSERVATION_LEVELS.map((l) => [levelKey(l.value), l.label, l.value] as const);
  return {
    id: 'observation',
    title: 'Observation levels and rousing',
    description:
      'Custody healthcare assessments made during detentions that began in the period: the observation level and rousing frequency set, ' +
      'whether a detainee who met a PACE Code C rousing criterion was set to be roused at least every 30 minutes, and the Annex H rousing checks.',
    figures: [
      { id: 'detentions', label: 'Detentions begun', value: count(row, 'detentions'), unit: 'count' },
      { id: 'assessments', label: 'Custody assessments', value: assessments, unit: 'count' },
      { id: 'criterion', label: 'Meeting a rousing criterion', value: criterion, unit: 'count' },
      { id: 'criterion-rousing-30', label: 'Of those, roused at least every 30 minutes', value: percent(count(row, 'criterion_met_rousing_30'), criterion), unit: 'percent' },
      { id: 'not-rousable', label: 'Could not be roused at assessment', value: count(row, 'could_not_be_roused'), unit: 'count' },
    ],
    table: {
      columns: [
        { id: 'measure', label: 'Set at assessment', kind: 'text' },
        { id: 'assessments', label: 'Assessments', kind: 'count' },
        { id: 'percent', label: 'Percent', kind: 'percent' },
      ],
      rows: [
        ...levels.map(([key, label]) => line(label, key)),
        ...ROUSING_FREQUENCIES.map((f) => line(f.label, rousingKey(f.value))),
        line('Meets a PACE Code C rousing criterion', 'criterion_met'),
        line('Meets a criterion and roused at least every 30 minutes (percent of those meeting one)', 'criterion_met_rousing_30', criterion),
        line('Annex H rousing checks recorded', 'rousing_checks_recorded'),
        line('Could not be roused at assessment', 'could_not_be_roused'),
      ],
    },
    chart: {
      title: 'Custody assessments by observation level',
      stacked: false,
      categoryKey: 'level',
      valueLabel: 'Assessments',
      series: [{ key: 'assessments', label: 'Assessments' }],
      data: levels.map(([key, , value]) => ({ level: `Level ${value}`, assessments: count(row, key) })),
    },
    notes: [
      'Rousing criteria (PACE Code C 9.3, Annex H): may be intoxicated, may have swallowed drugs, concern about consciousness, head injury, AVPU other than alert, or GCS under 15.',
      'The Annex H checks (rousability, response to questions, response to commands) are asked from version 2 of the custody assessment.',
    ],
  };
}

export const custodyKpis: ReportDefinition = {
  id: 'custody-kpis',
  title: 'Custody and reception KPIs',
  description:
    'Time to first health assessment, second-stage assessments within 7 days, referrals to mental health and substance misuse services, transfers to hospital, and observation and rousing.',
  filters: [],
  steps: (ctx) =>
    custodyKpiSteps({
      site: ctx.site.siteCode,
      from: ctx.period.startsAt,
      to: ctx.period.endsBefore,
      fromLoose: dayEitherSide(ctx.period.startsAt, -1),
      toLoose: dayEitherSide(ctx.period.endsBefore, 1),
      now: ctx.now,
      custodyFirst: CUSTODY_KPI_FORMS.custodyFirst,
      prisonFirst: CUSTODY_KPI_FORMS.prisonFirst,
      secondStage: CUSTODY_KPI_FORMS.secondStage,
      secondStageTask: CUSTODY_KPI_FORMS.secondStageTask,
      hospital: HOSPITAL_EXIT_PATTERN,
    }),
  sections: (rows) => [
    firstAssessment(rows.firstAssessment?.[0]),
    secondStage(rows.secondStage?.[0]),
    referrals(rows.referrals ?? []),
    hospital(rows.hospital ?? []),
    observation(rows.observation?.[0]),
  ],
};

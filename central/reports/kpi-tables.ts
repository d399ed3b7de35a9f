// The KPI run as the tables the governance lead sees (and downloads): one table per KPI, measures
// as rows, the sites it concerns as columns and the region total last, every count protected
// against identifying a person (small-counts.ts) before it leaves this module. The page and the
// CSV are made from these tables only, so neither can show a figure the other hides.
import {
  FIRST_ASSESSMENT_BANDS,
  KPI_REFERRAL_SERVICES,
  OBSERVATION_LEVELS,
  REFERRAL_STATUSES,
  ROUSING_FREQUENCIES,
  SECOND_STAGE_DAYS,
} from '../../domain/reports/kpi/custody-kpi-definitions';
import { REGION, type Figures, type KpiRun, type SiteColumn } from './kpi-run';
import { protectGrid, type GridRow, type ProtectedCell } from './small-counts';

export interface KpiColumn {
  key: string;
  code: string;
  name: string;
}

export interface KpiRowView {
  id: string;
  label: string;
  unit: GridRow['unit'];
  cells: ProtectedCell[];
}

export interface KpiTable {
  id: string;
  title: string;
  description: string;
  columns: KpiColumn[];
  rows: KpiRowView[];
  notes: string[];
}

interface RowSpec {
  id: string;
  label: string;
  unit?: GridRow['unit'];
  /** The figure's key in the section's figures (defaults to id). */
  from?: string;
  percentOf?: GridRow['percentOf'];
  measuredOver?: string;
}

const REGION_COLUMN: KpiColumn = { key: REGION, code: 'REGION', name: 'Region (all sites)' };

function table(
  spec: { id: string; title: string; description: string; notes?: string[] },
  sites: readonly SiteColumn[],
  figures: (column: string) => Record<string, number | null>,
  rows: readonly RowSpec[],
  sums: { parts: string[]; total: string }[] = [],
): KpiTable {
  const columns = [...sites.map((s) => ({ key: s.code, code: s.code, name: s.name })), REGION_COLUMN];
  const keys = columns.map((c) => c.key);
  const gridRows: GridRow[] = rows.map((r) => {
    const unit = r.unit ?? 'count';
    const values = Object.fromEntries(keys.map((k) => [k, figures(k)[r.from ?? r.id] ?? (unit === 'count' ? 0 : null)]));
    const over = r.measuredOver;
    return {
      id: r.id,
      unit,
      values,
      ...(r.percentOf ? { percentOf: r.percentOf } : {}),
      ...(over ? { measuredOver: Object.fromEntries(keys.map((k) => [k, figures(k)[over] ?? 0])) } : {}),
    };
  });
  const protectedGrid = protectGrid({ columns: sites.map((s) => s.code), regionColumn: REGION, rows: gridRows, sums });
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    columns,
    rows: rows.map((r) => ({ id: r.id, label: r.label, unit: r.unit ?? 'count', cells: keys.map((k) => protectedGrid.get(r.id)?.get(k) ?? { state: 'none', value: null }) })),
    notes: spec.notes ?? [],
  };
}

const of = (f: Figures) => (column: string) => f.get(column) ?? {};

/** Sites whose setting a KPI is about: by organisation type, or because they started such stays in the period. */
function sitesFor(run: KpiRun, orgType: string, figures: Figures): SiteColumn[] {
  return run.sites.filter((s) => s.orgType === orgType || figures.has(s.code));
}

function firstAssessment(run: KpiRun): KpiTable {
  const f = run.firstAssessment;
  const bands = FIRST_ASSESSMENT_BANDS.map((b) => ({ id: b.id, label: b.label }));
  const figures = (column: string) => {
    const v = of(f)(column);
    return { ...v, none: (v.stays ?? 0) - (v.assessed ?? 0) };
  };
  return table(
    {
      id: 'first-assessment',
      title: 'Time from arrival to the first health assessment',
      description:
        'Detentions and prison stays that began in the period, by the time from arrival to the first health assessment of the stay: the custody healthcare assessment in police custody, the first-stage reception screen in prison, at the time the assessment was made.',
      notes: [
        'The median and the 90th percentile (nearest rank) are over stays assessed at or after the recorded arrival time.',
        'An assessment recorded before the arrival time usually means the arrival time was entered late.',
      ],
    },
    run.sites,
    figures,
    [
      { id: 'stays', label: 'Detentions and stays begun' },
      ...bands,
      { id: 'before_arrival', label: 'Assessment recorded before the arrival time' },
      { id: 'none', label: 'No first health assessment recorded' },
      { id: 'median', label: 'Median time to first assessment (minutes)', unit: 'minutes', from: 'median_minutes', measuredOver: 'timed' },
      { id: 'p90', label: '90 in 100 assessed within (minutes)', unit: 'minutes', from: 'p90_minutes', measuredOver: 'timed' },
    ],
    [{ parts: [...bands.map((b) => b.id), 'before_arrival', 'none'], total: 'stays' }],
  );
}

function secondStage(run: KpiRun): KpiTable {
  return table(
    {
      id: 'second-stage',
      title: `Second-stage health assessments within ${SECOND_STAGE_DAYS} days`,
      description:
        `Prison stays that began in the period and lasted longer than ${SECOND_STAGE_DAYS} days (NICE QS156 statement 2), by when the second-stage health assessment was done: the second-stage form for the stay, or, for a stay with no such form, its ${SECOND_STAGE_DAYS}-day task closed as done.`,
      notes: [`Within ${SECOND_STAGE_DAYS} days means within ${SECOND_STAGE_DAYS} x 24 hours of the recorded arrival. Stays that ended within ${SECOND_STAGE_DAYS} days, or are not yet ${SECOND_STAGE_DAYS} days old, are shown but not counted.`],
    },
    sitesFor(run, 'prison_healthcare', run.secondStage),
    of(run.secondStage),
    [
      { id: 'prison_stays', label: 'Prison stays begun' },
      { id: 'longer_than_7', label: `Stays longer than ${SECOND_STAGE_DAYS} days` },
      { id: 'within_7', label: `Assessed within ${SECOND_STAGE_DAYS} days` },
      { id: 'late', label: `Assessed after ${SECOND_STAGE_DAYS} days` },
      { id: 'not_done', label: 'Not assessed' },
      { id: 'within_7_percent', label: `Percent of stays longer than ${SECOND_STAGE_DAYS} days assessed within ${SECOND_STAGE_DAYS} days`, unit: 'percent', percentOf: { numerator: 'within_7', denominator: 'longer_than_7' } },
      { id: 'left_within_7', label: `Not counted: left within ${SECOND_STAGE_DAYS} days` },
      { id: 'under_7_so_far', label: `Not counted: in prison fewer than ${SECOND_STAGE_DAYS} days so far` },
    ],
    [
      { parts: ['within_7', 'late', 'not_done'], total: 'longer_than_7' },
      { parts: ['longer_than_7', 'left_within_7', 'under_7_so_far'], total: 'prison_stays' },
    ],
  );
}

function referrals(run: KpiRun): KpiTable {
  const rows: RowSpec[] = [];
  const sums: { parts: string[]; total: string }[] = [];
  for (const service of KPI_REFERRAL_SERVICES) {
    const statusRows = REFERRAL_STATUSES.map((s) => ({ id: `${service.value}:${s.value}`, label: `${service.label}: ${s.label.toLowerCase()}` }));
    rows.push({ id: `${service.value}:referrals`, label: `${service.label}: all referrals` }, ...statusRows, { id: `${service.value}:people`, label: `${service.label}: people referred` });
    sums.push({ parts: statusRows.map((r) => r.id), total: `${service.value}:referrals` });
  }
  const figures = (column: string) => {
    const out: Record<string, number | null> = {};
    for (const [service, perColumn] of run.referrals) for (const [k, v] of Object.entries(perColumn.get(column) ?? {})) out[`${service}:${k}`] = v;
    return out;
  };
  return table(
    {
      id: 'referrals',
      title: 'Referrals to mental health and substance misuse services',
      description: 'Referrals a site made during the detentions and prison stays that began there in the period, by service and where each stands now.',
      notes: ['A person referred at two sites counts once in the region total of people referred.'],
    },
    run.sites,
    figures,
    rows,
    sums,
  );
}

function hospital(run: KpiRun): KpiTable {
  const custody = run.hospital.get('custody') ?? new Map();
  const prison = run.hospital.get('prison') ?? new Map();
  const figures = (column: string) => {
    const c = custody.get(column) ?? {};
    const p = prison.get(column) ?? {};
    return { custody_stays: c.stays ?? 0, custody_to_hospital: c.to_hospital ?? 0, not_fit: c.not_fit ?? 0, not_fit_to_hospital: c.not_fit_to_hospital ?? 0, prison_stays: p.stays ?? 0, prison_to_hospital: p.to_hospital ?? 0 };
  };
  return table(
    {
      id: 'hospital',
      title: 'Transfers to hospital',
      description:
        'Detentions and prison stays that began in the period and ended in a transfer to hospital (the exit reason or destination names a hospital), and detainees the healthcare professional assessed as not fit to detain: transfer to hospital.',
      notes: ['Not fit to detain is asked in police custody only. A stay still open has not ended in a transfer.'],
    },
    run.sites,
    figures,
    [
      { id: 'custody_stays', label: 'Police custody detentions begun' },
      { id: 'custody_to_hospital', label: 'Detentions ended in a transfer to hospital' },
      { id: 'not_fit', label: 'Detainees assessed not fit to detain' },
      { id: 'not_fit_to_hospital', label: 'Assessed not fit to detain and transferred to hospital' },
      { id: 'prison_stays', label: 'Prison stays begun' },
      { id: 'prison_to_hospital', label: 'Prison stays ended in a transfer to hospital' },
    ],
  );
}

function observation(run: KpiRun): KpiTable {
  const levels = OBSERVATION_LEVELS.map((l) => ({ id: `level_${l.value}`, label: l.label }));
  const rousing = ROUSING_FREQUENCIES.map((r) => ({ id: r.value === 'not-required' ? 'rousing_not_required' : `rousing_${r.value}`, label: r.label }));
  return table(
    {
      id: 'observation',
      title: 'Observation levels and rousing',
      description:
        'Custody healthcare assessments made during detentions that began in the period: the observation level and rousing set, whether a detainee who met a PACE Code C rousing criterion was set to be roused at least every 30 minutes, and the Annex H rousing checks.',
      notes: [
        'Rousing criteria (PACE Code C 9.3, Annex H): may be intoxicated, may have swallowed drugs, concern about consciousness, head injury, AVPU other than alert, or GCS under 15.',
        'The Annex H checks (rousability, response to questions, response to commands) are asked from version 2 of the custody assessment.',
      ],
    },
    sitesFor(run, 'custody_healthcare', run.observation),
    of(run.observation),
    [
      { id: 'detentions', label: 'Detentions begun' },
      { id: 'detentions_assessed', label: 'Detentions with a custody assessment' },
      { id: 'assessments', label: 'Custody assessments' },
      ...levels,
      ...rousing,
      { id: 'criterion_met', label: 'Assessments meeting a PACE Code C rousing criterion' },
      { id: 'criterion_met_rousing_30', label: 'Of those, set to be roused at least every 30 minutes' },
      { id: 'criterion_percent', label: 'Percent of those meeting a criterion roused at least every 30 minutes', unit: 'percent', percentOf: { numerator: 'criterion_met_rousing_30', denominator: 'criterion_met' } },
      { id: 'rousing_checks_recorded', label: 'Annex H rousing checks recorded' },
      { id: 'could_not_be_roused', label: 'Could not be roused at assessment' },
    ],
    [
      { parts: levels.map((l) => l.id), total: 'assessments' },
      { parts: rousing.map((r) => r.id), total: 'assessments' },
    ],
  );
}

export function kpiTables(run: KpiRun): KpiTable[] {
  return [firstAssessment(run), secondStage(run), referrals(run), hospital(run), observation(run)];
}

// What a report is: its id and words, the filters it accepts, the read-only SQL steps the worker
// runs, and how the rows of those steps become sections (figures, a table, a chart). Adding a
// report (workforce planning, patient outcomes, the NDTMS return, continuity of care) is adding
// one definition to reports/index.ts and its id to the contract: the runner, progress, the
// screen, CSV and PDF, and the audit are the same for every report.
import type { ReportChart, ReportFilter, ReportId, ReportSection } from '../../../contract/channels/reports';
import type { Team } from '../../../domain/access/teams';
import type { SiteConfig } from '../../../contract/site-config';
import type { ReportPeriod } from '../../../domain/reports/period';
import type { CodeMap } from '../../../domain/reports/coded-events/code-map';
import type { ReportRow, ReportStep, StepRows } from '../../../db/reports/report-worker';

export interface ReportContext {
  site: SiteConfig;
  period: ReportPeriod;
  /** When the report is run (ISO): for measures that depend on now (a stay still open). */
  now: string;
  workerId: string | null;
  /** Only this team's work (domain/access/teams.ts); null for every team. */
  team: Team | null;
  /** The site's maps from other terminologies to SNOMED CT (its `codeLists` files); none: the shipped map. */
  codeMaps?: readonly CodeMap[];
}

export interface ReportDefinition {
  id: ReportId;
  title: string;
  description: string;
  filters: readonly ReportFilter[];
  steps(ctx: ReportContext): ReportStep[];
  /** Turns the rows of every step into the report's sections. Pure: no store, no clock. */
  sections(rows: StepRows, ctx: ReportContext): ReportSection[];
  /** A national return's file, as the receiving body takes it (the NDTMS CSV). Pure, like sections. */
  returnFile?(rows: StepRows, ctx: ReportContext): string;
}

/** A whole-number column of a row; SQLite returns integers as numbers. */
/** No chart when there is nothing to draw (the section's table says so in words). */
export const drawn = (chart: ReportChart): ReportChart | null => (chart.data.length > 0 ? chart : null);

export function count(row: ReportRow | undefined, column: string): number {
  const v = row?.[column];
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`report column ${column} is not a number: ${String(v)}`);
  return n;
}

/** A measured value that may be missing (a median of nothing). */
export function measured(row: ReportRow | undefined, column: string): number | null {
  const v = row?.[column];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** part / whole as a percentage with one decimal place; null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

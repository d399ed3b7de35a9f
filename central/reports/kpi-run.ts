// Runs the KPI statement (kpi-sql.ts) for one period in a read-only, repeatable-read transaction
// (one snapshot: every section describes the same moment of the record while sites keep pushing).
// Returns the raw figures per site and for the region; nothing here is shown to anyone until the
// small counts have been hidden (small-counts.ts, kpi-tables.ts).
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type CentralStore, type CentralTx } from '../db/open';
import { boundsSql, kpiSql, type KpiBounds, type KpiSection } from './kpi-sql';

/** The column key of the region total (a site code is 3-12 capital letters or digits, so never this). */
export const REGION = '#region';

export interface SiteColumn {
  code: string;
  name: string;
  orgType: string;
}

/** One section's figures: column key (site code or REGION) -> measure -> value (null: nothing to measure). */
export type Figures = Map<string, Record<string, number | null>>;

export interface KpiRun {
  from: string;
  to: string;
  bounds: KpiBounds;
  sites: SiteColumn[];
  firstAssessment: Figures;
  secondStage: Figures;
  /** Keyed `${service}` -> column -> { open, accepted, declined, closed, referrals, people }. */
  referrals: Map<string, Figures>;
  /** Keyed by stay kind (custody, prison). */
  hospital: Map<string, Figures>;
  observation: Figures;
}

type Row = Record<string, unknown> & { site: string | null; region: number | string };

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const columnOf = (row: Row) => (Number(row.region) === 1 ? REGION : (row.site ?? REGION));
const iso = (v: unknown) => new Date(v as string | Date).toISOString();
const day = (d: Date) => d.toISOString().slice(0, 10);

function figures(rows: readonly Row[], skip: readonly string[] = []): Figures {
  const out: Figures = new Map();
  for (const row of rows) {
    const values: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(row)) if (!['site', 'region', ...skip].includes(k)) values[k] = num(v);
    out.set(columnOf(row), values);
  }
  return out;
}

function grouped(rows: readonly Row[], by: string, skip: readonly string[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const key of new Set(rows.map((r) => String(r[by])))) out.set(key, figures(rows.filter((r) => String(r[by]) === key), [by, ...skip]));
  return out;
}

/** Referral rows: per (column, service) the counts by status, all referrals and the people referred. */
function referralFigures(rows: readonly Row[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const row of rows) {
    const service = String(row.service);
    const perService = out.get(service) ?? new Map<string, Record<string, number | null>>();
    out.set(service, perService);
    const column = columnOf(row);
    const values = perService.get(column) ?? {};
    perService.set(column, values);
    if (Number(row.every_status) === 1) {
      values.referrals = num(row.referrals);
      values.people = num(row.people);
    } else values[String(row.status)] = num(row.referrals);
  }
  return out;
}

async function sitesOf(tx: CentralTx): Promise<SiteColumn[]> {
  const rows = rowsOf<{ code: string; name: string; org_type: string }>(
    await tx.execute(
      // The settings the KPIs describe, then any other site that started a stay (none should).
      sql`
        SELECT code, name, org_type FROM sites
        WHERE org_type IN ('custody_healthcare', 'prison_healthcare')
           OR code IN (SELECT DISTINCT state -> 'stay.started' -> 'payload' ->> 'siteCode' FROM records WHERE record_type = 'stay')
        ORDER BY CASE org_type WHEN 'custody_healthcare' THEN 0 WHEN 'prison_healthcare' THEN 1 ELSE 2 END, code`,
    ),
  );
  return rows.map((r) => ({ code: r.code, name: r.name, orgType: r.org_type }));
}

/** The KPIs for the days `from` to `to` (yyyy-mm-dd, inclusive, UK local time) as the record stands at `now`. */
export async function runKpis(store: CentralStore, from: string, to: string, now: Date): Promise<KpiRun> {
  return store.db.transaction(
    async (raw) => {
      const tx = raw as CentralTx;
      const run = async (statement: SQL) => rowsOf<Row>(await tx.execute(statement));
      const edges = (await run(boundsSql(from, to)))[0] as unknown as { starts_at: string | Date; ends_before: string | Date };
      const startsAt = new Date(edges.starts_at);
      const endsBefore = new Date(edges.ends_before);
      const bounds: KpiBounds = {
        startsAt: iso(startsAt),
        endsBefore: iso(endsBefore),
        looseFrom: day(new Date(startsAt.getTime() - 86_400_000)),
        looseTo: day(new Date(endsBefore.getTime() + 86_400_000)),
        now: now.toISOString(),
      };
      const rows = rowsOf<{ section: KpiSection; row: Row }>(await tx.execute(kpiSql(bounds)));
      const section = (name: KpiSection) => rows.filter((r) => r.section === name).map((r) => r.row);
      return {
        from,
        to,
        bounds,
        sites: await sitesOf(tx),
        firstAssessment: figures(section('firstAssessment')),
        secondStage: figures(section('secondStage')),
        referrals: referralFigures(section('referrals')),
        hospital: grouped(section('hospital'), 'kind', []),
        observation: figures(section('observation')),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

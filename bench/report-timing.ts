// Times one report over a large site, a period at a time, through the router (reports.start, then
// reports.progress until the result: the SQL runs in the report worker, warm) next to the same
// SQL run directly on the app's own connection in the same process, alternately. While the
// report runs, the host's event-loop delay is measured (perf_hooks): the worker keeps it free,
// where the raw SQL on the main thread holds it for the whole query.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SiteApp } from '../main/app/create-site-app';
import { reportDefinitions } from '../main/services/reports';
import { reportPeriod } from '../domain/reports/period';
import type { ReportId, ReportResult } from '../contract/channels/reports';
import type { ReportRow } from '../db/reports/report-worker';
import { ratio, summarise, timeAsync, timeSync, type Percentiles } from './percentiles';

export const REPORT_TARGET_P95_MS = 300;

export interface Period {
  from: string;
  to: string;
}

export interface ReportTiming {
  reportId: ReportId;
  periods: string[];
  /** The figure `check` compared, over the periods timed. */
  checkedFigure: { name: string; min: number; max: number };
  router: Percentiles;
  raw: Percentiles;
  ratioP95: number | null;
  /** Over every report run: the longest delay, the worst run's 99th percentile, the mean of the runs' means. */
  eventLoopDelayWhileReportRunsMs: { max: number; p99: number; mean: number };
  /** For contrast: the longest the raw SQL held the main thread (what a report on the main thread would freeze the app for). */
  rawSqlHoldsMainThreadMaxMs: number;
  plans: Record<string, string[]>;
  targetP95Ms: number;
  pass: boolean;
}

export interface ReportTimingOptions {
  reportId: ReportId;
  periods: readonly Period[];
  samples: number;
  warmup: number;
  /**
   * One figure of the report and the same figure from the raw rows (by step id), which must agree:
   * the raw side is the same aggregate, not a different query.
   */
  check: { name: string; report: (r: ReportResult) => number; raw: (rows: Record<string, ReportRow[]>) => number };
}

const ms = (ns: number) => Math.round(ns / 1e3) / 1e3;

/** The last `n` whole calendar months before `endsAt`. */
export function lastMonths(endsAt: Date, n: number): Period[] {
  return Array.from({ length: n }, (_, i) => {
    const first = new Date(Date.UTC(endsAt.getUTCFullYear(), endsAt.getUTCMonth() - n + i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  });
}

async function runThroughRouter(app: SiteApp, token: string, reportId: ReportId, p: Period): Promise<ReportResult> {
  const started = await app.router.handle('reports.start', { reportId, from: p.from, to: p.to, workerId: null, team: null }, token);
  if (!started.ok) throw new Error(`reports.start failed: ${JSON.stringify(started.error)}`);
  const runId = (started.value as { runId: string }).runId;
  let seen = 0;
  for (;;) {
    const progress = await app.router.handle('reports.progress', { runId, seen }, token);
    if (!progress.ok) throw new Error(`reports.progress failed: ${JSON.stringify(progress.error)}`);
    const v = progress.value as { state: string; done?: number; result?: ReportResult; message?: string };
    if (v.state === 'done') return v.result!;
    if (v.state === 'failed') throw new Error(v.message);
    seen = v.done ?? seen;
  }
}

export async function timeReport(app: SiteApp, token: string, options: ReportTimingOptions): Promise<ReportTiming> {
  const raw = app.store.raw;
  const definition = reportDefinitions[options.reportId];
  const steps = (p: Period) => definition.steps({ site: app.site, period: reportPeriod(p.from, p.to), now: new Date().toISOString(), workerId: null, team: null });
  const statements = new Map<string, ReturnType<typeof raw.prepare>>();
  // As the worker does: every step of one run in one read transaction.
  const runRaw = (p: Period): Record<string, ReportRow[]> => {
    raw.exec('BEGIN');
    try {
      return Object.fromEntries(
        steps(p).map((s) => {
          let st = statements.get(s.sql);
          if (!st) statements.set(s.sql, (st = raw.prepare(s.sql)));
          return [s.id, st.all(s.params) as ReportRow[]];
        }),
      );
    } finally {
      raw.exec('COMMIT');
    }
  };
  const { periods } = options;
  for (let i = 0; i < options.warmup; i++) {
    const p = periods[i % periods.length]!;
    await runThroughRouter(app, token, options.reportId, p);
    runRaw(p);
  }

  const routerNs: number[] = [];
  const rawNs: number[] = [];
  const figures: number[] = [];
  // One monitor per report run: a monitor re-enabled after the raw SQL (which holds the main
  // thread) would count that time as loop delay of the next run.
  const delay = { maxNs: 0, p99Ns: 0, meanNs: [] as number[] };
  for (let i = 0; i < options.samples; i++) {
    const p = periods[i % periods.length]!;
    const monitor = monitorEventLoopDelay({ resolution: 5 });
    monitor.enable();
    const [r, result] = await timeAsync(() => runThroughRouter(app, token, options.reportId, p));
    monitor.disable();
    delay.maxNs = Math.max(delay.maxNs, monitor.max);
    delay.p99Ns = Math.max(delay.p99Ns, monitor.percentile(99));
    delay.meanNs.push(monitor.mean);
    routerNs.push(r);
    const [s, rows] = timeSync(() => runRaw(p));
    rawNs.push(s);
    const fromReport = options.check.report(result);
    const fromRaw = options.check.raw(rows);
    if (fromReport !== fromRaw) throw new Error(`${options.reportId} ${p.from}..${p.to}: the report and the raw SQL disagree on ${options.check.name}: ${fromReport} and ${fromRaw}`);
    figures.push(fromReport);
  }
  const router = summarise(routerNs);
  const rawStats = summarise(rawNs);
  const plans = Object.fromEntries(
    steps(periods[periods.length - 1]!).map((s) => [s.id, (raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(s.params) as { detail: string }[]).map((d) => d.detail)]),
  );
  return {
    reportId: options.reportId,
    periods: periods.map((p) => `${p.from}..${p.to}`),
    checkedFigure: { name: options.check.name, min: Math.min(...figures), max: Math.max(...figures) },
    router,
    raw: rawStats,
    ratioP95: ratio(router.p95, rawStats.p95),
    eventLoopDelayWhileReportRunsMs: { max: ms(delay.maxNs), p99: ms(delay.p99Ns), mean: ms(delay.meanNs.reduce((a, b) => a + b, 0) / Math.max(1, delay.meanNs.length)) },
    rawSqlHoldsMainThreadMaxMs: Math.max(...rawNs.map(ms)),
    plans,
    targetP95Ms: REPORT_TARGET_P95_MS,
    pass: router.p95 <= REPORT_TARGET_P95_MS,
  };
}

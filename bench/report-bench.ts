// The custody KPI report over a large site: a month at a time, through the router (start, then
// follow its progress to the result: the SQL runs in the report worker), next to the same SQL run
// directly on the app's own connection in the same process. While the report runs, the host's
// event loop delay is measured (perf_hooks): the worker keeps it free, where the raw SQL on the
// main thread would hold it for the whole query.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SiteApp } from '../main/app/create-site-app';
import { custodyKpis } from '../main/services/reports/custody-kpis';
import { reportPeriod } from '../domain/reports/period';
import type { ReportResult } from '../contract/channels/reports';
import { ratio, summarise, timeAsync, timeSync, type Percentiles } from './percentiles';
import { loadReportHistory, type ReportLoadResult } from './report-load';

export const REPORT_TARGET_P95_MS = 300;

export interface ReportBenchResult {
  history: ReportLoadResult;
  periods: string[];
  staysPerPeriod: { min: number; max: number };
  router: Percentiles;
  raw: Percentiles;
  ratioP95: number | null;
  /** Over every report run: the longest delay, the worst run's 99th percentile, the mean of the runs' means. */
  eventLoopDelayWhileReportRunsMs: { max: number; p99: number; mean: number };
  /** For contrast: the longest the raw SQL held the main thread (what a report on the main thread would freeze the app for). */
  rawSqlHoldsMainThreadMaxMs: number;
  note: string;
  plans: Record<string, string[]>;
  targetP95Ms: number;
}

const ms = (ns: number) => Math.round(ns / 1e3) / 1e3;

async function runThroughRouter(app: SiteApp, token: string, from: string, to: string): Promise<ReportResult> {
  const started = await app.router.handle('reports.start', { reportId: 'custody-kpis', from, to, workerId: null }, token);
  if (!started.ok) throw new Error(`reports.start failed: ${JSON.stringify(started.error)}`);
  const runId = (started.value as { runId: string }).runId;
  let seen = 0;
  for (;;) {
    const p = await app.router.handle('reports.progress', { runId, seen }, token);
    if (!p.ok) throw new Error(`reports.progress failed: ${JSON.stringify(p.error)}`);
    const v = p.value as { state: string; done?: number; result?: ReportResult; message?: string };
    if (v.state === 'done') return v.result!;
    if (v.state === 'failed') throw new Error(v.message);
    seen = v.done ?? seen;
  }
}

export async function benchReports(
  app: SiteApp,
  /** Signs a team manager in (after the load: a session idle through it would be locked). */
  signInManager: () => Promise<string>,
  options: { stays: number; samples: number; warmup: number; seed: number; createdBy: string; log: (m: string) => void },
): Promise<ReportBenchResult> {
  const raw = app.store.raw;
  const endsAt = new Date();
  const history = loadReportHistory(raw, { stays: options.stays, siteCode: app.site.siteCode, createdBy: options.createdBy, days: 730, endsAt, seed: options.seed, progress: options.log });
  options.log(`report history: ${history.stays} stays, ${history.forms} forms, ${history.tasks} tasks, ${history.referrals} referrals (~${history.eventsEquivalent} events) in ${history.seconds} s`);
  const token = await signInManager();

  // The last 12 whole months.
  const periods = Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(endsAt.getUTCFullYear(), endsAt.getUTCMonth() - 12 + i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  });
  const rawSteps = (p: { from: string; to: string }) =>
    custodyKpis.steps({ site: app.site, period: reportPeriod(p.from, p.to), now: new Date().toISOString(), workerId: null, team: null });
  const statements = new Map<string, ReturnType<typeof raw.prepare>>();
  const runRaw = (p: { from: string; to: string }) =>
    rawSteps(p).map((s) => {
      let st = statements.get(s.sql);
      if (!st) statements.set(s.sql, (st = raw.prepare(s.sql)));
      return st.all(s.params);
    });

  for (let i = 0; i < options.warmup; i++) {
    const p = periods[i % periods.length]!;
    await runThroughRouter(app, token, p.from, p.to);
    runRaw(p);
  }

  const routerNs: number[] = [];
  const rawNs: number[] = [];
  let rawMaxBlockNs = 0;
  const stays: number[] = [];
  // One monitor per report run: a monitor re-enabled after the raw SQL (which holds the main
  // thread) would count that time as loop delay of the next run.
  const delay = { maxNs: 0, p99Ns: 0, meanNs: [] as number[] };
  for (let i = 0; i < options.samples; i++) {
    const p = periods[i % periods.length]!;
    const monitor = monitorEventLoopDelay({ resolution: 5 });
    monitor.enable();
    const [r, result] = await timeAsync(() => runThroughRouter(app, token, p.from, p.to));
    monitor.disable();
    delay.maxNs = Math.max(delay.maxNs, monitor.max);
    delay.p99Ns = Math.max(delay.p99Ns, monitor.percentile(99));
    delay.meanNs.push(monitor.mean);
    routerNs.push(r);
    stays.push(result.sections[0]?.figures[0]?.value ?? 0);
    const [s, rows] = timeSync(() => runRaw(p));
    rawNs.push(s);
    rawMaxBlockNs = Math.max(rawMaxBlockNs, s);
    const rawStays = (rows[0] as { stays: number }[])[0]?.stays;
    if (rawStays !== result.sections[0]?.figures[0]?.value) throw new Error(`the report and the raw SQL disagree: ${rawStays} and ${result.sections[0]?.figures[0]?.value} stays`);
  }
  const router = summarise(routerNs);
  const rawStats = summarise(rawNs);
  const plans = Object.fromEntries(
    rawSteps(periods[0]!).map((s) => [s.id, (raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(s.params) as { detail: string }[]).map((d) => d.detail)]),
  );
  return {
    history,
    periods: periods.map((p) => `${p.from}..${p.to}`),
    staysPerPeriod: { min: Math.min(...stays), max: Math.max(...stays) },
    router,
    raw: rawStats,
    ratioP95: ratio(router.p95, rawStats.p95),
    eventLoopDelayWhileReportRunsMs: { max: ms(delay.maxNs), p99: ms(delay.p99Ns), mean: ms(delay.meanNs.reduce((a, b) => a + b, 0) / Math.max(1, delay.meanNs.length)) },
    rawSqlHoldsMainThreadMaxMs: ms(rawMaxBlockNs),
    note: 'router: reports.start then reports.progress until done (SQL in the report worker, warm); raw: the same SQL on the main connection, on the main thread (it would hold the event loop for its whole time)',
    plans,
    targetP95Ms: REPORT_TARGET_P95_MS,
  };
}

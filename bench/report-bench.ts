// The site's reports over a large site: the custody KPI report over a custody and prison history
// loaded by SQL (report-load.ts), and the workforce planning and patient outcomes reports over a
// substance misuse history written through the projector (report-sms-load.ts). Each is timed a
// month at a time through the router next to the same SQL run directly (report-timing.ts).
import type { SiteApp } from '../main/app/create-site-app';
import type { ReportResult } from '../contract/channels/reports';
import type { ReportRow } from '../db/reports/report-worker';
import { loadReportHistory, type ReportLoadResult } from './report-load';
import { loadSmsHistory, type SmsLoadResult } from './report-sms-load';
import { lastMonths, REPORT_TARGET_P95_MS, timeReport, type ReportTiming } from './report-timing';

export { REPORT_TARGET_P95_MS };

export interface ReportBenchResult {
  /** Custody and prison history (0 stays: not loaded, custody KPIs not timed). */
  history: ReportLoadResult | null;
  custodyKpis: ReportTiming | null;
  /** Substance misuse history (0 episodes: not loaded, workforce and outcomes not timed). */
  smsHistory: SmsLoadResult | null;
  workforce: ReportTiming | null;
  outcomes: ReportTiming | null;
  /** Events in the site's log when the reports were timed (the projected SMS history and anything else written through the app). */
  eventLogRows: number;
  note: string;
  targetP95Ms: number;
  pass: { custodyKpis: boolean; workforce: boolean; outcomes: boolean };
}

export interface ReportBenchOptions {
  stays: number;
  smsEpisodes: number;
  samples: number;
  warmup: number;
  seed: number;
  createdBy: string;
  log: (m: string) => void;
}

const figure = (r: ReportResult, section: string, id: string) => r.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id)?.value ?? 0;
const column = (rows: ReportRow[] | undefined, name: string, where: (r: ReportRow) => boolean = () => true) =>
  (rows ?? []).filter(where).reduce((n, r) => n + Number(r[name] ?? 0), 0);

export async function benchReports(
  app: SiteApp,
  /** Signs a team manager in (after the load: a session idle through it would be locked). */
  signInManager: () => Promise<string>,
  options: ReportBenchOptions,
): Promise<ReportBenchResult> {
  const raw = app.store.raw;
  const endsAt = new Date();
  let history: ReportLoadResult | null = null;
  if (options.stays > 0) {
    history = loadReportHistory(raw, { stays: options.stays, siteCode: app.site.siteCode, createdBy: options.createdBy, days: 730, endsAt, seed: options.seed, progress: options.log });
    options.log(`report history: ${history.stays} stays, ${history.forms} forms, ${history.tasks} tasks, ${history.referrals} referrals (~${history.eventsEquivalent} events) in ${history.seconds} s`);
  }
  let smsHistory: SmsLoadResult | null = null;
  if (options.smsEpisodes > 0) {
    smsHistory = loadSmsHistory(app.store, { episodes: options.smsEpisodes, days: 730, endsAt, seed: options.seed, progress: options.log });
    options.log(`substance misuse history: ${smsHistory.episodes} episodes, ${smsHistory.events} events through the projector in ${smsHistory.seconds} s (${smsHistory.eventsPerSecond}/s)`);
  }
  const token = await signInManager();
  const periods = lastMonths(endsAt, 12);
  const timing = { samples: options.samples, warmup: options.warmup, periods };
  const say = (t: ReportTiming) => options.log(`  ${t.reportId}: p95 ${t.router.p95} ms (raw SQL p95 ${t.raw.p95} ms), event-loop delay max ${t.eventLoopDelayWhileReportRunsMs.max} ms`);

  let custodyKpis: ReportTiming | null = null;
  if (history) {
    options.log('custody KPI report...');
    custodyKpis = await timeReport(app, token, {
      ...timing,
      reportId: 'custody-kpis',
      check: { name: 'stays', report: (r) => r.sections[0]?.figures[0]?.value ?? 0, raw: (rows) => Number(Object.values(rows)[0]?.[0]?.stays ?? 0) },
    });
    say(custodyKpis);
  }
  let workforce: ReportTiming | null = null;
  let outcomes: ReportTiming | null = null;
  if (smsHistory) {
    options.log('workforce planning report...');
    workforce = await timeReport(app, token, {
      ...timing,
      reportId: 'workforce',
      check: { name: 'people on a caseload', report: (r) => figure(r, 'caseload', 'people'), raw: (rows) => column(rows.caseload, 'people', (r) => r.worker_id === '*') },
    });
    say(workforce);
    options.log('patient outcomes report...');
    outcomes = await timeReport(app, token, {
      ...timing,
      reportId: 'outcomes',
      check: { name: 'referrals made', report: (r) => figure(r, 'referrals', 'referrals'), raw: (rows) => column(rows.referrals, 'referrals') },
    });
    say(outcomes);
  }
  return {
    history,
    custodyKpis,
    smsHistory,
    workforce,
    outcomes,
    eventLogRows: raw.prepare('SELECT count(*) FROM event_log').pluck().get() as number,
    note: 'router: reports.start then reports.progress until done (SQL in the report worker, warm), a month at a time over the last 12; raw: the same SQL on the main connection, on the main thread, in one read transaction (it holds the event loop for its whole time)',
    targetP95Ms: REPORT_TARGET_P95_MS,
    pass: { custodyKpis: custodyKpis?.pass ?? true, workforce: workforce?.pass ?? true, outcomes: outcomes?.pass ?? true },
  };
}

// The one JSON object the bench prints: results, the targets they are judged against, pass/fail.
import { cpus } from 'node:os';
import type { RawDb } from '../db/open';
import type { LoadResult } from './load';
import type { FormSaveResult } from './form-save-bench';
import type { ProjectorBenchResult } from './projector-bench';
import type { SaveResult } from './save-bench';
import type { benchStartup } from './startup-bench';
import { fts, indexedCountSql, indexedGroups, indexedPageSql } from '../db/name-search-sql';
import { RAW_SQL, type SearchGroupResult } from './search-bench';
import { REPORT_TARGET_P95_MS, type ReportBenchResult } from './report-bench';

/**
 * Ranked name search p95 <= 10 ms and <= 3x the raw unranked FTS query; identifier search p95 <= 5 ms;
 * saves within 10 ms; events received by sync applied at >= 50,000 a second; the custody KPI,
 * workforce planning and patient outcomes reports each with a run p95 within the report target.
 */
export const TARGETS = { nameSearchP95Ms: 10, nameSearchRatioMax: 3, identifierSearchP95Ms: 5, saveP95Ms: 10, formSaveP95Ms: 10, projectorApplyEventsPerSecond: 50_000, reportP95Ms: REPORT_TARGET_P95_MS } as const;

export interface ReportInput {
  people: number;
  identifiers: number;
  aliases: number;
  generation: LoadResult;
  search: { name: SearchGroupResult; identifier: SearchGroupResult };
  save: SaveResult;
  formSave: FormSaveResult;
  projector: ProjectorBenchResult;
  breakdown: Record<string, unknown> | null;
  plans: Record<string, string[]>;
  database: Record<string, unknown>;
  seed: number;
  samples: number;
  startup: Awaited<ReturnType<typeof benchStartup>> | null;
  reports: ReportBenchResult | null;
}

export function queryPlans(raw: RawDb): Record<string, string[]> {
  const plan = (sql: string, params: unknown[]) =>
    (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  const groups = indexedGroups(1);
  const one = { a: 'smith', aHi: 'smiti', limit: 26 };
  return {
    nameRawPage: plan(RAW_SQL.namePage, [fts.all(['smi'])]),
    nameFamilyGroupPage: plan(indexedPageSql(groups[0]!, false), [one]),
    nameFamilyPrefixCount: plan(indexedCountSql(groups[2]!), [one]),
    identifier: plan(RAW_SQL.identifier, ['pnc_id', '2003/0012345N']),
  };
}

export function buildReport(input: ReportInput) {
  const name = input.search.name;
  const pass = {
    nameSearchP95: name.router.p95 <= TARGETS.nameSearchP95Ms,
    nameSearchRatio: name.ratioP95 !== null && name.ratioP95 <= TARGETS.nameSearchRatioMax,
    identifierSearchP95: input.search.identifier.router.p95 <= TARGETS.identifierSearchP95Ms,
    saveP95: input.save.router.p95 <= TARGETS.saveP95Ms,
    formSaveP95: input.formSave.router.p95 <= TARGETS.formSaveP95Ms,
    projectorApply: input.projector.projector.eventsPerSecond >= TARGETS.projectorApplyEventsPerSecond,
    startup: input.startup?.pass ?? true,
    custodyKpiReportP95: input.reports?.pass.custodyKpis ?? true,
    workforceReportP95: input.reports?.pass.workforce ?? true,
    outcomesReportP95: input.reports?.pass.outcomes ?? true,
    all: false,
  };
  pass.all = Object.entries(pass).every(([k, v]) => k === 'all' || v);
  return {
    people: input.people,
    identifiers: input.identifiers,
    aliases: input.aliases,
    generation: { seconds: Math.round(input.generation.seconds * 10) / 10, rowsPerSecond: input.generation.rowsPerSecond },
    search: input.search,
    save: input.save,
    formSave: input.formSave,
    projector: input.projector,
    startup: input.startup,
    targets: TARGETS,
    pass,
    reports: input.reports,
    breakdown: input.breakdown,
    plans: input.plans,
    database: input.database,
    run: { seed: input.seed, samples: input.samples },
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', platform: `${process.platform}-${process.arch}` },
  };
}

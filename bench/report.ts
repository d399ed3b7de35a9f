// The one JSON object the bench prints: results, the targets they are judged against, pass/fail.
import { cpus } from 'node:os';
import type { RawDb } from '../db/open';
import type { LoadResult } from './load';
import type { FormSaveResult } from './form-save-bench';
import type { ProjectorBenchResult } from './projector-bench';
import type { SaveResult } from './save-bench';
import { NAME_SQL, NHS_SQL, type SearchGroupResult } from './search-bench';
import type { benchStartup } from './startup-bench';
import { REPORT_TARGET_P95_MS, type ReportBenchResult } from './report-bench';

export const TARGETS = { searchP95Ms: 15, searchRatioMax: 5, saveP95Ms: 10, formSaveP95Ms: 10, projectorApplyEventsPerSecond: 50_000, reportP95Ms: REPORT_TARGET_P95_MS } as const;

export interface ReportInput {
  people: number;
  identifiers: number;
  generation: LoadResult;
  search: { name: SearchGroupResult; nhsNumber: SearchGroupResult };
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
  return {
    name: plan(NAME_SQL, ['nhs_number', '"smi"*', 26]),
    nhsNumber: plan(NHS_SQL, ['nhs_number', '943476', '943477', 26]),
  };
}

export function buildReport(input: ReportInput) {
  const within = (p95: number, ratio: number | null) => ({
    p95: p95 <= TARGETS.searchP95Ms,
    ratio: ratio !== null && ratio <= TARGETS.searchRatioMax,
  });
  const name = within(input.search.name.router.p95, input.search.name.ratioP95);
  const nhs = within(input.search.nhsNumber.router.p95, input.search.nhsNumber.ratioP95);
  const pass = {
    nameSearchP95: name.p95,
    nameSearchRatio: name.ratio,
    nhsSearchP95: nhs.p95,
    nhsSearchRatio: nhs.ratio,
    saveP95: input.save.router.p95 <= TARGETS.saveP95Ms,
    formSaveP95: input.formSave.router.p95 <= TARGETS.formSaveP95Ms,
    projectorApply: input.projector.projector.eventsPerSecond >= TARGETS.projectorApplyEventsPerSecond,
    startup: input.startup?.pass ?? true,
    reportP95: input.reports ? input.reports.router.p95 <= TARGETS.reportP95Ms : true,
    all: false,
  };
  pass.all = pass.nameSearchP95 && pass.nameSearchRatio && pass.nhsSearchP95 && pass.nhsSearchRatio && pass.saveP95 && pass.formSaveP95 && pass.projectorApply && pass.startup && pass.reportP95;
  return {
    people: input.people,
    identifiers: input.identifiers,
    generation: { seconds: Math.round(input.generation.seconds * 10) / 10, rowsPerSecond: input.generation.rowsPerSecond },
    search: input.search,
    save: input.save,
    formSave: input.formSave,
    projector: input.projector,
    targets: TARGETS,
    pass,
    startup: input.startup,
    reports: input.reports,
    breakdown: input.breakdown,
    plans: input.plans,
    database: input.database,
    run: { seed: input.seed, samples: input.samples },
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', platform: `${process.platform}-${process.arch}` },
  };
}

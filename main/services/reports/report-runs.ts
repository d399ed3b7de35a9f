// Report runs in progress and just finished, held in memory for the person who started them: a
// run goes to the worker at once; the screen follows it with short waits (each answer comes as
// soon as another step is done, or after a moment); the finished result is what the screen shows
// and exactly what an export writes. Runs are kept for a while, then forgotten (a report is
// re-run, never served stale from disk).
import type { ReportProgress, ReportResult } from '../../../contract/channels/reports';
import type { ReportWorker, StepProgress } from '../../../db/reports/report-worker';
import type { ReportContext, ReportDefinition } from './report-definition';

/** How long a finished run can still be exported. */
export const RUN_KEPT_MS = 30 * 60_000;
/** Runs kept per person; the oldest goes first. */
export const RUNS_PER_PERSON = 10;
/** How long a progress call waits for something new before answering with what there is. */
export const PROGRESS_WAIT_MS = 1500;

interface Run {
  id: string;
  ownerId: string;
  startedAt: number;
  progress: StepProgress;
  outcome: { state: 'done'; result: ReportResult } | { state: 'failed'; message: string } | null;
  waiters: Set<() => void>;
}

export interface RunOwner {
  userId: string;
  fullName: string;
}

export class ReportRuns {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly worker: ReportWorker,
    private readonly clock: { nowMs: () => number; log: (message: string) => void },
  ) {}

  private forget(): void {
    const cutoff = this.clock.nowMs() - RUN_KEPT_MS;
    for (const [id, run] of this.runs) if (run.outcome && run.startedAt < cutoff) this.runs.delete(id);
  }

  private changed(run: Run): void {
    for (const wake of run.waiters) wake();
    run.waiters.clear();
  }

  /** Starts a run on the worker; returns at once. */
  start(id: string, definition: ReportDefinition, ctx: ReportContext, owner: RunOwner, meta: { workerName: string | null; teamName: string | null; siteName: string }): void {
    this.forget();
    const mine = [...this.runs.values()].filter((r) => r.ownerId === owner.userId).sort((a, b) => a.startedAt - b.startedAt);
    for (const old of mine.slice(0, Math.max(0, mine.length - RUNS_PER_PERSON + 1))) this.runs.delete(old.id);
    const steps = definition.steps(ctx);
    const run: Run = { id, ownerId: owner.userId, startedAt: this.clock.nowMs(), progress: { done: 0, total: steps.length, step: steps[0]?.label ?? '' }, outcome: null, waiters: new Set() };
    this.runs.set(id, run);
    this.worker
      .run(steps, (p) => {
        run.progress = p;
        this.changed(run);
      })
      .then((rows) => {
        const result: ReportResult = {
          runId: id,
          reportId: definition.id,
          title: definition.title,
          siteCode: ctx.site.siteCode,
          siteName: meta.siteName,
          from: ctx.period.from,
          to: ctx.period.to,
          workerId: ctx.workerId,
          workerName: meta.workerName,
          teamName: meta.teamName,
          producedAt: ctx.now,
          producedBy: owner.fullName,
          sections: definition.sections(rows, ctx),
          returnFile: definition.returnFile?.(rows, ctx) ?? null,
        };
        run.progress = { done: steps.length, total: steps.length, step: steps[steps.length - 1]?.label ?? '' };
        run.outcome = { state: 'done', result };
      })
      .catch((err: unknown) => {
        this.clock.log(`report ${definition.id} failed: ${err instanceof Error ? err.message : String(err)}`);
        run.outcome = { state: 'failed', message: `The report could not be produced: ${err instanceof Error ? err.message : String(err)}` };
      })
      .finally(() => this.changed(run));
  }

  /** The run, if it exists and belongs to this person (anyone else's is as if it did not exist). */
  private find(id: string, userId: string): Run | null {
    const run = this.runs.get(id);
    return run && run.ownerId === userId ? run : null;
  }

  exists(id: string, userId: string): boolean {
    return this.find(id, userId) !== null;
  }

  /** Where the run stands: as soon as more than `seen` steps are done or it has finished, else after a short wait. */
  async progress(id: string, userId: string, seen: number, waitMs: number = PROGRESS_WAIT_MS): Promise<ReportProgress | null> {
    const run = this.find(id, userId);
    if (!run) return null;
    if (!run.outcome && run.progress.done <= seen) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          run.waiters.delete(wake);
          resolve();
        }, waitMs);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        run.waiters.add(wake);
      });
    }
    if (run.outcome) return run.outcome;
    return { state: 'running', ...run.progress };
  }

  /** The finished result, or why there is none. */
  result(id: string, userId: string): { ok: true; result: ReportResult } | { ok: false; why: 'unknown' | 'running' | 'failed' } {
    const run = this.find(id, userId);
    if (!run) return { ok: false, why: 'unknown' };
    if (!run.outcome) return { ok: false, why: 'running' };
    return run.outcome.state === 'done' ? { ok: true, result: run.outcome.result } : { ok: false, why: 'failed' };
  }

  async close(): Promise<void> {
    for (const run of this.runs.values()) this.changed(run);
    this.runs.clear();
    await this.worker.close();
  }
}

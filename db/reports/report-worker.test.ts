// The report worker: its own read-only connection to the encrypted store, steps in order with
// progress, nothing written, a runaway query stopped, the host's event loop free meanwhile, and
// the name-search SQL functions there as on every connection.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../open';
import { ReportWorker, type ReportStep, type StepProgress } from './report-worker';

let dir: string;
let store: OpenedStore;
let worker: ReportWorker | null = null;
const key = randomBytes(32);
const SLOW = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @upTo) SELECT count(*) AS c FROM n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-report-worker-'));
  store = openStore({ file: join(dir, 'site.db'), key, create: true });
  const add = store.raw.prepare("INSERT INTO site_meta (key, value) VALUES (?, ?)");
  for (let i = 0; i < 5; i++) add.run(`k${i}`, `v${i}`);
});

afterEach(async () => {
  await worker?.close();
  worker = null;
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const make = (opts: { key?: Buffer; timeLimitMs?: number } = {}) => (worker = new ReportWorker({ file: join(dir, 'site.db'), key: () => opts.key ?? key, ...(opts.timeLimitMs ? { timeLimitMs: opts.timeLimitMs } : {}) }));

describe('report worker', () => {
  it('runs the steps in order on the encrypted store and says after each which one is running', async () => {
    const seen: StepProgress[] = [];
    const rows = await make().run(
      [
        { id: 'count', label: 'Counting', sql: 'SELECT count(*) AS n FROM site_meta WHERE key LIKE @prefix', params: { prefix: 'k%' } },
        { id: 'first', label: 'First', sql: 'SELECT value FROM site_meta WHERE key = @key', params: { key: 'k0' } },
      ],
      (p) => seen.push(p),
    );
    expect(rows).toEqual({ count: [{ n: 5 }], first: [{ value: 'v0' }] });
    expect(seen).toEqual([
      { done: 0, total: 2, step: 'Counting' },
      { done: 1, total: 2, step: 'First' },
    ]);
  });

  it('sees what the app has committed since its last run (a warm run is not stale)', async () => {
    const w = make();
    const step = { id: 'n', label: 'n', sql: 'SELECT count(*) AS n FROM site_meta', params: {} };
    expect((await w.run([step])).n).toEqual([{ n: 5 }]);
    store.raw.prepare("INSERT INTO site_meta (key, value) VALUES ('k9', 'v9')").run();
    expect((await w.run([step])).n).toEqual([{ n: 6 }]);
  });

  it('runs every step of a run on one snapshot, whatever the app writes meanwhile', async () => {
    const w = make();
    const steps: ReportStep[] = [
      { id: 'before', label: 'before', sql: 'SELECT count(*) AS n FROM site_meta', params: {} },
      { id: 'slow', label: 'slow', sql: SLOW, params: { upTo: 2e6 } },
      { id: 'after', label: 'after', sql: 'SELECT count(*) AS n FROM site_meta', params: {} },
    ];
    const run = w.run(steps, (p) => {
      // While the slow step runs, the app commits a new row.
      if (p.step === 'slow') store.raw.prepare("INSERT INTO site_meta (key, value) VALUES ('k7', 'v7')").run();
    });
    const rows = await run;
    expect(rows.before).toEqual([{ n: 5 }]);
    expect(rows.after).toEqual([{ n: 5 }]);
    expect((await w.run([steps[0]!])).before).toEqual([{ n: 6 }]);
  });

  it('has the name-search functions, so a report can read persons through their expression indexes', async () => {
    const add = store.raw.prepare(`INSERT INTO persons (id, family_name, given_names, birth_date, sex, origin_site, created_at, created_by, updated_at)
      VALUES (?, ?, ?, '1980-01-01', 'female', 'DEMO01', '2026-11-01T00:00:00Z', 'u', '2026-11-01T00:00:00Z')`);
    add.run('p1', "O'Brien", 'Mary-Jane');
    add.run('p2', 'Obrien', 'Ann');
    add.run('p3', 'Smith', 'Mary-Jane');
    const byFamily = 'SELECT id, sonar_given_key(given_names) AS given FROM persons WHERE sonar_family_key(family_name) = sonar_family_key(@name) ORDER BY id';
    const rows = await make().run([
      { id: 'plan', label: 'Plan', sql: `EXPLAIN QUERY PLAN ${byFamily}`, params: { name: 'x' } },
      { id: 'family', label: 'By family name', sql: byFamily, params: { name: "o'brien" } },
      { id: 'index', label: 'Name index', sql: "SELECT sonar_name_index('Smith-Jones', 'Ann', '[]') ->> 'fkey' AS fkey", params: {} },
    ]);
    expect(rows.family).toEqual([
      { id: 'p1', given: 'maryjane' },
      { id: 'p2', given: 'ann' },
    ]);
    expect(rows.index).toEqual([{ fkey: 'smithjones' }]);
    // The worker's connection reads through the expression index, as the app's does.
    expect(rows.plan!.map((r) => r.detail).join('; ')).toMatch(/USING INDEX persons_name_family/);
  });

  it('refuses a step that would write, and nothing changes', async () => {
    const run = make().run([{ id: 'x', label: 'x', sql: "DELETE FROM site_meta WHERE key = 'k0'", params: {} }]);
    await expect(run).rejects.toThrow(/only read/);
    expect(store.raw.prepare('SELECT count(*) AS n FROM site_meta').get()).toEqual({ n: 5 });
  });

  it('says the database could not be opened when the key is wrong', async () => {
    await expect(make({ key: randomBytes(32) }).run([{ id: 'x', label: 'x', sql: 'SELECT 1', params: {} }])).rejects.toThrow(/could not open the database/);
  });

  it('stops a run past its time limit, and the next run starts a fresh worker', async () => {
    const w = make({ timeLimitMs: 2000 });
    const slow = w.run([{ id: 'slow', label: 'slow', sql: SLOW, params: { upTo: 1e9 } }]);
    await expect(slow).rejects.toThrow(/longer than/);
    // Queued at once, before the stopped worker has exited: its exit must not fail this run.
    expect(await w.run([{ id: 'ok', label: 'ok', sql: 'SELECT 1 AS one', params: {} }])).toEqual({ ok: [{ one: 1 }] });
  });

  it('leaves the event loop free while a long query runs', async () => {
    const w = make();
    await w.run([{ id: 'warm', label: 'warm', sql: 'SELECT 1', params: {} }]);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    const rows = await w.run([{ id: 'slow', label: 'slow', sql: SLOW, params: { upTo: 5e6 } }]);
    const took = Date.now() - started;
    delay.disable();
    expect(rows.slow).toEqual([{ c: 5e6 }]);
    expect(took).toBeGreaterThan(300);
    // Run on the event loop, the query would delay it by its whole time; in the worker the loop
    // keeps turning (the bound allows for a busy shared machine).
    expect(delay.max / 1e6).toBeLessThan(took / 3);
  });
});

// `npx tsx bench/central-kpi-bench.ts [--stays N] [--sites N] [--samples N] [--explain]`: the governance lead's
// KPI page over a large synthetic regional history in PostgreSQL (a throwaway cluster when
// DATABASE_URL is unset), next to raw baselines in the same run and database: the cheapest
// aggregate over the same stays (stays begun per site in the month, from the same index) and the
// KPI statement on its own. The history is written straight into the projection (`records`) in
// the shape pushes leave it, by SQL, so loading takes seconds; the page reads it exactly as it
// reads pushed data. Progress on stderr; one JSON object on stdout. `npm run bench` runs it too
// (benchCentralKpis, under "central").
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { openCentralStore, rowsOf, type CentralStore } from '../central/db/open';
import { kpiPage } from '../central/reports/kpi-page';
import { runKpis } from '../central/reports/kpi-run';
import { kpiSql, type KpiBounds } from '../central/reports/kpi-sql';
import { kpiTables } from '../central/reports/kpi-tables';
import { benchDatabase } from './central-bench';
import { summarise, type Percentiles } from './percentiles';

const cliLog = (m: string) => process.stderr.write(`[kpi-bench] ${m}\n`);

/** Warm p95 of the whole page (all five KPIs, protected tables, HTML) for one month. */
export const KPI_PAGE_TARGET_P95_MS = 2000;

export interface CentralKpiOptions {
  stays: number;
  sites: number;
  samples: number;
  explain: boolean;
}

function args(argv: readonly string[]): CentralKpiOptions {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} needs a whole number`);
    return n;
  };
  return { stays: value('--stays', 200_000), sites: value('--sites', 20), samples: value('--samples', 10), explain: argv.includes('--explain') };
}

/** Two years of stays at `sites` sites (a third prisons), each with its first assessment; prisons with second-stage forms and tasks; some referrals. */
async function load(store: CentralStore, stays: number, sites: number, log: (m: string) => void): Promise<void> {
  const exec = (q: SQL) => store.db.execute(q);
  await exec(sql`
    INSERT INTO sites (code, name, org_type, registered_at)
    SELECT 'S' || lpad(s::text, 3, '0'), 'Bench site ' || s, CASE WHEN s % 3 = 0 THEN 'prison_healthcare' ELSE 'custody_healthcare' END, now()
    FROM generate_series(1, ${sites}) s`);
  await exec(sql`
    CREATE TEMP TABLE bench_stays AS
    SELECT i, gen_random_uuid() AS person, gen_random_uuid() AS ev,
      'S' || lpad((1 + i % ${sites})::text, 3, '0') AS site,
      CASE WHEN (1 + i % ${sites}) % 3 = 0 THEN 'prison' ELSE 'custody' END AS kind,
      timestamptz '2024-01-01 00:00:00+00' + (i::double precision / ${stays}) * interval '730 days' AS arrived
    FROM generate_series(1, ${stays}) i`);
  const iso = (col: string) => sql.raw(`to_char((${col}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  const entry = (type: string, ev: SQL, site: SQL, at: SQL, payload: SQL) =>
    sql`jsonb_build_object(${type}::text, jsonb_build_object('version', 1, 'eventId', ${ev}::text, 'originSite', ${site}, 'recordedAt', ${at}, 'payload', ${payload}))`;
  const record = (type: string, id: SQL, ev: SQL, state: SQL, status: string) =>
    sql`SELECT ${type}, ${id}, person, site, 'assessments', 1, ${status}, ${state}, ${ev}, NULL FROM bench_stays`;
  const insert = (select: SQL) =>
    exec(sql`INSERT INTO records (record_type, record_id, person_id, origin_site, sensitivity, version, status, state, head_event_id, open_conflict_id) ${select}`);
  log('stays');
  await insert(
    record('stay', sql`'s' || i`, sql`ev`, entry('stay.started', sql`ev`, sql`site`, iso('arrived'), sql`jsonb_build_object('siteCode', site, 'kind', kind, 'arrivedAt', ${iso('arrived')}, 'arrivalReason', NULL)`), 'active'),
  );
  log('first assessments');
  const answers = sql`jsonb_build_object('fit-to-detain', CASE WHEN i % 50 = 0 THEN 'not-fit-hospital' ELSE 'fit' END, 'observation-level', (1 + i % 4)::text,
    'rousing', (ARRAY['not-required','60','30','15'])[1 + i % 4], 'intoxicated', i % 5 = 0, 'gcs', 15 - i % 3)`;
  await insert(sql`
    SELECT 'form_response', 'fa' || i, person, site, 'assessments', 1, 'active',
      jsonb_build_object('form.recorded', jsonb_build_object('version', 1, 'eventId', ev::text, 'originSite', site, 'recordedAt', ${iso("arrived + (i % 600) * interval '1 minute'")},
        'payload', jsonb_build_object('stayId', 's' || i, 'response', jsonb_build_object('id', 'fa' || i, 'entryId', 'fa' || i, 'version', 1,
          'templateId', CASE kind WHEN 'custody' THEN 'custody-hcp-assessment' ELSE 'prison-reception-screen' END, 'templateVersion', 2,
          'answers', ${answers}, 'scores', '[]'::jsonb, 'flags', '[]'::jsonb, 'codes', '[]'::jsonb, 'status', 'final',
          'recordedAt', ${iso("arrived + (i % 600) * interval '1 minute'")}, 'recordedBy', 'u1')))),
      ev, NULL
    FROM bench_stays WHERE i % 20 <> 0`);
  log('second-stage forms and tasks');
  await insert(sql`
    SELECT 'form_response', 'fs' || i, person, site, 'assessments', 1, 'active',
      jsonb_build_object('form.recorded', jsonb_build_object('version', 1, 'eventId', ev::text, 'originSite', site, 'recordedAt', ${iso("arrived + (i % 12) * interval '1 day'")},
        'payload', jsonb_build_object('stayId', 's' || i, 'response', jsonb_build_object('id', 'fs' || i, 'entryId', 'fs' || i, 'version', 1,
          'templateId', 'prison-second-stage-assessment', 'templateVersion', 1, 'answers', '{}'::jsonb, 'scores', '[]'::jsonb, 'flags', '[]'::jsonb, 'codes', '[]'::jsonb,
          'status', 'final', 'recordedAt', ${iso("arrived + (i % 12) * interval '1 day'")}, 'recordedBy', 'u1')))),
      ev, NULL
    FROM bench_stays WHERE kind = 'prison' AND i % 10 < 7`);
  await insert(sql`
    SELECT 'task', 't' || i, person, site, 'care_plan', 2, 'closed',
      jsonb_build_object('task.created', jsonb_build_object('version', 1, 'eventId', ev::text, 'originSite', site, 'recordedAt', ${iso('arrived')},
          'payload', jsonb_build_object('siteCode', site, 'stayId', 's' || i, 'kind', 'second-stage-assessment', 'title', 'Second stage', 'detail', NULL, 'forRole', NULL,
            'dueAt', ${iso("arrived + interval '7 days'")}, 'sourceResponseId', NULL)),
        'task.closed', jsonb_build_object('version', 2, 'eventId', ev::text, 'originSite', site, 'recordedAt', ${iso("arrived + (i % 9) * interval '1 day'")},
          'payload', jsonb_build_object('outcome', 'done', 'note', NULL))),
      ev, NULL
    FROM bench_stays WHERE kind = 'prison'`);
  log('referrals');
  await insert(sql`
    SELECT 'referral', 'r' || i, person, site, 'mental_health', 1, 'open',
      jsonb_build_object('referral.made', jsonb_build_object('version', 1, 'eventId', ev::text, 'originSite', site, 'recordedAt', ${iso("arrived + interval '2 hours'")},
        'payload', jsonb_build_object('siteCode', site, 'toService', CASE WHEN i % 2 = 0 THEN 'substance_misuse' ELSE 'mental_health_inreach' END, 'reason', 'Bench', 'sourceResponseId', NULL))),
      ev, NULL
    FROM bench_stays WHERE i % 5 = 0`);
  await exec(sql`ANALYZE records`);
}

async function time(samples: number, fn: () => Promise<unknown>): Promise<Percentiles> {
  await fn();
  await fn();
  const ns: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await fn();
    ns.push((performance.now() - started) * 1e6);
  }
  return summarise(ns);
}

/** The KPI page over a synthetic regional history, next to its raw baselines; the JSON the CLI prints. */
export async function benchCentralKpis(a: CentralKpiOptions, log: (m: string) => void): Promise<Record<string, unknown> & { pass: boolean }> {
  const db = await benchDatabase(log);
  const store = await openCentralStore({ databaseUrl: db.url, pgliteDir: null, poolSize: 4 });
  try {
    log(`loading ${a.stays} stays at ${a.sites} sites into ${db.describe}`);
    const loadStarted = performance.now();
    await load(store, a.stays, a.sites, log);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const records = Number(rowsOf<{ n: string }>(await store.db.execute(sql`SELECT count(*) AS n FROM records`))[0]?.n);
    const now = new Date('2026-01-01T12:00:00Z');
    const [from, to] = ['2025-03-01', '2025-03-31'];
    const bounds: KpiBounds = { startsAt: '2025-03-01T00:00:00.000Z', endsBefore: '2025-03-31T23:00:00.000Z', looseFrom: '2025-02-28', looseTo: '2025-04-01', now: now.toISOString() };
    log('timing');
    const page = await time(a.samples, async () => {
      const run = await runKpis(store, from, to, now);
      return kpiPage({ lead: { id: 'bench', name: 'Bench' }, values: { from: { day: '1', month: '3', year: '2025' }, to: { day: '31', month: '3', year: '2025' } }, problems: [], result: { from, to, tables: kpiTables(run), asAt: now } });
    });
    const raw = await time(a.samples, () =>
      store.db.execute(sql`
        SELECT state -> 'stay.started' -> 'payload' ->> 'siteCode' AS site, count(*) FROM records
        WHERE record_type = 'stay' AND (state -> 'stay.started' -> 'payload' ->> 'arrivedAt') >= ${bounds.looseFrom} AND (state -> 'stay.started' -> 'payload' ->> 'arrivedAt') < ${bounds.looseTo}
        GROUP BY 1`),
    );
    // The statement alone, without the snapshot transaction, the protected tables and the HTML.
    const statement = await time(a.samples, () => store.db.execute(kpiSql(bounds)));
    if (a.explain) {
      const plan = rowsOf<Record<string, string>>(await store.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${kpiSql(bounds)}`));
      log(plan.map((r) => Object.values(r)[0]).join('\n'));
    }
    // A whole year is the longest period a lead is likely to ask for: timed twice, not to a target.
    const year = await time(1, () => runKpis(store, '2024-04-01', '2025-03-31', now));
    const staysInMonth = Number(rowsOf<{ n: string }>(await store.db.execute(sql`SELECT count(*) AS n FROM records WHERE record_type = 'stay' AND (state -> 'stay.started' -> 'payload' ->> 'arrivedAt') LIKE '2025-03%'`))[0]?.n);
    const pass = page.p95 <= KPI_PAGE_TARGET_P95_MS;
    return { database: db.describe, stays: a.stays, sites: a.sites, records, staysInMonth, loadSeconds: Math.round(loadSeconds * 10) / 10, pageMs: page, yearPageMs: year, rawStaysPerSiteMs: raw, statementMs: statement, targetP95Ms: KPI_PAGE_TARGET_P95_MS, pass };
  } finally {
    await store.close();
    await db.cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCentralKpis(args(process.argv.slice(2)), cliLog)
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    });
}

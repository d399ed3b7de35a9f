// Central ingest over mutual TLS into PostgreSQL (target >= 20,000 events/s), next to a raw
// multi-row INSERT of the same rows into a copy of the events table, in the same run and database.
// The central runs as `npm run central` does, in its own process; the bench plays several custody
// sites, each pushing its outbox in 500-event batches through the site's own client.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { sendAdminCommand } from '../central/admin/admin-client';
import { createCsr, newKeyPair, privateKeyToPem } from '../central/ca/certificates';
import type { ClinicalEvent } from '../contract/sync/events';
import { CentralClient, planBatches } from '../main/sync/central-client';
import { checkFloorCpuMs, ingestBudget } from './central-budget';
import { clusterAvailable, startThrowawayCluster } from './central-pg-cluster';
import { siteWorkload } from './central-workload';

export interface CentralBenchArgs {
  events: number;
  sites: number;
}

export const CENTRAL_TARGET_EVENTS_PER_SECOND = 20_000;

/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
const root = join(import.meta.dirname, '..');

/** CPU time (user + system) a process has used so far, from /proc; null where there is no /proc. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  // Fields after the command name: state is field 3, utime and stime are fields 14 and 15 (clock ticks of 10 ms).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Database {
  url: string | null;
  describe: string;
  /** The server's CPU time so far, when the bench started the server itself. */
  cpuMs(): number | null;
  cleanup(): Promise<void>;
}

export async function benchDatabase(log: (m: string) => void): Promise<Database> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const name = `sonar_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      describe: 'the PostgreSQL server named by DATABASE_URL (a fresh database)',
      cpuMs: () => null,
      cleanup: async () => {
        const c = new pg.Client({ connectionString: given });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  if (clusterAvailable()) {
    log('starting a throwaway PostgreSQL cluster');
    const cluster = await startThrowawayCluster({ fsync: true });
    return { url: cluster.url, describe: cluster.describe, cpuMs: () => cluster.cpuMs(), cleanup: async () => cluster.stop() };
  }
  return { url: null, describe: 'PGlite (no PostgreSQL server binaries on this machine; not the target configuration)', cpuMs: () => null, cleanup: async () => undefined };
}

async function startCentralProcess(dataDir: string, dbUrl: string | null): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'central', 'cli.ts'), 'serve', '--port', '0', '--name', 'localhost', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`the central exited (${code}): ${stderr}`)));
  });
  return { url, child };
}

async function enrol(dataDir: string, url: string, code: string): Promise<CentralClient> {
  const keys = await newKeyPair();
  const csr = await createCsr(keys, code);
  const answer = await sendAdminCommand(dataDir, { command: 'site.register', csrPem: csr.toString('pem'), code, orgType: 'custody_healthcare', name: `Bench ${code}`, days: 30 });
  if (!answer?.ok) throw new Error(`could not register ${code}: ${answer ? answer.error : 'no admin socket'}`);
  const result = answer.result as { certificatePem: string; caPem: string };
  return new CentralClient({ url, site: code, certPem: result.certificatePem, keyPem: await privateKeyToPem(keys.privateKey), caPem: result.caPem, timeoutMs: 120_000 });
}

const COLUMNS = ['event_id', 'person_id', 'record_type', 'record_id', 'type', 'base_version', 'hlc', 'origin_site', 'sensitivity', 'content_hash', 'body', 'received_at'] as const;

/** The raw baseline: the same rows as multi-row INSERTs of 500, one pipeline per site, into a copy of the table. */
async function rawInsert(dbUrl: string, perSite: ClinicalEvent[][], serverCpuMs: () => number | null): Promise<{ seconds: number; serverCpuMs: number | null }> {
  const setup = new pg.Client({ connectionString: dbUrl });
  await setup.connect();
  await setup.query('DROP TABLE IF EXISTS raw_events');
  await setup.query('CREATE TABLE raw_events (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
  await setup.end();
  const rowsPerSite = perSite.map((events) => events.map((e) => [e.eventId, e.personId, e.recordType, e.recordId, e.type, e.baseVersion, e.hlc, e.originSite, e.sensitivity, e.contentHash, JSON.stringify(e), new Date().toISOString()]));
  const clients = await Promise.all(rowsPerSite.map(async () => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    return c;
  }));
  const cpu0 = serverCpuMs();
  const started = performance.now();
  await Promise.all(
    rowsPerSite.map(async (rows, i) => {
      const client = clients[i] as pg.Client;
      for (let at = 0; at < rows.length; at += 500) {
        const chunk = rows.slice(at, at + 500);
        const placeholders = chunk.map((_, r) => `(${COLUMNS.map((_c, k) => `$${r * COLUMNS.length + k + 1}`).join(',')})`).join(',');
        await client.query(`INSERT INTO raw_events (${COLUMNS.join(',')}) VALUES ${placeholders}`, chunk.flat());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpu0 === null ? null : (serverCpuMs() ?? Number.NaN) - cpu0;
  await Promise.all(clients.map((c) => c.end()));
  return { seconds, serverCpuMs: cpu };
}

export async function benchCentralIngest(args: CentralBenchArgs, log: (m: string) => void): Promise<Record<string, unknown>> {
  const db = await benchDatabase(log);
  const dataDir = mkdtempSync(join(tmpdir(), 'sonar-bench-central-'));
  let child: ChildProcess | null = null;
  const clients: CentralClient[] = [];
  try {
    log(`central ingest: ${args.events} events from ${args.sites} sites into ${db.describe}`);
    const started = await startCentralProcess(dataDir, db.url);
    child = started.child;
    const codes = Array.from({ length: args.sites }, (_, i) => `BENCH${String(i + 1).padStart(2, '0')}`);
    for (const code of codes) clients.push(await enrol(dataDir, started.url, code));

    const perSitePeople = Math.ceil(args.events / 5 / args.sites);
    const now = Date.now() - 60_000;
    const workloads = codes.map((code) => siteWorkload(code, perSitePeople, now));
    const warmups = codes.map((code) => siteWorkload(code, 20, now - 30_000));
    const total = workloads.reduce((n, w) => n + w.length, 0);
    const head = { count: 0, hash: '0'.repeat(64) };
    await Promise.all(clients.map((c, i) => c.push({ batchSeq: 1, auditHead: head, events: warmups[i] as ClinicalEvent[] })));
    log(`  warmed up; pushing ${total} events in batches of 500`);

    const latencies: number[] = [];
    let accepted = 0;
    const cpu0 = processCpuMs(child.pid);
    const pgCpu0 = db.cpuMs();
    const clientCpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (client, i) => {
        let batchSeq = 1;
        for (const batch of planBatches(workloads[i] as ClinicalEvent[])) {
          const b0 = performance.now();
          const answer = await client.push({ batchSeq: ++batchSeq, auditHead: head, events: batch });
          latencies.push(performance.now() - b0);
          accepted += answer.results.filter((r) => r.status === 'accepted').length;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const centralCpuMs = cpu0 === null ? null : (processCpuMs(child.pid) ?? Number.NaN) - cpu0;
    const pgCpuMs = pgCpu0 === null ? null : (db.cpuMs() ?? Number.NaN) - pgCpu0;
    const clientCpu = process.cpuUsage(clientCpu0);
    const eventsPerSecond = Math.round(total / seconds);
    log(`  central: ${eventsPerSecond} events/s (${accepted}/${total} accepted in ${seconds.toFixed(2)} s)`);

    for (const c of clients) c.close();
    clients.length = 0;
    child.kill('SIGTERM');
    await new Promise((resolve) => child?.once('exit', resolve));
    child = null;

    let raw: { eventsPerSecond: number; seconds: number; postgresCpuMsPerBatch: number | null } | null = null;
    if (db.url) {
      const r = await rawInsert(db.url, workloads, () => db.cpuMs());
      const batches = workloads.reduce((n, w) => n + Math.ceil(w.length / 500), 0);
      raw = { eventsPerSecond: Math.round(total / r.seconds), seconds: Number(r.seconds.toFixed(3)), postgresCpuMsPerBatch: r.serverCpuMs === null ? null : Number((r.serverCpuMs / batches).toFixed(1)) };
      log(`  raw multi-row INSERT: ${raw.eventsPerSecond} events/s`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const centralCpuMsPerBatch = centralCpuMs === null ? null : Number((centralCpuMs / latencies.length).toFixed(1));
    const postgresCpuMsPerBatch = pgCpuMs === null ? null : Number((pgCpuMs / latencies.length).toFixed(1));
    const sitesCpuMsPerBatch = Number(((clientCpu.user + clientCpu.system) / 1000 / latencies.length).toFixed(1));
    const budget = ingestBudget({
      targetEventsPerSecond: CENTRAL_TARGET_EVENTS_PER_SECOND,
      batchSize: 500,
      sitesCpuMsPerBatch,
      centralCpuMsPerBatch,
      postgresCpuMsPerBatch,
      checkFloorCpuMsPerBatch: checkFloorCpuMs(workloads[0] as ClinicalEvent[], 500, 20),
      rawInsertPostgresCpuMsPerBatch: raw?.postgresCpuMsPerBatch ?? null,
    });
    log(`  CPU per batch: ${budget.usedCpuMsPerBatch ?? '?'} ms used, ${budget.availableCpuMsPerBatch} ms available at the target; floor ${budget.floorCpuMsPerBatch ?? '?'} ms (${budget.floorEventsPerSecond ?? '?'} events/s at most)`);
    return {
      database: db.describe,
      events: total,
      sites: args.sites,
      batchSize: 500,
      transport: 'HTTPS, TLS 1.3 with client certificates (ECDSA P-256), keep-alive, one pipeline per site',
      ingest: {
        eventsPerSecond,
        seconds: Number(seconds.toFixed(3)),
        accepted,
        batches: latencies.length,
        batchP50Ms: Number(percentile(sorted, 50).toFixed(1)),
        batchP95Ms: Number(percentile(sorted, 95).toFixed(1)),
        // Where a batch's work is done: the central process and the PostgreSQL server (both on this machine).
        centralCpuMsPerBatch,
        postgresCpuMsPerBatch,
        sitesCpuMsPerBatch,
        work: 'per event: schema check, SHA-256 content hash, HLC quarantine check; per batch: one transaction with dedupe, seq, projection, subscriptions, conflict check, audit anchor',
      },
      rawInsert: raw
        ? { ...raw, statement: 'INSERT ... VALUES of 500 rows per statement into a copy of the events table (same indexes, no triggers), one connection per site' }
        : { skipped: 'no PostgreSQL server: the raw baseline needs one' },
      rawOverIngest: raw ? Number((raw.eventsPerSecond / eventsPerSecond).toFixed(2)) : null,
      cpuBudget: budget,
      target: { eventsPerSecond: CENTRAL_TARGET_EVENTS_PER_SECOND },
      pass: db.url !== null && eventsPerSecond >= CENTRAL_TARGET_EVENTS_PER_SECOND && accepted === total,
      note: 'the bench (TLS clients), the central process and PostgreSQL share this machine’s cores',
    };
  } finally {
    for (const c of clients) c.close();
    if (child) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await db.cleanup();
  }
}

// Runs a report's SQL in a worker thread, on the worker's own read-only connection to the
// encrypted store, so a report over a large site never holds the host's event loop (the screen,
// sign-in, other calls carry on). The worker is plain JavaScript evaluated in place, as the
// background integrity check is: it runs whatever read-only steps it is given, one after the
// other, reports after each step, and keeps its connection and prepared statements between runs
// (a warm run reuses both). The key crosses to the worker in memory only; it is never logged.
// The connection has the name-search SQL functions every connection has (db/search-functions.ts),
// answered by the host (host-functions.ts), so a report may read through those expression indexes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CIPHER_PRAGMAS } from '../cipher';
import { SEARCH_FUNCTIONS } from '../search-functions';
import { WORKER_HOST_FUNCTIONS_SOURCE, serveHostFunctions } from './host-functions';

/** One query of a report: named parameters (@name in the SQL) and what the screen says while it runs. */
export interface ReportStep {
  id: string;
  label: string;
  sql: string;
  params: Record<string, string | number | null>;
}

export type ReportRow = Record<string, string | number | null>;
export type StepRows = Record<string, ReportRow[]>;

export interface StepProgress {
  done: number;
  total: number;
  /** The label of the step now running, or of the last one when all are done. */
  step: string;
}

/** A run that takes longer than this is stopped (the worker is ended and started afresh next time). */
export const REPORT_TIME_LIMIT_MS = 120_000;

/** The worker's page cache (KiB): a warm run over a large site reads from memory. */
const WORKER_CACHE_KIB = 64 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.addon);
${WORKER_HOST_FUNCTIONS_SOURCE}
let db = null;
let openError = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  for (const p of workerData.pragmas) db.pragma(p);
  db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
  registerHostFunctions(db, workerData.functions);
  db.pragma('query_only = 1');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = ' + (-workerData.cacheKib));
  db.prepare('SELECT count(*) FROM sqlite_master').get();
} catch (err) {
  openError = String(err && err.message ? err.message : err);
  if (db) { try { db.close(); } catch {} db = null; }
}
const statements = new Map();
function statement(sql) {
  let s = statements.get(sql);
  if (!s) { s = db.prepare(sql); if (!s.reader) throw new Error('a report step must only read'); statements.set(sql, s); }
  return s;
}
parentPort.on('message', (m) => {
  if (m.type === 'close') { if (db) db.close(); db = null; parentPort.close(); return; }
  if (m.type !== 'run') return;
  if (!db) { parentPort.postMessage({ type: 'error', id: m.id, message: 'The report could not open the database: ' + openError }); return; }
  // One read transaction for the whole run: every step sees the same snapshot of the store, so the
  // sections of a report agree with each other while the app goes on writing.
  let open = false;
  try {
    const rows = {};
    const total = m.steps.length;
    db.exec('BEGIN');
    open = true;
    m.steps.forEach((step, i) => {
      parentPort.postMessage({ type: 'progress', id: m.id, done: i, total, step: step.label });
      rows[step.id] = statement(step.sql).all(step.params);
    });
    db.exec('COMMIT');
    open = false;
    parentPort.postMessage({ type: 'done', id: m.id, rows });
  } catch (err) {
    if (open) { try { db.exec('ROLLBACK'); } catch {} }
    parentPort.postMessage({ type: 'error', id: m.id, message: String(err && err.message ? err.message : err) });
  }
});
`;

type WorkerMessage =
  | { type: 'progress'; id: number; done: number; total: number; step: string }
  | { type: 'done'; id: number; rows: StepRows }
  | { type: 'error'; id: number; message: string };

interface Pending {
  resolve(rows: StepRows): void;
  reject(err: Error): void;
  onProgress(p: StepProgress): void;
  timer: NodeJS.Timeout;
  /** The worker running it: when that worker ends, only its own runs fail. */
  worker: Worker;
}

export interface ReportWorkerOptions {
  /** The store's database file. */
  file: string;
  /** Reads the store's raw 32-byte key when the worker starts. */
  key: () => Buffer;
  timeLimitMs?: number;
}

export class ReportWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ReportWorkerOptions) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const addon = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
    const key = this.options.key();
    const functions = serveHostFunctions(SEARCH_FUNCTIONS);
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { addon, file: this.options.file, keyHex: key.toString('hex'), pragmas: [...CIPHER_PRAGMAS], cacheKib: WORKER_CACHE_KIB, functions: functions.link },
      transferList: [functions.link.port],
    });
    w.unref();
    w.on('message', (m: WorkerMessage) => this.receive(m));
    w.on('error', (err) => this.failAll(new Error(`The report stopped: ${err.message}`), w));
    w.on('exit', () => {
      functions.close();
      if (this.worker === w) this.worker = null;
      this.failAll(new Error('The report stopped before it finished.'), w);
    });
    this.worker = w;
    return w;
  }

  private receive(m: WorkerMessage): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      p.onProgress({ done: m.done, total: m.total, step: m.step });
      return;
    }
    clearTimeout(p.timer);
    this.pending.delete(m.id);
    if (m.type === 'done') p.resolve(m.rows);
    else p.reject(new Error(m.message));
  }

  private failAll(err: Error, worker: Worker | null = null): void {
    for (const [id, p] of this.pending) {
      if (worker && p.worker !== worker) continue;
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(err);
    }
  }

  /** Runs the steps in order on the worker; resolves with each step's rows by step id. */
  run(steps: readonly ReportStep[], onProgress: (p: StepProgress) => void = () => {}): Promise<StepRows> {
    if (this.closed) return Promise.reject(new Error('The report worker has been closed.'));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<StepRows>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A runaway query cannot be interrupted inside the worker: end the worker (the next run starts a new one).
        this.pending.delete(id);
        reject(new Error(`The report took longer than ${Math.round((this.options.timeLimitMs ?? REPORT_TIME_LIMIT_MS) / 1000)} seconds and was stopped.`));
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      }, this.options.timeLimitMs ?? REPORT_TIME_LIMIT_MS);
      timer.unref();
      this.pending.set(id, { resolve, reject, onProgress, timer, worker });
      worker.postMessage({ type: 'run', id, steps });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('The report worker has been closed.'));
    if (w) await w.terminate();
  }
}

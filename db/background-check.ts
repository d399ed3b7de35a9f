// The full integrity check of a large store, run in a worker thread on its own read-only
// connection once the app is up: start-up checks what it depends on (store-check.ts, critical)
// and this finds damage anywhere else without holding up the first screen or the event loop.
// The worker is plain JavaScript evaluated in place (no separate file to bundle); it loads the
// same SQLite addon by its resolved path.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CIPHER_PRAGMAS } from './cipher';

/** How long after the store opens the whole-file check starts. */
export const BACKGROUND_CHECK_DELAY_MS = 3000;

export type IntegrityVerdict = { ok: true; checkedMs: number } | { ok: false; problem: string } | { ok: null; stopped: true };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.addon);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  for (const p of workerData.pragmas) db.pragma(p);
  db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
  const started = Date.now();
  const rows = db.pragma('quick_check(20)').map((r) => r.quick_check);
  const verdict = rows.join('; ');
  parentPort.postMessage(verdict === 'ok' ? { ok: true, checkedMs: Date.now() - started } : { ok: false, problem: verdict.slice(0, 500) });
} catch (err) {
  parentPort.postMessage({ ok: false, problem: String(err && err.message ? err.message : err) });
} finally {
  if (db) db.close();
}
`;

export interface BackgroundCheck {
  verdict: Promise<IntegrityVerdict>;
  /** Stops the check (the store is closing); the verdict then says it was stopped. */
  stop(): Promise<void>;
}

/**
 * Waits `delayMs` first: the check reads the whole file at full speed on one core, and the app's
 * own start (loading its code, the first screen) should not have to share the machine with it.
 */
export function startBackgroundCheck(file: string, key: Buffer, delayMs = BACKGROUND_CHECK_DELAY_MS): BackgroundCheck {
  const addon = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  let worker: Worker | null = null;
  let stopped = false;
  let settle: (v: IntegrityVerdict) => void = () => {};
  const verdict = new Promise<IntegrityVerdict>((resolve) => (settle = resolve));
  const timer = setTimeout(() => {
    if (stopped) return;
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { addon, file, keyHex: key.toString('hex'), pragmas: [...CIPHER_PRAGMAS] } });
    w.unref();
    w.once('message', (m: IntegrityVerdict) => settle(m));
    w.once('error', (err) => settle({ ok: false, problem: err.message }));
    w.once('exit', () => settle(stopped ? { ok: null, stopped: true } : { ok: false, problem: 'the check stopped before it finished' }));
    worker = w;
  }, delayMs);
  timer.unref();
  return {
    verdict,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      settle({ ok: null, stopped: true });
      await worker?.terminate();
    },
  };
}

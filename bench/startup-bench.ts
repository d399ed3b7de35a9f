// Start-up time of the real browser host (the built out/main/browser-host.js, as `npm start` runs
// it), from spawning the process to its printing the launch address: on the bench's large store,
// and on an empty store in the same run. The raw baseline is the whole-file quick_check that
// start-up used to run before printing anything, timed on the same file. The whole-file check
// still runs, in a worker, after the address is printed; its time is reported too.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyKey } from '../db/cipher';
import { openStore } from '../db/open';

export const STARTUP_TARGET_MS = 2000;
const READY_LINE = 'SONAR browser host listening:';
const INTEGRITY_LINE = /integrity check of the whole database: ok \((\d+) ms\)/;
const root = join(import.meta.dirname, '..');
const hostScript = join(root, 'out', 'main', 'browser-host.js');

export interface StartTiming {
  /** Spawn to the launch address on stdout. */
  readyMs: number;
  /** Spawn to the background whole-file check reporting ok (null when it did not within the wait). */
  checkedMs: number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Builds the product from the current sources (the bench measures what `npm start` runs). */
export function ensureBuilt(log: (m: string) => void): void {
  log('building the browser host (electron-vite build)...');
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0 || !existsSync(hostScript)) throw new Error('electron-vite build failed');
}

/** One start of the browser host on `dataDir`; stops it once ready (and, if asked, once its background check is done). */
export function timeOneStart(dataDir: string, waitForCheckMs: number): Promise<StartTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [hostScript, '--port', '0'], {
      cwd: root,
      env: { ...process.env, SONAR_DATA_DIR: dataDir, SONAR_TEST_NOW: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let readyMs: number | null = null;
    let checkedMs: number | null = null;
    let stderr = '';
    let stdout = '';
    let waitTimer: NodeJS.Timeout | null = null;
    const stop = () => {
      if (waitTimer) clearTimeout(waitTimer);
      child.kill('SIGTERM');
    };
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the browser host did not start within 120 s:\n${stderr}`));
    }, 120_000);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (readyMs === null && stdout.includes(READY_LINE)) {
        readyMs = performance.now() - started;
        if (waitForCheckMs <= 0 || checkedMs !== null) stop();
        else waitTimer = setTimeout(stop, waitForCheckMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (checkedMs === null && INTEGRITY_LINE.test(stderr)) {
        checkedMs = performance.now() - started;
        if (readyMs !== null) stop();
      }
    });
    child.on('close', () => {
      clearTimeout(giveUp);
      if (readyMs === null) reject(new Error(`the browser host stopped before it was ready:\n${stderr}`));
      else resolve({ readyMs: Math.round(readyMs), checkedMs: checkedMs === null ? null : Math.round(checkedMs) });
    });
  });
}

/** The check start-up used to run in full before printing anything: quick_check of every page. */
function rawQuickCheckMs(dataDir: string): number {
  const raw = new Database(join(dataDir, 'sonar.db'), { readonly: true, fileMustExist: true });
  try {
    applyKey(raw, Buffer.from(readFileSync(join(dataDir, 'db.key'), 'utf8').trim(), 'hex'));
    const t = performance.now();
    const verdict = raw.pragma('quick_check', { simple: true });
    if (verdict !== 'ok') throw new Error(`quick_check: ${String(verdict)}`);
    return Math.round(performance.now() - t);
  } finally {
    raw.close();
  }
}

/**
 * The store's own part of start-up, in this process: every check before opening, opening,
 * migrations and the audit seal (openStore as start-up runs it, without the background check).
 * Independent of how long the process takes to load its code, which the spawn timings include.
 */
function storeOpenMs(dataDir: string, runs: number): number[] {
  const key = Buffer.from(readFileSync(join(dataDir, 'db.key'), 'utf8').trim(), 'hex');
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const store = openStore({ file: join(dataDir, 'sonar.db'), key, create: false, check: 'critical', migrationsFolder: join(root, 'db', 'migrations') });
    out.push(Math.round(performance.now() - t));
    store.close();
  }
  return out;
}

export async function benchStartup(options: { dataDir: string; people: number; runs: number; log: (m: string) => void }) {
  const { log } = options;
  ensureBuilt(log);
  const empty = mkdtempSync(join(tmpdir(), 'sonar-bench-empty-'));
  try {
    log('start-up of an empty store: first run, then restarts...');
    const firstRun = await timeOneStart(empty, 0);
    const emptyStarts: StartTiming[] = [];
    for (let i = 0; i < options.runs; i++) emptyStarts.push(await timeOneStart(empty, 0));
    log(`start-up of the ${options.people}-person store...`);
    const largeStarts: StartTiming[] = [];
    for (let i = 0; i < options.runs; i++) largeStarts.push(await timeOneStart(options.dataDir, i === options.runs - 1 ? 90_000 : 0));
    log('opening each store in this process...');
    const emptyOpen = storeOpenMs(empty, options.runs);
    const largeOpen = storeOpenMs(options.dataDir, options.runs);
    log('raw baseline: quick_check of the whole file...');
    const quickCheckMs = rawQuickCheckMs(options.dataDir);
    const largeMedian = median(largeStarts.map((s) => s.readyMs));
    return {
      host: 'node out/main/browser-host.js (spawn to launch address printed)',
      people: options.people,
      largeStoreBytes: statSync(join(options.dataDir, 'sonar.db')).size,
      emptyStore: { firstRunMs: firstRun.readyMs, startsMs: emptyStarts.map((s) => s.readyMs), medianMs: median(emptyStarts.map((s) => s.readyMs)) },
      largeStore: {
        startsMs: largeStarts.map((s) => s.readyMs),
        medianMs: largeMedian,
        backgroundWholeFileCheckDoneMs: largeStarts[largeStarts.length - 1]?.checkedMs ?? null,
      },
      storeOpenInProcessMs: {
        note: 'checks before opening, opening, migrations and the audit seal, without process start-up',
        empty: { runs: emptyOpen, median: median(emptyOpen) },
        large: { runs: largeOpen, median: median(largeOpen) },
      },
      rawBaseline: { wholeFileQuickCheckMs: quickCheckMs, note: 'what start-up used to run before printing the address; now it runs in a worker afterwards' },
      note: 'warm page cache (the bench has just used the files)',
      target: { largeStoreStartMs: STARTUP_TARGET_MS },
      pass: largeMedian < STARTUP_TARGET_MS,
    };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

// Issue 7: kill -9 the site app in the middle of writing, over and over.
// After every kill: every write the app acknowledged is there, the database passes a full
// integrity check, the audit chain verifies and reaches its seal, and the app starts again on the
// crashed files by itself (the next cycle). Checks between cycles are read-only, so each restart
// is a real crash recovery. `npm test` runs a few cycles; `npm run test:faults` runs at least 100.
import { registerSearchFunctions } from '../../db/search-functions';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-log';
import { readSealFile } from '../../db/audit-seal';
import { applyKey } from '../../db/cipher';
import { withReadOnlyView } from '../../db/read-only-view';
import { storeFiles } from '../../db/store-files';
import { MIGRATIONS_FOLDER, bundleForChild } from '../support/bundle';
import { faultSize } from '../support/fault-size';

const CYCLES = faultSize('crash');
let child = '';
let dataDir = '';

beforeAll(async () => {
  child = await bundleForChild(join(import.meta.dirname, '..', 'support', 'crash-writer.ts'));
  dataDir = mkdtempSync(join(tmpdir(), 'sonar-crash-'));
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Cycle {
  acked: { kind: string; id: string }[];
  log: string;
}

/** Starts the writer, lets it write for `ms` after it is ready, then kills it with SIGKILL. */
function runAndKill(cycle: number, ms: number): Promise<Cycle> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, MIGRATIONS_FOLDER, String(cycle)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const startTimeout = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!timer && out.includes('READY\n')) timer = setTimeout(() => proc.kill('SIGKILL'), ms);
    });
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      clearTimeout(startTimeout);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' || !out.includes('READY\n')) return reject(new Error(`cycle ${cycle}: the writer stopped by itself (${signal ?? 'exit'}):\n${out}\n${err}`));
      const acked = out
        .split('\n')
        .filter((l) => l.startsWith('ACK '))
        .map((l) => {
          const [, kind = '', id = ''] = l.split(' ');
          return { kind, id };
        });
      resolve({ acked, log: out.split('\n').filter((l) => l.startsWith('LOG ')).join('\n') });
    });
  });
}

describe('kill -9 during writes', () => {
  it(`loses no acknowledged write over ${CYCLES} cycles`, async () => {
    const all: { kind: string; id: string }[] = [];
    let lost = 0;
    const started = Date.now();
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const { acked, log } = await runAndKill(cycle, 80 + ((cycle * 137) % 400));
      expect(log, `cycle ${cycle} start-up warnings`).not.toMatch(/audit trail|damaged|missing/i);
      all.push(...acked);
      const siteKey = Buffer.from(readFileSync(join(dataDir, 'db.key'), 'utf8').trim(), 'hex');
      const files = storeFiles(join(dataDir, 'sonar.db'));
      const verdict = withReadOnlyView(files, (raw) => {
        applyKey(raw, siteKey);
        registerSearchFunctions(raw);
        const integrity = raw.pragma('integrity_check', { simple: true });
        const persons = new Set(raw.prepare('SELECT id FROM persons').pluck().all() as string[]);
        const flags = new Set(raw.prepare('SELECT id FROM flags').pluck().all() as string[]);
        const missing = all.filter((a) => !(a.kind === 'person' ? persons : flags).has(a.id));
        return { integrity, missing, chain: verifyAuditChain(raw, readSealFile(files.seal)) };
      });
      expect(verdict.integrity, `cycle ${cycle}`).toBe('ok');
      expect(verdict.chain, `cycle ${cycle}`).toMatchObject({ ok: true });
      lost += verdict.missing.length;
      expect(verdict.missing, `cycle ${cycle}`).toEqual([]);
    }
    console.log(
      `crash test: ${CYCLES} kill -9 cycles, ${all.length} acknowledged writes (${all.filter((a) => a.kind === 'person').length} people, ${all.filter((a) => a.kind === 'flag').length} flags), ${lost} lost, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(all.length).toBeGreaterThan(CYCLES);
  }, CYCLES * 30_000);
});

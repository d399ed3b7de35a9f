// Every file in a data directory with its bytes' hash: compared before and after a refused start
// to prove it changed, created and deleted nothing.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    out[name] = stat.isFile() ? `${stat.size}:${createHash('sha256').update(readFileSync(path)).digest('hex')}` : 'dir';
  }
  return out;
}

/**
 * A copy of a data directory taken while its app is open and idle: what a crash (kill -9, power
 * cut after the last fsync) at that moment leaves, committed records still in the WAL.
 */
export function crashImage(dataDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'sonar-crash-image-'));
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

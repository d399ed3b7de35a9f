// Which process has a data directory open: a small file SONAR writes once its store is open and
// removes when it closes. Tools that must not run beside the app (restore) check it; a file left
// by a process that no longer exists (a crash) does not count.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'sonar.lock';

const lockSchema = z.object({ pid: z.number().int().positive(), startedAt: z.string() });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function takeInstanceLock(dataDir: string, now: () => Date): { release(): void } {
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: now().toISOString() }) + '\n', { mode: 0o600 });
  return {
    release() {
      try {
        const held = lockSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (held.success && held.data.pid === process.pid) rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/** The process that has this data directory open, or null when none does. */
export function runningInstance(dataDir: string): { pid: number; startedAt: string } | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const lock = lockSchema.safeParse(json);
  return lock.success && alive(lock.data.pid) ? lock.data : null;
}

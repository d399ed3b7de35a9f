// A read-only look at a store that cannot change a byte of it. Even a read-only SQLite connection
// writes the WAL index (-shm) and creates -wal and -shm when they are missing, so the look is taken
// through a private directory beside the database: a hard link to the database file (or a copy,
// where the file system has no hard links) and a copy of the WAL. Only the private directory is
// written; it is removed afterwards.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { StoreFiles } from './store-files';

const VIEW_PREFIX = '.sonar-readonly-';
/** A view directory older than this was left by a process that died; nothing else can be using it. */
const STALE_MS = 10 * 60_000;

function removeStaleViews(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(VIEW_PREFIX)) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

export function withReadOnlyView<T>(files: StoreFiles, use: (raw: Database.Database) => T): T {
  const dir = dirname(files.db);
  removeStaleViews(dir);
  const viewDir = mkdtempSync(join(dir, VIEW_PREFIX));
  try {
    const viewDb = join(viewDir, basename(files.db));
    try {
      linkSync(files.db, viewDb);
    } catch {
      copyFileSync(files.db, viewDb);
    }
    if (existsSync(files.wal)) copyFileSync(files.wal, `${viewDb}-wal`);
    const raw = new Database(viewDb, { readonly: true, fileMustExist: true });
    try {
      return use(raw);
    } finally {
      raw.close();
    }
  } finally {
    rmSync(viewDir, { recursive: true, force: true });
  }
}

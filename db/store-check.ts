// The check a store passes before anything opens it for writing. It runs entirely read-only (a
// refused start leaves every file byte-identical) and names what is wrong: a wrong key, a damaged
// file (empty, cut short, corrupt pages, a changed first page) or a newer schema. `critical` checks
// what start-up depends on (page 1, the schema, the page count against the file and the WAL, and
// the small tables sign-in and the clock use) in milliseconds whatever the size; `full` runs
// SQLite's quick_check over every page, which on a large store belongs in the background.
import type Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { applyKey } from './cipher';
import { registerSearchFunctions } from './search-functions';
import { RECOVERY_ADVICE, StoreOpenError } from './errors';
import { withReadOnlyView } from './read-only-view';
import { PAGE_SIZE, SALT_BYTES, headerPageCount, inspectPages } from './sqlcipher-format';
import type { StoreFiles } from './store-files';
import { keyMatchesMarker, type StoreMarker } from './store-marker';
import { readWal } from './wal-frames';
import { sealedRowPresent } from './audit-log';
import type { SealState } from './audit-seal';

export const CRITICAL_TABLES = ['__drizzle_migrations', 'users', 'sign_in_attempts', 'clock_state', 'site_meta'] as const;

export type CheckDepth = 'critical' | 'full';

export interface StoreCheckOptions {
  files: StoreFiles;
  /** The audit seal, when there is one: every row it names as saved must still be there. */
  seal: SealState | null;
  key: Buffer;
  marker: StoreMarker | null;
  migrationsFolder: string;
  depth: CheckDepth;
}

export interface StoreCheckResult {
  filePages: number;
  pageCount: number;
  walPages: number;
  checked: CheckDepth;
}

function damaged(what: string): StoreOpenError {
  return new StoreOpenError('damaged', `The database is damaged: ${what}. ${RECOVERY_ADVICE}`);
}

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** When SQLite cannot read the file: is the key wrong, or is the file damaged? */
function keyOrDamage(options: StoreCheckOptions, sqliteMessage: string): StoreOpenError {
  if (options.marker) return damaged(`it does not open with its key (${sqliteMessage})`);
  const pages = inspectPages(readHead(options.files.db, 65 * PAGE_SIZE), options.key);
  if (pages.page1 || pages.othersAuthentic > 0) return damaged(`its first page is unreadable (${sqliteMessage})`);
  return new StoreOpenError(
    'key_rejected',
    'The database could not be opened with its key: the key is wrong or the file is not a SONAR database. ' + RECOVERY_ADVICE,
  );
}

function refuseNewerSchema(raw: Database.Database, migrationsFolder: string): void {
  const hasTable = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return;
  const known = readMigrationFiles({ migrationsFolder });
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const row = raw.prepare('SELECT max(created_at) AS newest, count(*) AS applied FROM __drizzle_migrations').get() as {
    newest: number | null;
    applied: number;
  };
  if ((row.newest ?? 0) > newestKnown || row.applied > known.length) {
    throw new StoreOpenError(
      'newer_schema',
      `This database was written by a newer version of SONAR (schema ${row.applied}; this version knows ${known.length}). ` +
        'Install the newer version of SONAR to open it. The database was left untouched.',
    );
  }
}

/**
 * Saved changes are on disk before their audit row is sealed as durable, so a durable row that is
 * missing means saved changes are gone: the WAL deleted, an older copy of the database put in
 * place, or rows deleted. Opening it would show clinicians a record without them.
 */
function refuseLostChanges(raw: Database.Database, seal: SealState | null): void {
  if (!seal || seal.cut) return;
  const hasAudit = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'").get();
  if (hasAudit && sealedRowPresent(raw, seal.durableSeq, seal.durableHash)) return;
  if (!hasAudit && seal.durableSeq === 0) return;
  const head = hasAudit ? ((raw.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number | null) ?? 0) : 0;
  throw new StoreOpenError(
    'damaged',
    `The database is missing changes that were saved: its audit trail ends at row ${head}, but row ${seal.durableSeq} was recorded as saved. ` +
      'The write-ahead log (sonar.db-wal) may have been deleted, an older copy of the database put in place, or rows deleted from the audit trail. ' +
      RECOVERY_ADVICE,
  );
}

function quickCheck(raw: Database.Database, table: string | null): string {
  const sql = table === null ? 'quick_check' : `quick_check("${table.replace(/"/g, '""')}")`;
  const rows = raw.pragma(sql) as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

/** Pages the database should have that are in neither the file nor the WAL: the file was cut short. */
function checkPageCount(files: StoreFiles, filePages: number, pageCount: number): { pageCount: number; walPages: number } {
  const wal = readWal(files.wal);
  if (pageCount > filePages) {
    const missing: number[] = [];
    for (let p = filePages + 1; p <= pageCount && missing.length < 3; p++) if (!wal.pages.has(p)) missing.push(p);
    if (missing.length > 0) {
      throw damaged(`the file was cut short: it holds ${filePages} pages of ${pageCount}, and page ${missing[0]} is in neither the file nor the WAL`);
    }
  }
  return { pageCount, walPages: wal.pages.size };
}

export function checkStore(options: StoreCheckOptions): StoreCheckResult {
  const { files, key, marker } = options;
  let size: number;
  try {
    size = statSync(files.db).size;
  } catch {
    throw new StoreOpenError('missing', `The database file ${files.db} is missing. ${RECOVERY_ADVICE}`);
  }
  if (marker && !keyMatchesMarker(key, marker)) {
    throw new StoreOpenError('key_rejected', `The key is wrong: it does not belong to this database (its check value differs). ${RECOVERY_ADVICE}`);
  }
  if (size === 0) throw damaged('the file is empty (0 bytes)');
  if (size % PAGE_SIZE !== 0) throw damaged(`the file was cut short (${size} bytes is not a whole number of ${PAGE_SIZE}-byte pages)`);
  if (marker?.salt && readHead(files.db, SALT_BYTES).toString('hex') !== marker.salt) {
    throw damaged('its first page was overwritten (the salt differs from the one recorded when it was made)');
  }
  const filePages = size / PAGE_SIZE;
  // Page 1's own record of the size, read before SQLite opens anything (a cut can reach the schema).
  const recorded = headerPageCount(readHead(files.db, PAGE_SIZE), key);
  if (recorded !== null) checkPageCount(files, filePages, readWal(files.wal).committedDbPages ?? recorded);

  return withReadOnlyView(files, (raw) => {
    try {
      applyKey(raw, key);
      // Expression indexes (name search) call these: copying, checking or changing rows needs them.
      registerSearchFunctions(raw);
      raw.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      throw keyOrDamage(options, (err as Error).message);
    }
    try {
      refuseNewerSchema(raw, options.migrationsFolder);
      const counts = checkPageCount(files, filePages, raw.pragma('page_count', { simple: true }) as number);
      refuseLostChanges(raw, options.seal);
      if (options.depth === 'full') {
        const verdict = quickCheck(raw, null);
        if (verdict !== 'ok') throw damaged(`the integrity check found: ${verdict.slice(0, 300)}`);
      } else {
        const present = new Set(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
        for (const table of CRITICAL_TABLES) {
          if (!present.has(table)) continue;
          const verdict = quickCheck(raw, table);
          if (verdict !== 'ok') throw damaged(`the integrity check of ${table} found: ${verdict.slice(0, 300)}`);
        }
      }
      return { filePages, ...counts, checked: options.depth };
    } catch (err) {
      if (err instanceof StoreOpenError) throw err;
      throw damaged((err as Error).message);
    }
  });
}

// Opens (or creates) the encrypted site database: SQLCipher-format encryption with a raw 32-byte
// key, WAL, synchronous=FULL, foreign keys on, an integrity check, then the committed migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { searchTokens } from '../domain/person/person-name';
import { StoreOpenError } from './errors';
import { registerSearchFunctions } from './search-functions';
import * as schema from './schema';

export type SiteDb = BetterSQLite3Database<typeof schema>;
export type RawDb = Database.Database;

export interface OpenedStore {
  db: SiteDb;
  raw: RawDb;
  close(): void;
}

export interface OpenStoreOptions {
  file: string;
  /** The raw 32-byte key. */
  key: Buffer;
  /** Create the file when it does not exist (first run only). */
  create: boolean;
  migrationsFolder?: string;
}

/** The cipher settings, fixed and recorded (SECURITY.md item 7): SQLCipher v4 format. */
export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const;

/** Where the committed migrations are, next to this file in the source tree. */
export function defaultMigrationsFolder(): string {
  return fileURLToPath(new URL('./migrations', import.meta.url));
}

export function applyKey(raw: RawDb, key: Buffer): void {
  if (key.length !== 32) throw new Error('The database key must be 32 bytes');
  for (const p of CIPHER_PRAGMAS) raw.pragma(p);
  raw.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Registered on every connection: the FTS triggers call it to index a person's names. */
function registerFunctions(raw: RawDb): void {
  raw.function('sonar_search_text', { deterministic: true }, (names: unknown) =>
    typeof names === 'string' ? searchTokens(names).join(' ') : '',
  );
}

function refuseNewerSchema(raw: RawDb, migrationsFolder: string): void {
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

export function openStore(options: OpenStoreOptions): OpenedStore {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  if (!options.create && !existsSync(options.file)) {
    throw new StoreOpenError('damaged', `The database file ${options.file} is missing.`);
  }
  const raw = new Database(options.file, { fileMustExist: !options.create });
  try {
    applyKey(raw, options.key);
    try {
      raw.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new StoreOpenError(
        'key_rejected',
        'The database could not be opened with its key: the key is wrong or the file is not a SONAR database. ' +
          'The file was left untouched; restore the matching key or contact site IT.',
      );
    }
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    const check = raw.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new StoreOpenError('damaged', `The database is damaged (integrity check: ${String(check)}). It was left untouched; contact site IT.`);
    }
    registerFunctions(raw);
    registerSearchFunctions(raw);
    refuseNewerSchema(raw, migrationsFolder);
    const db = drizzle({ client: raw as unknown as BetterSqlite3.Database, schema });
    migrate(db, { migrationsFolder });
    return { db, raw, close: () => raw.close() };
  } catch (err) {
    raw.close();
    throw err;
  }
}

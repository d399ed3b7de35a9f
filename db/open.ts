// Opens (or creates) the encrypted site database: SQLCipher-format encryption with a raw 32-byte
// key, WAL, synchronous=FULL, foreign keys on, then the committed migrations. An existing store is
// checked read-only first (store-check.ts): a refused start changes no byte of any file. Creating
// writes the marker first and the database owner-only, so an interrupted first run is recognised
// and a store that has existed is never mistaken for a new one.
import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { searchTokens } from '../domain/person/person-name';
import { registerAuditSeal, sealHead } from './audit-log';
import { readSealFile } from './audit-seal';
import { startBackgroundCheck, type IntegrityVerdict } from './background-check';
import { applyKey } from './cipher';
import { RECOVERY_ADVICE, StoreOpenError } from './errors';
import { checkStore, type CheckDepth } from './store-check';
import { restrictToOwner, sqliteFiles, storeFiles, type StoreFiles } from './store-files';
import { MarkerUnreadableError, keyCheckValue, readStoreMarker, writeStoreMarker, type StoreMarker } from './store-marker';
import { openSeal } from './open-seal';
import { registerSearchFunctions } from './search-functions';
import * as schema from './schema';

export { CIPHER_PRAGMAS, applyKey } from './cipher';

export type SiteDb = BetterSQLite3Database<typeof schema>;
export type RawDb = Database.Database;

export interface OpenedStore {
  db: SiteDb;
  raw: RawDb;
  files: StoreFiles;
  /** Things start-up found that do not stop it (an audit trail found cut short). */
  warnings: string[];
  /** The whole-file integrity check: already done for `check: 'full'`, running in a worker for `'background'`. */
  integrity: Promise<IntegrityVerdict>;
  close(): void;
}

export interface OpenStoreOptions {
  file: string;
  /** The raw 32-byte key. */
  key: Buffer;
  /** Create the store (first run only): refused when the database file already exists. */
  create: boolean;
  migrationsFolder?: string;
  /**
   * `full` (default): every page is checked before the store opens. `background`: start-up checks
   * what it depends on and the full check runs in a worker. `auto` (the app's start-up): `full` up
   * to FULL_CHECK_MAX_BYTES, where it takes well under a second, `background` above. `critical`:
   * only what start-up depends on, for a file just checked whole (a restored backup).
   */
  check?: 'full' | 'background' | 'auto' | 'critical';
  /** The clock for the marker and seal records. */
  now?: () => Date;
}

/** Up to this size the whole file is checked before start-up goes on (quick_check reads ~100 MB/s here). */
export const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;

function checkDepthFor(check: NonNullable<OpenStoreOptions['check']>, file: string): CheckDepth {
  if (check === 'full') return 'full';
  if (check === 'background' || check === 'critical') return 'critical';
  return statSync(file).size <= FULL_CHECK_MAX_BYTES ? 'full' : 'critical';
}

/** Where the committed migrations are, next to this file in the source tree. */
export function defaultMigrationsFolder(): string {
  return fileURLToPath(new URL('./migrations', import.meta.url));
}

/** Registered on every connection: the FTS triggers call it to index a person's names. */
function registerFunctions(raw: RawDb): void {
  raw.function('sonar_search_text', { deterministic: true }, (names: unknown) =>
    typeof names === 'string' ? searchTokens(names).join(' ') : '',
  );
}

function readMarker(files: StoreFiles): StoreMarker | null {
  try {
    return readStoreMarker(files.marker);
  } catch (err) {
    if (err instanceof MarkerUnreadableError) throw new StoreOpenError('damaged', `${err.message} ${RECOVERY_ADVICE}`);
    throw err;
  }
}

function fileSalt(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('hex');
  } finally {
    closeSync(fd);
  }
}

function connect(files: StoreFiles, key: Buffer, migrationsFolder: string): { raw: RawDb; db: SiteDb } {
  const raw = new Database(files.db, { fileMustExist: true });
  try {
    applyKey(raw, key);
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    registerFunctions(raw);
    registerSearchFunctions(raw);
    const db = drizzle({ client: raw as unknown as BetterSqlite3.Database, schema });
    migrate(db, { migrationsFolder });
    return { raw, db };
  } catch (err) {
    raw.close();
    throw err;
  }
}

/**
 * Whether a new store may be made here: nothing is there yet, or a first run was cut off before
 * its database received a page (the marker still says creating; no WAL, no seal).
 */
export function creatable(files: StoreFiles, marker: StoreMarker | null): boolean {
  const dbEmpty = !existsSync(files.db) || statSync(files.db).size === 0;
  const nothingElse = !existsSync(files.wal) && !existsSync(files.seal);
  if (marker === null) return !existsSync(files.db) && nothingElse && !existsSync(files.shm);
  return marker.state === 'creating' && dbEmpty && nothingElse;
}

/** The first step of a first run, before the key is stored: a marker saying a store is being made with this key. */
export function beginStoreCreation(file: string, key: Buffer, now: () => Date = () => new Date()): void {
  writeStoreMarker(storeFiles(file).marker, {
    format: 'sonar-store-marker',
    version: 1,
    state: 'creating',
    createdAt: now().toISOString(),
    keyCheck: keyCheckValue(key),
    salt: null,
  });
}

/** The marker of a store, or a refusal naming it when it cannot be read. */
export function storeMarker(file: string): StoreMarker | null {
  return readMarker(storeFiles(file));
}

function create(files: StoreFiles, key: Buffer, migrationsFolder: string, now: () => Date): { raw: RawDb; db: SiteDb } {
  const createdAt = now().toISOString();
  writeStoreMarker(files.marker, { format: 'sonar-store-marker', version: 1, state: 'creating', createdAt, keyCheck: keyCheckValue(key), salt: null });
  if (!existsSync(files.db)) closeSync(openSync(files.db, 'wx', 0o600));
  const opened = connect(files, key, migrationsFolder);
  // Page 1 (with the salt) goes into the database file itself, not only the WAL.
  opened.raw.pragma('wal_checkpoint(TRUNCATE)');
  writeStoreMarker(files.marker, { format: 'sonar-store-marker', version: 1, state: 'ready', createdAt, keyCheck: keyCheckValue(key), salt: fileSalt(files.db) });
  return opened;
}

export function openStore(options: OpenStoreOptions): OpenedStore {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const now = options.now ?? (() => new Date());
  const files = storeFiles(options.file);
  const marker = readMarker(files);
  const markerExisted = marker !== null;
  let opened: { raw: RawDb; db: SiteDb };
  let checked: CheckDepth = 'full';

  if (options.create) {
    if (!creatable(files, marker)) {
      throw new StoreOpenError('damaged', `Refusing to create a database over the existing store ${files.db}. ${RECOVERY_ADVICE}`);
    }
    opened = create(files, options.key, migrationsFolder, now);
  } else {
    checked = checkDepthFor(options.check ?? 'full', files.db);
    checkStore({ files, key: options.key, marker, seal: readSealFile(files.seal), migrationsFolder, depth: checked });
    restrictToOwner(sqliteFiles(files));
    opened = connect(files, options.key, migrationsFolder);
    if (!marker || marker.state !== 'ready' || marker.salt === null) {
      // A store made before markers existed, or one whose first run was cut off after it got its pages.
      writeStoreMarker(files.marker, {
        format: 'sonar-store-marker',
        version: 1,
        state: 'ready',
        createdAt: marker?.createdAt ?? now().toISOString(),
        keyCheck: keyCheckValue(options.key),
        salt: fileSalt(files.db),
      });
    }
  }

  const { raw, db } = opened;
  try {
    const { seal, warnings } = openSeal(raw, files, markerExisted, now);
    registerAuditSeal(raw, seal);
    const background = checked === 'critical' && options.check !== 'critical' ? startBackgroundCheck(files.db, options.key) : null;
    return {
      db,
      raw,
      files,
      warnings,
      integrity: background ? background.verdict : Promise.resolve({ ok: true, checkedMs: 0 }),
      close: () => {
        void background?.stop();
        try {
          sealHead(raw, { durable: true, clean: true }, now);
        } finally {
          seal.close();
          raw.close();
        }
      },
    };
  } catch (err) {
    raw.close();
    throw err;
  }
}

// First run creates a key and a database; every later run opens the existing pair. A data
// directory that has ever held a store (its key, the store marker, the audit seal, a WAL or its
// index) never gets a new database: a missing database is refused with a recovery path and
// nothing in the directory is changed. A database without its key, or with a key that does not
// open it, is refused the same way.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { RECOVERY_ADVICE, StoreOpenError } from '../../db/errors';
import { beginStoreCreation, creatable, openStore, storeMarker, type OpenStoreOptions, type OpenedStore } from '../../db/open';
import { storeFiles } from '../../db/store-files';
import { keyMatchesMarker } from '../../db/store-marker';
import type { KeyStore } from '../keys/key-store';

/** What in a data directory shows that a store has been made there (empty when none). */
export function storeEvidence(dbFile: string, keys: KeyStore): string[] {
  const files = storeFiles(dbFile);
  const found: string[] = [];
  if (existsSync(files.db)) found.push(files.db);
  if (keys.exists()) found.push(keys.description);
  for (const f of [files.marker, files.seal, files.wal, files.shm]) if (existsSync(f)) found.push(f);
  return found;
}

/**
 * The key for a first run. The marker (with the key's check value) is written before the key is
 * stored, so a first run cut off at any point leaves a marker saying "creating" and is resumed,
 * rather than looking like a site whose database was lost.
 */
function firstRunKey(dbFile: string, keys: KeyStore, now?: () => Date): Buffer {
  const marker = storeMarker(dbFile);
  if (keys.exists()) {
    const key = keys.read();
    if (!marker || !keyMatchesMarker(key, marker)) {
      throw new StoreOpenError('key_rejected', `The key (${keys.description}) does not belong to the store being made here. ${RECOVERY_ADVICE}`);
    }
    return key;
  }
  const key = randomBytes(32);
  beginStoreCreation(dbFile, key, now);
  keys.create(key);
  return keys.read();
}

export interface SiteStoreOptions {
  migrationsFolder?: string;
  check?: OpenStoreOptions['check'];
  now?: () => Date;
}

export function openSiteStore(dbFile: string, keys: KeyStore, options: SiteStoreOptions = {}): OpenedStore {
  const evidence = storeEvidence(dbFile, keys);
  const common = {
    file: dbFile,
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
    ...(options.check ? { check: options.check } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const marker = storeMarker(dbFile);
  if (evidence.length === 0 || (marker?.state === 'creating' && creatable(storeFiles(dbFile), marker))) {
    return openStore({ ...common, key: firstRunKey(dbFile, keys, options.now), create: true });
  }
  if (!existsSync(dbFile)) {
    throw new StoreOpenError(
      'missing',
      `The database ${dbFile} is missing, but this data directory has held a SONAR site (found: ${evidence.join(', ')}). ` +
        `SONAR will not start a new, empty site over it. ${RECOVERY_ADVICE}`,
    );
  }
  if (!keys.exists()) {
    throw new StoreOpenError(
      'key_missing',
      `The database ${dbFile} exists but its key (${keys.description}) is missing. ` +
        'The database was left untouched: restore the key from the site backup or contact site IT.',
    );
  }
  return openStore({ ...common, key: keys.read(), create: false });
}

// First run creates a key and a database; every later run opens the existing pair. A database
// without its key, or with a key that does not open it, is an error the user sees: the app never
// creates a fresh empty database over the old one (SECURITY.md item 9).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { StoreOpenError } from '../../db/errors';
import { openStore, type OpenedStore } from '../../db/open';
import type { KeyStore } from '../keys/key-store';

export function openSiteStore(dbFile: string, keys: KeyStore, migrationsFolder?: string): OpenedStore {
  const dbExists = existsSync(dbFile);
  if (dbExists && !keys.exists()) {
    throw new StoreOpenError(
      'key_missing',
      `The database ${dbFile} exists but its key (${keys.description}) is missing. ` +
        'The database was left untouched: restore the key from the site backup or contact site IT.',
    );
  }
  if (!keys.exists()) keys.create(randomBytes(32));
  return openStore({ file: dbFile, key: keys.read(), create: !dbExists, ...(migrationsFolder ? { migrationsFolder } : {}) });
}

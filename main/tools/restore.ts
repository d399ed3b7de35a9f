// `npm run restore -- --from FILE [--data-dir DIR] [--key-file FILE]`: puts a verified backup in
// place of a browser-host site's database. SONAR must be stopped. The files there now are moved
// into a dated folder beside them, never deleted. On a new machine, --key-file gives the site's
// key (the db.key kept with the backups); it is installed owner-only.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { verifyCopy } from '../../db/backup';
import { restoreStore } from '../../db/restore';
import { defaultDataDir } from '../app/data-dir';
import { DB_FILE, KEY_FILE } from '../app/data-dir-files';
import { runningInstance } from '../app/instance-lock';
import { FileKeyStore } from '../keys/file-key-store';

/** The site's key, and (on a new machine) how to install it once the backup is known good. */
function siteKey(dataDir: string, keyFile: string | undefined): { key: Buffer; install(): void } {
  const keys = new FileKeyStore(join(dataDir, KEY_FILE));
  if (!keyFile) return { key: keys.read(), install: () => {} };
  const given = new FileKeyStore(resolve(keyFile)).read();
  if (keys.exists()) {
    if (!keys.read().equals(given)) throw new Error(`${keyFile} is not the key already in ${dataDir}; restore with that key, or contact site IT.`);
    return { key: given, install: () => {} };
  }
  return { key: given, install: () => keys.create(given) };
}

function main(): number {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, from: { type: 'string' }, 'key-file': { type: 'string' } } });
  if (!values.from) {
    console.error('usage: npm run restore -- --from FILE [--data-dir DIR] [--key-file FILE]');
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const from = resolve(values.from);
  const running = runningInstance(dataDir);
  if (running) {
    console.error(`SONAR is running on ${dataDir} (process ${running.pid}, since ${running.startedAt}). Stop it, then restore. Nothing was changed.`);
    return 1;
  }
  if (!existsSync(from)) {
    console.error(`There is no backup at ${from}. Nothing was changed.`);
    return 1;
  }
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const { key, install } = siteKey(dataDir, values['key-file']);
    const verified = verifyCopy(from, key);
    install();
    const result = restoreStore(join(dataDir, DB_FILE), key, from, { newId: uuidv7, verified });
    console.log(
      JSON.stringify({ restored: from, into: join(dataDir, DB_FILE), auditHead: result.restored.head, counts: result.restored.counts, movedAsideTo: result.movedAsideTo }, null, 2),
    );
    return 0;
  } catch (err) {
    console.error(`Restore failed: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main();

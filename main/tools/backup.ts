// `npm run backup -- --to FILE [--data-dir DIR]`: an online, encrypted, verified copy of a
// browser-host site's database, taken while SONAR runs. The copy is encrypted with the site's key
// (SQLCipher 4 settings: any SQLCipher 4 client opens it with the key; see docs/backup-and-recovery.md)
// and a manifest FILE.json records its audit head and the row count of every table. Keep the key
// (db.key) backed up separately from the copies. Exit 0 when the copy is made and verified.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupStore } from '../../db/backup';
import { defaultDataDir } from '../app/data-dir';
import { DB_FILE, KEY_FILE } from '../app/data-dir-files';
import { FileKeyStore } from '../keys/file-key-store';

function main(): number {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, to: { type: 'string' } } });
  if (!values.to) {
    console.error('usage: npm run backup -- --to FILE [--data-dir DIR]');
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  try {
    const key = new FileKeyStore(join(dataDir, KEY_FILE)).read();
    const manifest = backupStore(join(dataDir, DB_FILE), key, resolve(values.to));
    console.log(JSON.stringify({ backup: resolve(values.to), verified: true, ...manifest }, null, 2));
    return 0;
  } catch (err) {
    console.error(`Backup failed, nothing was written: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main();

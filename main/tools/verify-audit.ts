// `npm run audit:verify [-- --data-dir DIR]`: checks the audit trail's hash chain in a browser-host
// data directory, and that it still reaches the head sealed beside the database; names the first
// row that was changed or removed. Read-only: it creates, changes and deletes nothing. Exit 0 when
// intact, 1 when tampered or cut short, 2 when there is no database or it cannot be read. (Under
// Electron the key is wrapped by the OS keystore; use the auditor's "Verify audit trail" in the app.)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyStoreAudit } from '../../db/verify-store-audit';
import { defaultDataDir } from '../app/data-dir';
import { DB_FILE, KEY_FILE } from '../app/data-dir-files';
import { FileKeyStore } from '../keys/file-key-store';

function main(): number {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const dbFile = join(dataDir, DB_FILE);
  if (!existsSync(dbFile)) {
    console.error(`There is no SONAR database in ${dataDir} (${DB_FILE} is missing). Nothing was created.`);
    return 2;
  }
  const keys = new FileKeyStore(join(dataDir, KEY_FILE));
  let result;
  try {
    result = verifyStoreAudit(dbFile, keys.read());
  } catch (err) {
    console.error(`Cannot read the SONAR database in ${dataDir}: ${(err as Error).message}`);
    return 2;
  }
  const { verdict, sealed } = result;
  if (verdict.ok) {
    if (sealed) console.log(`Audit trail intact: ${verdict.rows} rows, reaching its sealed head.`);
    else console.log(`Audit trail links up (${verdict.rows} rows), but there is no seal to check its end against: rows at the end could have been removed unseen.`);
    return sealed ? 0 : 1;
  }
  console.log(`Audit trail TAMPERED: first bad row ${verdict.firstBadSeq} (${verdict.problem}).`);
  return 1;
}

process.exitCode = main();

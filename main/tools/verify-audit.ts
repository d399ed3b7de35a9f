// `npm run audit:verify [-- --data-dir DIR]`: checks the audit trail's hash chain in a browser-host
// data directory and names the first row that was changed or removed. Exit 0 when intact, 1 when
// tampered, 2 when the database cannot be opened. (Under Electron the key is wrapped by the OS
// keystore; use the auditor's "Verify audit trail" in the app there.)
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../../db/audit-log';
import { DB_FILE } from '../app/create-site-app';
import { defaultDataDir } from '../app/data-dir';
import { openSiteStore } from '../app/open-site-store';
import { FileKeyStore } from '../keys/file-key-store';

function main(): number {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  let store;
  try {
    store = openSiteStore(join(dataDir, DB_FILE), new FileKeyStore(join(dataDir, 'db.key')));
  } catch (err) {
    console.error(`Cannot open the SONAR database in ${dataDir}: ${(err as Error).message}`);
    return 2;
  }
  try {
    const verdict = verifyAuditChain(store.raw);
    if (verdict.ok) {
      console.log(`Audit trail intact: ${verdict.rows} rows.`);
      return 0;
    }
    console.log(`Audit trail TAMPERED: first bad row ${verdict.firstBadSeq} (${verdict.problem}).`);
    return 1;
  } finally {
    store.close();
  }
}

process.exitCode = main();

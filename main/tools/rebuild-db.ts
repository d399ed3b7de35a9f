// `npm run db:rebuild -- --data-dir DIR [--out FILE]`: rebuilds every clinical table of a
// browser-host site from its event log into a new encrypted database (same key) and reports whether
// it equals the live one, table by table. Exit 0 equal, 1 different, 2 when the site cannot be opened.
// The live database is only read. The rebuilt file is left for site IT (disaster recovery).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../db/open';
import { compareClinicalTables, rebuildFromLog } from '../../db/projector/rebuild';
import { DB_FILE } from '../app/create-site-app';
import { defaultDataDir } from '../app/data-dir';
import { openSiteStore } from '../app/open-site-store';
import { boundSiteCode } from '../app/site-binding';
import { FileKeyStore } from '../keys/file-key-store';

function main(): number {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const out = values.out ?? join(dataDir, `sonar-rebuilt-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
  if (existsSync(out)) {
    console.error(`${out} already exists; choose another --out.`);
    return 2;
  }
  const keys = new FileKeyStore(join(dataDir, 'db.key'));
  let live;
  try {
    live = openSiteStore(join(dataDir, DB_FILE), keys);
  } catch (err) {
    console.error(`Cannot open the SONAR site in ${dataDir}: ${(err as Error).message}`);
    return 2;
  }
  const siteCode = boundSiteCode(live.raw);
  if (!siteCode) {
    live.close();
    console.error(`The database in ${dataDir} has never been started as a site: nothing to rebuild.`);
    return 2;
  }
  const started = performance.now();
  const rebuilt = openStore({ file: out, key: keys.read(), create: true });
  try {
    const events = rebuildFromLog(live.raw, rebuilt, siteCode, (p) => process.stderr.write(`\rrebuilt from ${p.events} events`));
    process.stderr.write('\n');
    const differences = compareClinicalTables(live.raw, rebuilt.raw);
    const report = { events, seconds: Math.round(performance.now() - started) / 1000, rebuiltFile: out, equal: differences.length === 0, differences };
    console.log(JSON.stringify(report, null, 2));
    return report.equal ? 0 : 1;
  } finally {
    rebuilt.close();
    live.close();
  }
}

process.exitCode = main();

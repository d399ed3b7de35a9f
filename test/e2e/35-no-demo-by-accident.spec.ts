// The browser host that `npm start` runs, as a real process on real files: the demo site is made
// only in a data directory that never held a site; once a record exists, losing its site
// configuration or changing its site code stops start-up with a message, and nothing is written.
import { existsSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { removeDataDir, startOwnHost } from './support/own-host';

let dataDir: string;
test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sonar-e2e-nodemo-'));
});
test.afterAll(() => removeDataDir(dataDir));

test('a fresh data directory becomes the demo site; the same record is never re-made as one', async () => {
  const first = await startOwnHost(dataDir);
  await first.stop();
  const config = join(dataDir, 'sonar.config.json');
  expect(JSON.parse(readFileSync(config, 'utf8'))).toMatchObject({ siteCode: 'DEMO01', demo: true });

  unlinkSync(config);
  const db = readFileSync(join(dataDir, 'sonar.db'));
  await expect(startOwnHost(dataDir)).rejects.toThrow(/already holds a SONAR site .* but its site configuration is missing/);
  expect(existsSync(config)).toBe(false);
  expect(readFileSync(join(dataDir, 'sonar.db')).equals(db)).toBe(true);

  writeFileSync(config, JSON.stringify({ siteCode: 'CUSTODY7', siteName: 'Another suite', siteType: 'custody' }));
  await expect(startOwnHost(dataDir)).rejects.toThrow(/holds the record of the demo site DEMO01, but the site settings now say site CUSTODY7/);
});

// Issue 7 item 9: everything in the data directory is for SONAR's own user only, whether SONAR
// made it (a first run) or found it (a store from an older version, a configuration copied in).
import { chmodSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite | null = null;
afterEach(() => {
  site?.cleanup();
  site = null;
});

const mode = (path: string) => statSync(path).mode & 0o777;

function modes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, mode(join(dir, name)).toString(8)]));
}

describe.skipIf(process.platform === 'win32')('the data directory', () => {
  it('is owner-only after a first run: database, WAL, index, key, marker, seal and configuration', async () => {
    site = await startTempSite();
    const token = await signedInAdmin(site);
    await site.ok('patients.register', { familyName: 'Mode', givenNames: 'Test', title: null, birthDate: '1970-01-01', sex: 'unknown', nhsNumber: null }, token);
    const files = modes(site.dataDir);
    for (const name of ['sonar.db', 'sonar.db-wal', 'sonar.db-shm', 'sonar.config.json', 'db.key', 'sonar.db.marker', 'sonar.db.seal']) {
      expect(files[name], name).toBe('600');
    }
    expect(Object.values(files).every((m) => m === '600')).toBe(true);
    expect(mode(site.dataDir).toString(8)).toBe('700');
  });

  it('tightens files it finds readable by others', async () => {
    site = await startTempSite();
    await signedInAdmin(site);
    const dataDir = site.dataDir;
    site.app.close();
    for (const name of readdirSync(dataDir)) if (name !== 'db.key') chmodSync(join(dataDir, name), 0o644);
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'sonar.config.json.note'), 'left by site IT', { mode: 0o644 });
    const again = await startTempSite({ dataDir });
    site = again;
    expect(Object.values(modes(dataDir)).every((m) => m === '600')).toBe(true);
    expect(mode(dataDir).toString(8)).toBe('700');
    rmSync(join(dataDir, 'sonar.config.json.note'));
  });
});

// The verify command run as site IT would run it, on a real data directory: intact, a changed row,
// the newest rows deleted (with the app stopped, and while it runs), and a folder with no database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDir } from '../../test/support/data-dir-snapshot';
import { deleteNewestAuditRows } from '../../test/support/tamper';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';

const root = join(import.meta.dirname, '..', '..');
const run = (dataDir: string) =>
  spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'main', 'tools', 'verify-audit.ts'), '--data-dir', dataDir], { encoding: 'utf8' });

const sites: TempSite[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) s.cleanup();
});

async function siteWithAudit(): Promise<TempSite> {
  const site = await startTempSite();
  sites.push(site);
  const token = await signedInAdmin(site);
  await site.ok('patients.register', { familyName: 'Audit', givenNames: 'Test', title: null, birthDate: '1980-01-01', sex: 'unknown', nhsNumber: null }, token);
  for (let i = 0; i < 4; i++) await site.ok('setup.status', {});
  return site;
}

describe('npm run audit:verify', () => {
  it('says intact, then names the first tampered row', async () => {
    const site = await siteWithAudit();
    site.app.close();
    const intact = run(site.dataDir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/intact: \d+ rows/);

    const again = await startTempSite({ dataDir: site.dataDir });
    again.app.store.raw.exec("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET reason = 'edited' WHERE seq = 3;");
    again.app.close();
    const tampered = run(site.dataDir);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/first bad row 3/);
  });

  it('detects the newest rows deleted while SONAR was stopped', async () => {
    const site = await siteWithAudit();
    const rows = site.count('audit_events');
    site.app.close();
    deleteNewestAuditRows(site.dataDir, rows - 3);
    const cut = run(site.dataDir);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toMatch(new RegExp(`TAMPERED: first bad row ${rows - 2} \\(rows ${rows - 2} to ${rows} were removed`));
  });

  it('detects the newest rows deleted while SONAR runs, even after more rows are written', async () => {
    const site = await siteWithAudit();
    const rows = site.count('audit_events');
    deleteNewestAuditRows(site.dataDir, rows - 2);
    for (let i = 0; i < 3; i++) await site.ok('setup.status', {});
    site.app.close();
    const cut = run(site.dataDir);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toMatch(/TAMPERED: .*removed or changed while SONAR was running/);
  });

  it('fails on a folder with no database and creates nothing there', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sonar-verify-empty-'));
    try {
      const r = run(empty);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/no SONAR database/);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('changes no file of a store it verifies', async () => {
    const site = await siteWithAudit();
    site.app.close();
    const before = snapshotDir(site.dataDir);
    expect(run(site.dataDir).status).toBe(0);
    expect(snapshotDir(site.dataDir)).toEqual(before);
  });
});

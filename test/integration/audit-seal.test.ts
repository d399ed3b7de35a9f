// Issue 7 item 4 inside the app: audit rows missing from the end are reported by the auditor's
// "Verify audit trail" (audit.verify) and at start-up, and carrying on writing does not hide it;
// rows known to have been on disk (durable) missing stop the start altogether.
import { afterEach, describe, expect, it } from 'vitest';
import { createSiteApp } from '../../main/app/create-site-app';
import { FileKeyStore } from '../../main/keys/file-key-store';
import { staffSession } from '../support/staff';
import { deleteNewestAuditRows } from '../support/tamper';
import { signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { crashImage } from '../support/data-dir-snapshot';

const sites: TempSite[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of sites.splice(0)) s.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function auditedSite(): Promise<{ site: TempSite; auditorToken: () => Promise<string> }> {
  const site = await startTempSite();
  sites.push(site);
  const admin = await signedInAdmin(site);
  await staffSession(site, admin, 'audrey', ['auditor']);
  await site.ok('patients.register', { familyName: 'Sealed', givenNames: 'Row', title: null, birthDate: '1966-06-06', sex: 'unknown', nhsNumber: null }, admin);
  // Reads after the last saved change: their audit rows are not durable on their own.
  for (let i = 0; i < 3; i++) await site.ok('patients.search', { query: 'sealed' }, admin);
  return {
    site,
    auditorToken: async () => (await site.ok('auth.signIn', { username: 'audrey', password: 'a long staff password 2' })).token,
  };
}

describe('the audit seal inside the app', () => {
  it('after an unclean stop, reports read rows missing from the end at start-up and in audit.verify, and keeps reporting it', async () => {
    const { site } = await auditedSite();
    const rows = site.count('audit_events');
    // What a crash leaves; then the newest rows (searches after the last saved change) go.
    const dataDir = crashImage(site.dataDir);
    dirs.push(dataDir);
    deleteNewestAuditRows(dataDir, rows - 2);
    const logged: string[] = [];
    const app = await createSiteApp({ dataDir, keyStore: new FileKeyStore(join(dataDir, 'db.key')), log: (m) => logged.push(m) });
    expect(logged.join('\n')).toMatch(/audit trail does not reach its seal/);
    const token = (await app.router.handle('auth.signIn', { username: 'audrey', password: 'a long staff password 2' }, null)) as { ok: true; value: { token: string } };
    for (let i = 0; i < 3; i++) await app.router.handle('setup.status', {}, null);
    const verdict = await app.router.handle('audit.verify', {}, token.value.token);
    expect(verdict).toMatchObject({ ok: true, value: { ok: false, problem: expect.stringMatching(/cut short/) } });
    app.close();
  });

  it('refuses to start when rows that were on disk (SONAR closed cleanly) are missing from the end', async () => {
    const { site } = await auditedSite();
    site.app.close();
    deleteNewestAuditRows(site.dataDir, 3);
    await expect(createSiteApp({ dataDir: site.dataDir, keyStore: new FileKeyStore(join(site.dataDir, 'db.key')), log: () => {} })).rejects.toThrow(
      /missing changes that were saved/,
    );
  });
});

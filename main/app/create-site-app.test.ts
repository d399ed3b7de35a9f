// Start-up's site checks on real encrypted databases: a data directory that holds a site never
// becomes the demo site, a database refuses another site's settings, and a packaged start
// without policy creates nothing.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateRegistry } from '../../domain/templates/library';

// The versions a site would copy today (the shipped latest: older versions predate the partner-advice rule).
const cows = templateRegistry.latest('cows')!;
const audit = templateRegistry.latest('audit')!;
import { FileKeyStore } from '../keys/file-key-store';
import { DB_FILE, createSiteApp } from './create-site-app';
import type { PolicySources } from './policy/resolve-site-settings';
import { SITE_CONFIG_FILE } from './site-config-file';

let root: string;
let dataDir: string;
let machineFile: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sonar-site-app-'));
  dataDir = join(root, 'data');
  mkdirSync(join(root, 'etc'));
  chmodSync(join(root, 'etc'), 0o755);
  machineFile = join(root, 'etc', 'site.json');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const policy = (): PolicySources => ({ readRegistry: () => null, machineFile, platform: 'linux' });
function setPolicy(json: unknown): void {
  writeFileSync(machineFile, JSON.stringify(json), { mode: 0o644 });
  chmodSync(machineFile, 0o644);
}
function start(opts: { packaged?: boolean } = {}) {
  return createSiteApp({ dataDir, keyStore: new FileKeyStore(join(dataDir, 'db.key')), log: () => {}, policy: policy(), ...opts });
}
const LEEDS = { siteCode: 'HMPLEEDS', siteName: 'HMP Leeds Healthcare', siteType: 'prison' };

describe('no demo site by accident (an existing database)', () => {
  it('refuses to start when the site configuration of an existing database is missing, and writes no demo site', async () => {
    const first = await start(); // a developer's demo site
    first.close();
    unlinkSync(join(dataDir, SITE_CONFIG_FILE));
    const before = readFileSync(join(dataDir, DB_FILE));
    await expect(start()).rejects.toThrow(/already holds a SONAR site \(found: db\.key, sonar\.db.*\) but its site configuration is missing/);
    expect(existsSync(join(dataDir, SITE_CONFIG_FILE))).toBe(false);
    expect(readFileSync(join(dataDir, DB_FILE)).equals(before)).toBe(true);
  });

  it('refuses a changed site code, and keeps working with the right one', async () => {
    setPolicy(LEEDS);
    const leeds = await start();
    leeds.close();
    setPolicy({ ...LEEDS, siteCode: 'HMPWAKE' });
    await expect(start()).rejects.toThrow(/holds the record of site HMPLEEDS, but the site settings now say site HMPWAKE/);
    setPolicy(LEEDS);
    const again = await start();
    expect(again.site.siteCode).toBe('HMPLEEDS');
    again.close();
  });

  it('refuses to open a demo record as a live site of the same code, and a live record as a demo', async () => {
    const demo = await start();
    demo.close();
    setPolicy({ siteCode: 'DEMO01', siteName: 'Live now', siteType: 'custody', demo: false });
    await expect(start()).rejects.toThrow(/holds the record of the demo site DEMO01, but the site settings now say site DEMO01/);
  });

  it('binds a database from before the binding to the site its own events name', async () => {
    setPolicy(LEEDS);
    const app = await start();
    app.store.raw.prepare("DELETE FROM site_meta WHERE key IN ('site_code', 'site_demo')").run();
    app.store.raw
      .prepare(
        `INSERT INTO event_log (id, type, record_type, record_id, person_id, hlc, origin_site, author_id, author_role, recorded_at, sensitivity, content_hash, body, source, applied_at)
         VALUES ('e1', 'person.registered', 'person', 'p1', 'p1', 1, 'HMPLEEDS', 'u1', 'custody_hcp', '2026-01-01T00:00:00Z', 'demographics', 'x', '{}', 'local', '2026-01-01T00:00:00Z')`,
      )
      .run();
    app.close();
    setPolicy({ ...LEEDS, siteCode: 'HMPWAKE' });
    await expect(start()).rejects.toThrow(/holds records made at HMPLEEDS, but the site settings say site HMPWAKE/);
  });
});

describe('a packaged start', () => {
  it('without site policy refuses with the message for IT and creates no database, key or folder', async () => {
    await expect(start({ packaged: true })).rejects.toThrow(/SONAR has no site policy on this computer.*Site IT: set the site policy/s);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('with site policy starts the site it names', async () => {
    setPolicy(LEEDS);
    const app = await start({ packaged: true });
    expect(app.site).toMatchObject({ siteCode: 'HMPLEEDS', demo: false });
    expect(readdirSync(dataDir).sort()).toEqual(['db.key', 'sonar.db', 'sonar.db-shm', 'sonar.db-wal', 'sonar.db.marker', 'sonar.db.seal', 'sonar.lock']);
    app.close();
  });
});

describe('templates and code lists the site loads', () => {
  it("offers the site's own template beside the shipped library", async () => {
    const file = join(root, 'site-cows.json');
    writeFileSync(file, JSON.stringify({ ...cows, id: 'site-cows', title: 'COWS (site copy)', use: { ...cows.use, siteTypes: ['prison'] } }));
    setPolicy({ ...LEEDS, templates: [file] });
    const app = await start();
    const call = async (channel: string, input: unknown, token: string | null = null) => {
      const result = await app.router.handle(channel, input, token);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as Record<string, unknown>;
    };
    await call('setup.createFirstAdmin', { fullName: 'Ada Admin', username: 'ada', password: 'correct horse battery staple', clinicalRole: 'prison_nurse' });
    const { token } = (await call('auth.signIn', { username: 'ada', password: 'correct horse battery staple' })) as { token: string };
    const { templates } = (await call('forms.templates', {}, token)) as { templates: Array<{ id: string; title: string }> };
    expect(templates.find((t) => t.id === 'site-cows')?.title).toBe('COWS (site copy)');
    expect(templates.some((t) => t.id === 'cows')).toBe(true);
    app.close();
  });

  it('refuses a template file that is not valid, naming the file and the path', async () => {
    const file = join(root, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...cows, id: 'bad', sections: [] }));
    setPolicy({ ...LEEDS, templates: [file] });
    await expect(start()).rejects.toThrow(new RegExp(`The template file ${file} is not valid: sections`));
    expect(existsSync(join(dataDir, DB_FILE))).toBe(false);
  });

  it('refuses a site template whose code is in no loaded code list, and accepts it once the list is loaded', async () => {
    const template = join(root, 'with-code.json');
    const code = { ...audit.codes[0]!, code: '183515008', display: 'Referral to physician' };
    writeFileSync(template, JSON.stringify({ ...audit, id: 'with-code', codes: [code] }));
    setPolicy({ ...LEEDS, templates: [template] });
    const { loadSiteContent } = await import('./policy/site-content');
    expect(() => loadSiteContent({ templates: [template], codeLists: [] })).toThrow(/183515008 is in no code list the site loads/);
    const list = join(root, 'codes.json');
    writeFileSync(list, JSON.stringify({ id: 'site-codes', version: 1, edition: 'SNOMED CT UK edition', concepts: { referralToPhysician: { code: '183515008', display: 'Referral to physician' } } }));
    expect(loadSiteContent({ templates: [template], codeLists: [list] }).templates.latest('with-code')).toBeDefined();
    writeFileSync(list, JSON.stringify({ id: 'site-codes', version: 1, edition: 'x', concepts: { typo: { code: '183515009', display: 'Referral to physician' } } }));
    expect(() => loadSiteContent({ templates: [], codeLists: [list] })).toThrow(/concepts\.typo\.code: "183515009"/);
  });
});

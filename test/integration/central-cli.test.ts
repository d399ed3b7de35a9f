// The central as an operator runs it: `npm run central` in one process printing its URL, and the
// CLI in others: registering sites from their own CSRs and revoking them while it runs (through the
// admin socket), loading agreements (refusing a bad file by field), the governance lead's audit
// query and chain check, and the same commands directly on the database once it is stopped. The
// disclosure audit refuses changes, and a row changed behind its back is found by `verify`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_DIR } from '../../central/app/start-central';
import { openCentralStore } from '../../central/db/open';
import { CentralClient } from '../../main/sync/central-client';
import { fastestBackend } from './central-support/backends';
import { SiteEvents } from './central-support/events';
import { openAgreement } from './central-support/harness';
import { siteKeyAndCsr } from './central-support/pki';

const root = join(import.meta.dirname, '..', '..');
const cliArgs = ['--import', 'tsx', join(root, 'central', 'cli.ts')];
const backend = fastestBackend();
let env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '' };

function cli(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...cliArgs, ...args, '--data-dir', dataDir], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('running the central and its CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonar-central-cli-'));
  const dataDir = join(dir, 'central');
  let server: ChildProcess;
  let url = '';
  const clients: CentralClient[] = [];

  async function enrol(code: string, orgType: string): Promise<CentralClient> {
    const { keyPem, csrPem } = await siteKeyAndCsr(code);
    const csrFile = join(dir, `${code}.csr`);
    writeFileSync(csrFile, csrPem);
    const registered = cli(dataDir, 'site', 'register', '--csr', csrFile, '--code', code, '--org-type', orgType, '--name', `${code} site`);
    expect(registered.status, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const caPem = cli(dataDir, 'ca', 'show').stdout;
    const client = new CentralClient({ url, site: code, certPem: registered.stdout, keyPem, caPem });
    clients.push(client);
    return client;
  }

  let dropDatabase: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    // On a PostgreSQL server when the suite has one (it starts faster), otherwise PGlite in the data directory.
    const db = await backend.create();
    dropDatabase = db.drop;
    env = { ...process.env, DATABASE_URL: db.url ?? '' };
    server = spawn(process.execPath, [...cliArgs, 'serve', '--port', '0', '--name', 'localhost', '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 120_000);
      createInterface({ input: server.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve(line.trim());
      });
      server.once('exit', (code) => reject(new Error(`central exited ${code}: ${stderr}`)));
    });
  }, 150_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  });

  it('prints its https URL, enrols sites from their CSRs, loads agreements and answers the governance lead', { timeout: 240_000 }, async () => {
    expect(url).toMatch(/^https:\/\/localhost:\d+$/);
    const custody = await enrol('CUST01', 'custody_healthcare');
    const prison = await enrol('PRIS01', 'prison_healthcare');
    await expect(custody.hello()).resolves.toMatchObject({ site: 'CUST01' });

    const bad = join(dir, 'bad-agreement.json');
    writeFileSync(bad, JSON.stringify({ ...openAgreement('DSA-BAD', ['custody_healthcare'], ['prison_healthcare']), validFrom: 'soon' }));
    const refused = cli(dataDir, 'agreement', 'load', bad);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/validFrom/);
    const good = join(dir, 'agreement.json');
    writeFileSync(good, JSON.stringify([openAgreement('DSA-CUSTODY-PRISON', ['custody_healthcare'], ['prison_healthcare'])]));
    const loaded = cli(dataDir, 'agreement', 'load', good);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stdout).toMatch(/loaded: DSA-CUSTODY-PRISON v1/);

    const events = new SiteEvents('CUST01');
    const person = uuidv7();
    await custody.push({ batchSeq: 1, auditHead: { count: 3, hash: 'a'.repeat(64) }, events: [events.register(person), events.identifier(person, 'nhs_number', '9434765919')] });
    const found = await prison.lookup({ identifier: { type: 'nhs_number', value: '9434765919' }, purpose: 'direct_care', user: { id: 'n1', name: 'Sam Patel', role: 'prison_nurse' } });
    expect(found.people[0]?.events).toHaveLength(2);

    const query = cli(dataDir, 'disclosures', '--identifier', 'nhs_number:943 476 5919', '--site', 'PRIS01');
    expect(query.status, query.stderr).toBe(0);
    expect(query.stdout).toMatch(/lookup .*PRIS01 .*Sam Patel \(prison_nurse\) nhs_number:9434765919 direct_care -> permit; 2 events/);
    expect(query.stdout).toMatch(/1 disclosure\(s\); this query is recorded in the audit/);
    expect(cli(dataDir, 'anchors', '--site', 'CUST01').stdout).toMatch(/3 rows, head a{64}/);
    const verify = cli(dataDir, 'disclosures', 'verify');
    expect(verify.stdout).toMatch(/intact: 2 rows/);
  });

  it('revokes a site while the central runs: new connections are refused without a restart', { timeout: 120_000 }, async () => {
    const site = await enrol('CUST02', 'custody_healthcare');
    await expect(site.hello()).resolves.toMatchObject({ site: 'CUST02' });
    const revoked = cli(dataDir, 'site', 'revoke', '--code', 'CUST02');
    expect(revoked.status, revoked.stderr).toBe(0);
    site.close();
    await expect(site.hello()).rejects.toThrow();
  });

  it('once stopped: revocations are in the database, the disclosure audit refuses changes, and verify (run directly on the database) finds a forged row', { timeout: 180_000 }, async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    const store = await openCentralStore({ databaseUrl: env.DATABASE_URL || null, pgliteDir: join(dataDir, PGLITE_DIR) });
    try {
      const refusal = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e);
      expect(await store.db.execute(sql`UPDATE disclosures SET outcome = 'deny'`).then(() => 'changed', refusal)).toMatch(/append-only/);
      expect(await store.db.execute(sql`DELETE FROM events`).then(() => 'deleted', refusal)).toMatch(/append-only/);
      // Someone with the database owner's rights goes around the trigger:
      await store.db.execute(sql`ALTER TABLE disclosures DISABLE TRIGGER disclosures_append_only`);
      await store.db.execute(sql`UPDATE disclosures SET user_name = 'Someone Else' WHERE seq = 1`);
      const certificates = await store.db.execute(sql`SELECT site_code, revoked_at FROM site_certificates ORDER BY site_code`);
      expect((certificates as unknown as { rows: { site_code: string; revoked_at: unknown }[] }).rows.map((r) => [r.site_code, r.revoked_at !== null])).toEqual([
        ['CUST01', false],
        ['CUST02', true],
        ['PRIS01', false],
      ]);
    } finally {
      await store.close();
    }
    // The CLI now works on the database directly (no central is running).
    const verify = cli(dataDir, 'disclosures', 'verify');
    expect(verify.status).toBe(1);
    expect(verify.stdout).toMatch(/TAMPERED at row 1: row content was changed/);
  });
});

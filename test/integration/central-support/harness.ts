// A real central on loopback for a test file: its own data directory, PGlite or a fresh PostgreSQL
// database, HTTPS with mutual TLS on a free port, sites registered through the admin command the
// CLI uses, and clients with certificates made at test time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdminCommand } from '../../../central/admin/commands';
import { startCentral, type Central } from '../../../central/app/start-central';
import type { CentralSettings } from '../../../central/settings';
import type { Agreement, OrgType } from '../../../domain/access/disclosure';
import { CentralClient } from '../../../main/sync/central-client';
import type { Backend } from './backends';
import { siteKeyAndCsr, type SiteCredentials } from './pki';

export interface TestCentral {
  central: Central;
  url: string;
  dataDir: string;
  register(code: string, orgType: OrgType, opts?: { now?: Date; days?: number }): Promise<SiteCredentials>;
  client(creds: SiteCredentials, site?: string): CentralClient;
  revoke(code: string): Promise<void>;
  loadAgreements(agreements: Agreement[]): Promise<void>;
  close(): Promise<void>;
}

export const openAgreement = (id: string, from: OrgType[], to: OrgType[], extra: Partial<Agreement> = {}): Agreement => ({
  id,
  version: 1,
  title: `${id} test agreement`,
  fromOrgTypes: from,
  toOrgTypes: to,
  categories: ['demographics', 'risk_flags', 'physical_health', 'mental_health', 'substance_use', 'medication', 'assessments', 'care_plan', 'sexual_health', 'safeguarding'],
  purposes: ['direct_care', 'continuity_of_care', 'safeguarding'],
  validFrom: '2020-01-01',
  validTo: null,
  ...extra,
});

export async function startTestCentral(backend: Backend, options: { settings?: Partial<CentralSettings>; now?: () => Date } = {}): Promise<TestCentral> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sonar-central-test-'));
  const db = await backend.create();
  const central = await startCentral({
    dataDir,
    databaseUrl: db.url,
    host: '127.0.0.1',
    port: 0,
    serverNames: ['localhost', '127.0.0.1'],
    crlPollMs: 100,
    poolSize: 4,
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const clients: CentralClient[] = [];
  const admin = (now?: Date) => ({
    store: central.store,
    ca: central.ca,
    now: () => now ?? new Date(),
    afterIdentityChange: () => central.server.identities.clear(),
  });
  return {
    central,
    url: central.url,
    dataDir,
    async register(code, orgType, opts = {}) {
      const { keyPem, csrPem } = await siteKeyAndCsr(code);
      const result = (await runAdminCommand(admin(opts.now), { command: 'site.register', csrPem, code, orgType, name: `${code} test site`, days: opts.days ?? 30 })) as {
        certificatePem: string;
        caPem: string;
        fingerprint: string;
      };
      return { code, keyPem, certPem: result.certificatePem, caPem: result.caPem, fingerprint: result.fingerprint };
    },
    client(creds, site = creds.code) {
      const c = new CentralClient({ url: central.url, site, certPem: creds.certPem, keyPem: creds.keyPem, caPem: creds.caPem, timeoutMs: 20_000 });
      clients.push(c);
      return c;
    },
    async revoke(code) {
      // As the CLI does when the central is not reachable by socket: the database and the CRL file
      // change; the running server notices the file (it is not told directly).
      await runAdminCommand({ store: central.store, ca: central.ca, now: () => new Date() }, { command: 'site.revoke', code });
    },
    async loadAgreements(agreements) {
      await runAdminCommand(admin(), { command: 'agreement.load', source: 'test', content: agreements });
    },
    async close() {
      for (const c of clients) c.close();
      await central.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

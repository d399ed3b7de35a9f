// Write at site A to readable at site B: a custody suite and a prison, each a real site app with
// sync on (its engine's long poll and push-after-write as in use), and a central on mutual TLS
// (PostgreSQL where available). A flag's reason is changed at A; the clock stops when B's own store
// holds the new reason. Target p95 <= 2 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdminCommand } from '../central/admin/commands';
import { startCentral } from '../central/app/start-central';
import { createCsr, newKeyPair, privateKeyToPem } from '../central/ca/certificates';
import type { ChannelInput, ChannelName, ChannelOutput } from '../contract/channels';
import type { RpcResult } from '../contract/result';
import type { OrgType } from '../domain/access/disclosure';
import { createSiteApp, type SiteApp } from '../main/app/create-site-app';
import { FileKeyStore } from '../main/keys/file-key-store';
import { benchDatabase } from './central-bench';
import { summarise } from './percentiles';

export const SYNC_LATENCY_TARGET_P95_MS = 2000;

async function ok<C extends ChannelName>(app: SiteApp, channel: C, input: ChannelInput<C>, token: string | null): Promise<ChannelOutput<C>> {
  const r = (await app.router.handle(channel, input, token)) as RpcResult<ChannelOutput<C>>;
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function benchSyncLatency(options: { samples: number }, log: (m: string) => void): Promise<Record<string, unknown>> {
  const db = await benchDatabase(log);
  const dirs: string[] = [];
  const apps: SiteApp[] = [];
  const centralDir = mkdtempSync(join(tmpdir(), 'sonar-bench-sync-central-'));
  dirs.push(centralDir);
  const central = await startCentral({ dataDir: centralDir, databaseUrl: db.url, host: '127.0.0.1', port: 0, serverNames: ['localhost', '127.0.0.1'], crlPollMs: 5000, poolSize: 4 });
  try {
    const admin = { store: central.store, ca: central.ca, now: () => new Date(), afterIdentityChange: () => central.server.identities.clear() };
    await runAdminCommand(admin, {
      command: 'agreement.load',
      source: 'bench',
      content: [
        { id: 'DSA-BENCH', version: 1, title: 'Bench', fromOrgTypes: ['custody_healthcare', 'prison_healthcare'], toOrgTypes: ['custody_healthcare', 'prison_healthcare'], categories: ['demographics', 'risk_flags'], purposes: ['direct_care'], validFrom: '2020-01-01', validTo: null },
      ],
    });
    const site = async (code: string, orgType: OrgType, siteType: 'custody' | 'prison') => {
      const keys = await newKeyPair();
      const csr = await createCsr(keys, code);
      const issued = (await runAdminCommand(admin, { command: 'site.register', csrPem: csr.toString('pem'), code, orgType, name: code, days: 7 })) as { certificatePem: string; caPem: string };
      const keyPem = await privateKeyToPem(keys.privateKey);
      const dataDir = mkdtempSync(join(tmpdir(), 'sonar-bench-sync-site-'));
      dirs.push(dataDir);
      writeFileSync(join(dataDir, 'sonar.config.json'), JSON.stringify({ schemaVersion: 1, siteCode: code, siteName: code, siteType, demo: true, idleLockMinutes: 60, syncEnabled: true, centralUrl: central.url, caBundle: issued.caPem }), { mode: 0o600 });
      const app = await createSiteApp({ dataDir, keyStore: new FileKeyStore(join(dataDir, 'db.key')), log: () => {}, siteCredentials: { active: () => ({ keyPem, certPem: issued.certificatePem }) } });
      apps.push(app);
      await ok(app, 'setup.createFirstAdmin', { fullName: 'Bench Nurse', username: 'bench', password: 'bench password not for real use', clinicalRole: siteType === 'custody' ? 'custody_hcp' : 'prison_nurse' }, null);
      const token = (await ok(app, 'auth.signIn', { username: 'bench', password: 'bench password not for real use' }, null)).token;
      return { app, token };
    };
    const a = await site('BENCHA', 'custody_healthcare', 'custody');
    const b = await site('BENCHB', 'prison_healthcare', 'prison');
    const { personId } = await ok(a.app, 'patients.register', { familyName: 'Latency', givenNames: 'Sam', title: null, birthDate: '1980-01-01', sex: 'unknown', nhsNumber: '9434765919' }, a.token);
    const { flagId } = await ok(a.app, 'flags.raise', { personId, code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high', reason: 'start', partnerAdvice: null }, a.token);
    await ok(a.app, 'sync.now', {}, a.token);
    await ok(b.app, 'sync.lookup', { identifierType: 'nhs_number', value: '9434765919', purpose: 'direct_care' }, b.token);
    log(`sync latency: ${options.samples} changes at A timed until B holds them`);
    const latencies: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const flag = a.app.store.reads.flags.get(flagId)!;
      const reason = `sample ${i}`;
      const t0 = performance.now();
      await ok(a.app, 'flags.update', { flagId, baseVersion: flag.version, severity: 'high', reason, partnerAdvice: null }, a.token);
      let pushedAt: number | null = null;
      for (;;) {
        if (pushedAt === null && a.app.store.projector.log.countPushState('pending') === 0) pushedAt = performance.now() - t0;
        if (b.app.store.reads.flags.get(flagId)?.reason === reason) break;
        if (performance.now() - t0 > 30_000) throw new Error(`change ${i} did not reach B within 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(performance.now() - t0);
      if (process.env.SONAR_BENCH_DEBUG) log(`  sample ${i}: pushed after ${Math.round(pushedAt ?? -1)} ms, at B after ${Math.round(performance.now() - t0)} ms`);
    }
    const p = summarise(latencies.map((ms) => ms * 1e6));
    log(`  A to B: p50 ${p.p50} ms, p95 ${p.p95} ms`);
    return { database: db.describe, samples: latencies.length, writeAtAReadableAtBMs: p, targetP95Ms: SYNC_LATENCY_TARGET_P95_MS, pass: p.p95 <= SYNC_LATENCY_TARGET_P95_MS };
  } finally {
    for (const app of apps) await app.shutdown().catch(() => undefined);
    await central.close();
    await db.cleanup();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

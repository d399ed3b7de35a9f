// Who may open the governance KPI page, over real mutual TLS on loopback with certificates made now:
// only a registered, unrevoked governance lead's certificate (URI urn:sonar:lead:<id>, no DNS name).
// A site's certificate is refused on the page; a lead's is refused on every site endpoint; a
// revoked lead is refused without a restart, on new and kept-alive connections alike. The page
// carries a strict CSP and no script, and every view is in the disclosure audit.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastestBackend } from '../../test/integration/central-support/backends';
import { startTestCentral, type TestCentral } from '../../test/integration/central-support/harness';
import { httpsRequest, registerLead, type HttpsAnswer, type LeadCredentials } from '../../test/integration/central-support/lead-client';
import { siteKeyAndCsr, type SiteCredentials } from '../../test/integration/central-support/pki';
import { runAdminCommand } from '../admin/commands';
import { leadKeyAndCsr, writeLeadPkcs12 } from '../admin/lead-pkcs12';
import { rowsOf } from '../db/open';
import { GOVERNANCE_CSP } from './governance-routes';

const ok = (a: HttpsAnswer) => ('status' in a ? a : { status: -1, headers: {}, body: a.error });
const refused = (a: HttpsAnswer) => 'error' in a || a.status === 403;

async function reportViews(t: TestCentral): Promise<{ user_id: string; outcome: string; detail: Record<string, unknown> }[]> {
  return rowsOf(await t.central.store.db.execute(sql`SELECT user_id, outcome, detail FROM disclosures WHERE kind = 'report_view' ORDER BY seq`));
}

describe('the governance KPI page: who may open it', () => {
  let t: TestCentral;
  let site: SiteCredentials;
  let lead: LeadCredentials;
  const page = () => `${t.url}/governance/kpis`;

  beforeAll(async () => {
    t = await startTestCentral(fastestBackend());
    site = await t.register('CUSTA', 'custody_healthcare');
    lead = await registerLead(t, 'j.okafor', 'Jo Okafor');
  }, 120_000);
  afterAll(async () => t?.close());

  it("opens for a governance lead's certificate, with a strict CSP, no script and nothing cached, and records the view", async () => {
    const before = (await reportViews(t)).length;
    const answer = ok(await httpsRequest(page(), lead));
    expect(answer.status, answer.body).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['content-security-policy']).toBe(GOVERNANCE_CSP);
    expect(GOVERNANCE_CSP).toContain("default-src 'none'");
    expect(GOVERNANCE_CSP).not.toContain('script-src');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toContain('<h1>Custody and reception KPIs across the region</h1>');
    expect(answer.body).toContain('Jo Okafor (j.okafor)');
    // No script, no inline event handler, nothing fetched from another origin.
    expect(answer.body).not.toMatch(/<script|\son[a-z]+=|(src|href)="https?:/i);
    const views = await reportViews(t);
    expect(views.length).toBe(before + 1);
    expect(views.at(-1)).toMatchObject({ user_id: 'j.okafor', outcome: 'viewed', detail: { format: 'html', report: 'central-custody-kpis' } });
  });

  it("refuses a site's certificate on the page and the download (403), and records nothing", async () => {
    const before = (await reportViews(t)).length;
    for (const path of ['/governance/kpis', '/governance/kpis.csv', '/governance/kpis.css', '/governance']) {
      const answer = ok(await httpsRequest(`${t.url}${path}`, site));
      expect(answer.status, path).toBe(403);
      expect(answer.body).toContain('You cannot open this page');
      expect(answer.body).toContain('site CUSTA');
    }
    expect((await reportViews(t)).length).toBe(before);
  });

  it('decides by the route matched, not the URL as typed: percent-encoded paths are refused the same way', async () => {
    const encodedPage = ok(await httpsRequest(`${t.url}/%67overnance/kpis`, site));
    expect(encodedPage.status).toBe(403);
    expect(encodedPage.body).not.toContain('<h1>Custody and reception KPIs');
    const encodedHello = ok(await httpsRequest(`${t.url}/v1/%68ello`, lead));
    expect(encodedHello.status).toBe(403);
    expect(encodedHello.body).not.toContain('centralTime');
    // A lead on a path that matches no route is treated as a site path: refused, not told what exists.
    expect(ok(await httpsRequest(`${t.url}/nothing-here`, lead)).status).toBe(403);
  });

  it("refuses a lead's certificate on every site endpoint (403 not_permitted)", async () => {
    const calls: [string, string, unknown][] = [
      ['GET', '/v1/hello', undefined],
      ['POST', '/v1/push', { site: 'CUSTA', batchSeq: 1, auditHead: { count: 0, hash: '0'.repeat(64) }, events: [{}] }],
      ['POST', '/v1/pull', { site: 'CUSTA', cursor: null }],
      ['POST', '/v1/lookup', {}],
      ['POST', '/v1/wait', { site: 'CUSTA', cursor: 'x', waitMs: 10 }],
      ['GET', '/v1/audit-anchors', undefined],
    ];
    for (const [method, path, body] of calls) {
      const answer = ok(await httpsRequest(`${t.url}${path}`, lead, { method, body }));
      expect(answer.status, path).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'not_permitted' } });
    }
  });

  it('answers a date that is not real with the page and its error summary (400), and records no view', async () => {
    const before = (await reportViews(t)).length;
    const answer = ok(await httpsRequest(`${page()}?from-day=31&from-month=2&from-year=2025&to-day=1&to-month=3&to-year=2025`, lead));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('There is a problem');
    expect(answer.body).toContain('The start date must be a real date');
    expect(answer.body).toContain('<title>Error: ');
    expect((await reportViews(t)).length).toBe(before);
  });

  it('refuses a region certificate that was never registered as a lead, and a site-style certificate registered as one', async () => {
    const { keyPem, csrPem } = await siteKeyAndCsr('x');
    const unregistered = await t.central.ca.signLeadCsr(csrPem, 'a.stranger', 'A Stranger', new Date(), 30);
    expect(ok(await httpsRequest(page(), { caPem: lead.caPem, certPem: unregistered.pem, keyPem })).status).toBe(403);

    // A certificate naming a DNS name (as a site's does) passes for no lead, even if its fingerprint were in the lead table.
    const siteStyle = await t.central.ca.signSiteCsr(csrPem, 'CUSTZ', new Date(), 30);
    await t.central.store.db.execute(sql`INSERT INTO leads (id, name, registered_at) VALUES ('z.lead', 'Z', now()) ON CONFLICT DO NOTHING`);
    await t.central.store.db.execute(sql`
      INSERT INTO lead_certificates (fingerprint, lead_id, serial, san, not_before, not_after, issued_at, pem)
      VALUES (${siteStyle.fingerprint}, 'z.lead', ${siteStyle.serial}, 'urn:sonar:lead:z.lead', now(), now() + interval '1 day', now(), ${siteStyle.pem})`);
    t.central.server.identities.clear();
    const answer = ok(await httpsRequest(page(), { caPem: lead.caPem, certPem: siteStyle.pem, keyPem }));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('do not name governance lead z.lead');
  });

  it('opens with the PKCS#12 file the CLI writes for a lead, and only with its password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sonar-lead-p12-'));
    try {
      const made = await leadKeyAndCsr('p.lead');
      const admin = { store: t.central.store, ca: t.central.ca, now: () => new Date(), afterIdentityChange: () => t.central.server.identities.clear() };
      const registered = (await runAdminCommand(admin, { command: 'lead.register', csrPem: made.csrPem, id: 'p.lead', name: 'Pat Lead', days: 30 })) as {
        certificatePem: string;
        caPem: string;
        name: string;
        lead: string;
      };
      const { file, password } = await writeLeadPkcs12(join(dir, 'lead.p12'), made.keyPem, registered);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
      const pfx = readFileSync(file);
      expect(ok(await httpsRequest(page(), { caPem: registered.caPem, pfx, passphrase: password })).status).toBe(200);
      expect(await httpsRequest(page(), { caPem: registered.caPem, pfx, passphrase: 'wrong-password' })).toMatchObject({ error: expect.stringMatching(/mac|password|decrypt/i) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a revoked lead once the CRL is reloaded, without a restart, also on a connection kept open from before', async () => {
    const doomed = await registerLead(t, 'r.lead', 'Rev Lead');
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(ok(await httpsRequest(page(), doomed, { agent })).status).toBe(200);
      await runAdminCommand({ store: t.central.store, ca: t.central.ca, now: () => new Date() }, { command: 'lead.revoke', id: 'r.lead' });
      // The server is not told: it notices the CRL file change, and checks every request against the database.
      let fresh: HttpsAnswer = { status: 200, headers: {}, body: '' };
      for (let i = 0; i < 100 && !refused(fresh); i++) {
        await new Promise((r) => setTimeout(r, 100));
        fresh = await httpsRequest(page(), doomed);
      }
      expect(refused(fresh), JSON.stringify(fresh).slice(0, 300)).toBe(true);
      expect(refused(await httpsRequest(page(), doomed, { agent }))).toBe(true);
      // Other certificates are unaffected.
      expect(ok(await httpsRequest(page(), lead)).status).toBe(200);
      expect(ok(await httpsRequest(`${t.url}/v1/hello`, site)).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});

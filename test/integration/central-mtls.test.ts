// The central's mutual TLS, over real TLS on loopback with certificates made at test time: a
// registered site gets in over TLS 1.3; everything else is refused (no certificate, another CA,
// expired, revoked after a CRL reload without restart, TLS 1.2, an unregistered certificate, a site
// speaking for another). With TLS 1.3 a refused client may see different errors, so the tests
// assert the refusal, not one error code.
import https from 'node:https';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralError } from '../../main/sync/central-client';
import { fastestBackend } from './central-support/backends';
import { SiteEvents } from './central-support/events';
import { startTestCentral, type TestCentral } from './central-support/harness';
import { foreignCredentials, siteKeyAndCsr, type SiteCredentials } from './central-support/pki';

type Outcome = { status: number; body: string } | { error: string };

function rawRequest(url: string, options: https.RequestOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = https.request(
      { host: target.hostname, port: target.port, path: '/v1/hello', method: 'GET', agent: false, rejectUnauthorized: true, ...options },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: `${e.code ?? ''} ${e.message}` }));
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

const refusedByTls = (o: Outcome) => 'error' in o;

describe('mutual TLS at the central', () => {
  let t: TestCentral;
  let cust: SiteCredentials;
  let prison: SiteCredentials;

  beforeAll(async () => {
    t = await startTestCentral(fastestBackend());
    cust = await t.register('CUST01', 'custody_healthcare');
    prison = await t.register('PRIS01', 'prison_healthcare');
  }, 120_000);
  afterAll(async () => t?.close());

  it('lets a registered site in over TLS 1.3 and names it from its certificate', async () => {
    const hello = await t.client(cust).hello();
    expect(hello).toMatchObject({ site: 'CUST01', orgType: 'custody_healthcare' });
    const socket = tls.connect({ host: '127.0.0.1', port: Number(new URL(t.url).port), ca: cust.caPem, cert: cust.certPem, key: cust.keyPem });
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    expect(socket.getProtocol()).toBe('TLSv1.3');
    socket.destroy();
  });

  it('refuses a client without a certificate', async () => {
    const outcome = await rawRequest(t.url, { ca: cust.caPem });
    expect(refusedByTls(outcome), JSON.stringify(outcome)).toBe(true);
  });

  it('refuses a certificate from another CA', async () => {
    const foreign = await foreignCredentials('CUST01');
    const outcome = await rawRequest(t.url, { ca: cust.caPem, cert: foreign.certPem, key: foreign.keyPem });
    expect(refusedByTls(outcome), JSON.stringify(outcome)).toBe(true);
  });

  it('refuses an expired certificate even though it was issued by the region CA and registered', async () => {
    const old = await t.register('CUST09', 'custody_healthcare', { now: new Date(Date.now() - 40 * 86_400_000), days: 2 });
    const outcome = await rawRequest(t.url, { ca: old.caPem, cert: old.certPem, key: old.keyPem });
    expect(refusedByTls(outcome), JSON.stringify(outcome)).toBe(true);
    // The site's own client names the problem before it even connects.
    await expect(t.client(old).hello()).rejects.toMatchObject({ kind: 'certificate_expired' });
  });

  it('refuses TLS 1.2', async () => {
    const outcome = await rawRequest(t.url, { ca: cust.caPem, cert: cust.certPem, key: cust.keyPem, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    expect(refusedByTls(outcome), JSON.stringify(outcome)).toBe(true);
  });

  it('refuses a region certificate whose fingerprint was never registered (403)', async () => {
    const { keyPem, csrPem } = await siteKeyAndCsr('CUST01');
    const unregistered = await t.central.ca.signSiteCsr(csrPem, 'CUST01', new Date(), 30);
    const outcome = await rawRequest(t.url, { ca: cust.caPem, cert: unregistered.pem, key: keyPem });
    expect(outcome).toMatchObject({ status: 403 });
    expect((outcome as { body: string }).body).toContain('unknown_certificate');
  });

  it('answers 403 to a site that names another site in the request or in its events', async () => {
    const asPrison = t.client(cust, 'PRIS01');
    await expect(asPrison.pull({ cursor: null })).rejects.toMatchObject({ status: 403, code: 'wrong_site' });
    const events = new SiteEvents('PRIS01');
    const forged = events.register('0193a000-0000-7000-8000-0000000000f1');
    await expect(t.client(cust).push({ batchSeq: 1, auditHead: { count: 0, hash: '0'.repeat(64) }, events: [forged] })).rejects.toMatchObject({
      status: 403,
      code: 'wrong_site',
    });
    // The real prison site may of course speak for itself.
    await expect(t.client(prison).hello()).resolves.toMatchObject({ site: 'PRIS01' });
  });

  it('refuses a revoked certificate once the CRL file is reloaded, without a restart', async () => {
    const doomed = await t.register('CUST02', 'custody_healthcare');
    const kept = t.client(doomed);
    await expect(kept.hello()).resolves.toMatchObject({ site: 'CUST02' });

    await t.revoke('CUST02');
    // The server is not told: it notices the CRL file change on its own.
    let outcome: Outcome = { status: 200, body: '' };
    for (let i = 0; i < 100 && !refusedByTls(outcome); i++) {
      await new Promise((r) => setTimeout(r, 100));
      outcome = await rawRequest(t.url, { ca: doomed.caPem, cert: doomed.certPem, key: doomed.keyPem });
    }
    expect(refusedByTls(outcome), JSON.stringify(outcome)).toBe(true);
    // A connection kept alive from before the revocation is refused too (checked on every request).
    const late = await kept.hello().then(
      () => null,
      (e: unknown) => e,
    );
    expect(late).toBeInstanceOf(CentralError);
    // Other sites are unaffected.
    await expect(t.client(cust).hello()).resolves.toMatchObject({ site: 'CUST01' });
  });
});

// The site's transport client against small real TLS servers (no central needed): it presents its
// certificate through an HTTP CONNECT proxy tunnel, trusts only the region CA and the right name,
// names each failure in words the sync status can show, and refuses a page whose checksum or event
// hashes do not match.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import https from 'node:https';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteEvents } from '../../test/integration/central-support/events';
import { testPki, type TestPki } from '../../test/integration/central-support/pki';
import { CentralClient, CentralError, planBatches, type ConnectFn } from './central-client';

type Handler = (path: string, peerSan: string | undefined) => { status: number; body: unknown };

async function tlsServer(key: { keyPem: string; certPem: string }, caPem: string, handler: Handler): Promise<{ url: string; server: https.Server; connections: () => number }> {
  let connections = 0;
  const server = https.createServer({ key: key.keyPem, cert: key.certPem, ca: caPem, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' }, (req, res) => {
    const san = (req.socket as TLSSocket).getPeerCertificate().subjectaltname;
    req.resume();
    req.on('end', () => {
      const answer = handler(req.url ?? '', san);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `https://localhost:${(server.address() as AddressInfo).port}`, server, connections: () => connections };
}

const hello = (san: string | undefined) => ({
  status: 200,
  body: { site: san?.replace('DNS:', '') ?? '?', siteName: 'x', orgType: 'custody_healthcare', centralTime: new Date().toISOString(), head: 0, certificateNotAfter: new Date().toISOString() },
});

describe('the central client', () => {
  let pki: TestPki;
  let good: Awaited<ReturnType<typeof tlsServer>>;
  let proxy: HttpServer;
  let proxyConnects: string[] = [];

  beforeAll(async () => {
    pki = await testPki('CUST01');
    good = await tlsServer(pki.server, pki.caPem, (path, san) => {
      if (path === '/v1/hello') return hello(san);
      if (path === '/v1/pull') return { status: 200, body: { events: [], removes: [], withheld: [], nextCursor: 'abc', head: 0, through: 0, more: false, checksum: 'f'.repeat(64) } };
      return { status: 403, body: { error: { code: 'wrong_site', message: 'this certificate belongs to site CUST01; the request names site PRIS01' } } };
    });
    // A plain HTTP CONNECT proxy: it only ever sees the tunnel, never inside the TLS.
    proxy = createHttpServer();
    proxy.on('connect', (req, client: Socket, head) => {
      proxyConnects.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = netConnect(Number(port), host === 'localhost' ? '127.0.0.1' : host!, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  });
  afterAll(() => {
    good?.server.close();
    proxy?.close();
  });

  const client = (url: string, extra: Partial<ConstructorParameters<typeof CentralClient>[0]> = {}) =>
    new CentralClient({ url, site: 'CUST01', certPem: pki.site.certPem, keyPem: pki.site.keyPem, caPem: pki.caPem, timeoutMs: 5000, ...extra });

  it('authenticates with its certificate directly and through an HTTP CONNECT tunnel', async () => {
    const direct = client(good.url);
    await expect(direct.hello()).resolves.toMatchObject({ site: 'CUST01' });
    direct.close();

    const proxyPort = (proxy.address() as AddressInfo).port;
    const tunnel: ConnectFn = ({ host, port }) =>
      new Promise((resolve, reject) => {
        const socket = netConnect(proxyPort, '127.0.0.1', () => socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n\r\n`));
        socket.once('data', (chunk) => (/^HTTP\/1\.1 200/.test(chunk.toString()) ? resolve(socket) : reject(new Error(chunk.toString()))));
        socket.once('error', reject);
      });
    proxyConnects = [];
    const viaProxy = client(good.url, { connect: tunnel });
    await expect(viaProxy.hello()).resolves.toMatchObject({ site: 'CUST01' });
    expect(proxyConnects).toEqual([`localhost:${new URL(good.url).port}`]);
    viaProxy.close();
  });

  it('trusts only the region CA and the central’s own name', async () => {
    const foreign = await tlsServer(pki.foreignServer, pki.caPem, (_p, san) => hello(san));
    const wrongName = await tlsServer(pki.wrongNameServer, pki.caPem, (_p, san) => hello(san));
    try {
      await expect(client(foreign.url).hello()).rejects.toMatchObject({ kind: 'untrusted_central' });
      await expect(client(wrongName.url).hello()).rejects.toMatchObject({ kind: 'untrusted_central' });
    } finally {
      foreign.server.close();
      wrongName.server.close();
    }
  });

  it('names an expired certificate without connecting, and an unreachable central', async () => {
    const before = good.connections();
    await expect(client(good.url, { certPem: pki.expiredSite.certPem, keyPem: pki.expiredSite.keyPem }).hello()).rejects.toMatchObject({ kind: 'certificate_expired' });
    expect(good.connections()).toBe(before);
    const closed = https.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await expect(client(`https://127.0.0.1:${port}`).hello()).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('passes on the central’s refusal with its code, and refuses a page whose checksum does not match', async () => {
    const c = client(good.url);
    const refusal = await c.lookup({ identifier: { type: 'nhs_number', value: '9434765919' }, purpose: 'direct_care', user: { id: 'u', name: 'U', role: 'custody_hcp' } }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CentralError);
    expect(refusal).toMatchObject({ kind: 'rejected', status: 403, code: 'wrong_site' });
    await expect(c.pull({ cursor: null })).rejects.toMatchObject({ kind: 'protocol', message: expect.stringMatching(/checksum/) });
    c.close();
  });

  it('plans batches within the count and size limits, in order', () => {
    const events = Array.from({ length: 1203 }, (_, i) => ({ i, pad: 'x'.repeat(100) }));
    const byCount = planBatches(events);
    expect(byCount.map((b) => b.length)).toEqual([500, 500, 203]);
    expect(byCount.flat()).toEqual(events);
    const bySize = planBatches(events, 500, 10_000);
    expect(bySize.every((b) => Buffer.byteLength(JSON.stringify(b)) <= 10_000)).toBe(true);
    expect(bySize.flat()).toEqual(events);
    expect(() => planBatches([{ pad: 'x'.repeat(20_000) }], 500, 10_000)).toThrow(RangeError);
    expect(planBatches([new SiteEvents('CUST01').register('0193a000-0000-7000-8000-000000000001')])).toHaveLength(1);
  });
});

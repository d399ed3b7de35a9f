// The request helper over real TLS on loopback, with a CA made at test time: direct and through a
// CONNECT proxy (the client certificate reaching the server end to end), and each failure given
// its own reason and words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCa, issueClientCert, issueServerCert, type TestCa } from '../../test/support/test-pki';
import { closedPort, startConnectProxy, startMtlsServer, type TestProxy, type TestServer } from '../../test/support/tls-fixtures';
import { mtlsRequest } from './mtls-request';
import { NetError } from './net-error';

const DAY = 24 * 60 * 60 * 1000;
let ca: TestCa;
let otherCa: TestCa;
let client: { certPem: string; keyPem: string };
let server: TestServer;
let proxy: TestProxy;
let refusing: TestProxy;

beforeAll(async () => {
  ca = await createCa();
  otherCa = await createCa('Some Other CA');
  client = await issueClientCert(ca, 'HMPLEEDS');
  server = await startMtlsServer({ ...(await issueServerCert(ca)), clientCaPem: ca.certPem });
  proxy = await startConnectProxy();
  refusing = await startConnectProxy({ refuseWith: 403 });
});
afterAll(async () => {
  await Promise.all([server.close(), proxy.close(), refusing.close()]);
});

async function failure(promise: Promise<unknown>): Promise<NetError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetError);
  return error as NetError;
}

const withClient = () => ({ ca: ca.certPem, clientCert: client.certPem, clientKey: client.keyPem });

describe('mtlsRequest', () => {
  it('reaches the server directly with the client certificate over TLS 1.3', async () => {
    const response = await mtlsRequest(`${server.url}/health`, withClient());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ ok: true, client: 'HMPLEEDS', path: '/health' });
    expect(response.tlsVersion).toBe('TLSv1.3');
  });

  it('reaches it through a CONNECT proxy, the client certificate carried end to end', async () => {
    const before = server.clients.length;
    const response = await mtlsRequest(`${server.url}/v1/ping`, { ...withClient(), proxy: proxy.url, method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(proxy.connects).toContain(`127.0.0.1:${server.port}`);
    expect(server.clients.slice(before)).toEqual(['HMPLEEDS']);
  });

  it('names a proxy that refuses CONNECT', async () => {
    const error = await failure(mtlsRequest(server.url, { ...withClient(), proxy: refusing.url }));
    expect(error.failure).toBe('proxy_refused');
    expect(error.message).toContain(`refused to open a tunnel (CONNECT) to 127.0.0.1:${server.port}: HTTP 403 Forbidden`);
  });

  it('names a proxy that wants a login', async () => {
    const needsLogin = await startConnectProxy({ refuseWith: 407 });
    try {
      const error = await failure(mtlsRequest(server.url, { ...withClient(), proxy: needsLogin.url }));
      expect(error.failure).toBe('proxy_auth_required');
      expect(error.message).toContain('asks for a login (HTTP 407)');
    } finally {
      await needsLogin.close();
    }
  });

  it('names a proxy that is not there', async () => {
    const error = await failure(mtlsRequest(server.url, { ...withClient(), proxy: new URL(`http://127.0.0.1:${await closedPort()}`) }));
    expect(error.failure).toBe('proxy_unreachable');
  });

  it('names a central whose certificate is from another CA (wrong caBundle, or a TLS-inspecting proxy)', async () => {
    const error = await failure(mtlsRequest(server.url, { ...withClient(), ca: otherCa.certPem }));
    expect(error.failure).toBe('server_wrong_ca');
    expect(error.message).toContain('not issued by the CA in the site policy (caBundle)');
  });

  it('names a server certificate that is not valid yet, or no longer', async () => {
    const early = await startMtlsServer({ ...(await issueServerCert(ca, { notBefore: new Date(Date.now() + 2 * DAY) })), clientCaPem: ca.certPem });
    const late = await startMtlsServer({
      ...(await issueServerCert(ca, { notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) })),
      clientCaPem: ca.certPem,
    });
    try {
      const notYet = await failure(mtlsRequest(early.url, withClient()));
      expect(notYet.failure).toBe('server_cert_not_yet_valid');
      expect(notYet.message).toContain("Check this PC's date and time (clock skew)");
      expect((await failure(mtlsRequest(late.url, withClient()))).failure).toBe('server_cert_expired');
    } finally {
      await Promise.all([early.close(), late.close()]);
    }
  });

  it('reports a refused client certificate: none, or one from another CA', async () => {
    const none = await failure(mtlsRequest(server.url, { ca: ca.certPem }));
    expect(none.failure).toBe('client_cert_refused');
    const foreign = await issueClientCert(otherCa, 'HMPLEEDS');
    const other = await failure(mtlsRequest(server.url, { ca: ca.certPem, clientCert: foreign.certPem, clientKey: foreign.keyPem }));
    expect(other.failure).toBe('client_cert_refused');
    expect(other.message).toContain("does not accept this site's certificate");
  });

  it('refuses a server that offers only TLS 1.2', async () => {
    const old = await startMtlsServer({ ...(await issueServerCert(ca)), clientCaPem: ca.certPem, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    try {
      expect((await failure(mtlsRequest(old.url, withClient()))).failure).toBe('tls_version');
    } finally {
      await old.close();
    }
  });

  it('names a central that is not listening, and refuses plain http', async () => {
    const error = await failure(mtlsRequest(`https://127.0.0.1:${await closedPort()}`, withClient()));
    expect(error.failure).toBe('unreachable');
    expect((await failure(mtlsRequest('http://127.0.0.1:1/', withClient()))).failure).toBe('protocol');
  });

  it('gives up after the timeout', async () => {
    const silent = await import('node:net').then((net) => net.createServer(() => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const error = await failure(mtlsRequest(`https://127.0.0.1:${port}`, { ...withClient(), timeoutMs: 300 }));
      expect(error.failure).toBe('timeout');
    } finally {
      silent.close();
    }
  });
});

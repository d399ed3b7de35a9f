// The browser host over real HTTP on loopback: the launch secret (a header, never a cookie), host
// and origin checks, static files, malformed addresses, and the router behind POST /rpc/<channel>.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempSite, type TempSite } from '../../test/support/temp-site';
import { startBrowserHost, type BrowserHost } from './server';

let site: TempSite;
let host: BrowserHost;
let rendererDir: string;
const secret = 'launch-secret-for-test-0123456789';

beforeAll(async () => {
  site = await startTempSite();
  rendererDir = mkdtempSync(join(tmpdir(), 'sonar-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SONAR</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startBrowserHost({ router: site.app.router, rendererDir, launchSecret: secret });
});
afterAll(async () => {
  await host.close();
  site.cleanup();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Sends one raw request line (as no browser would) and returns the first line of the answer. */
function rawRequestLine(line: string): Promise<string> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), '127.0.0.1', () => socket.write(`${line}\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, method: opts.method ?? 'GET', headers: { Host: url.host, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const launch = { 'X-Sonar-Launch': secret };
const json = { 'Content-Type': 'application/json' };

describe('the browser host', () => {
  it('listens on 127.0.0.1 and prints a launch URL carrying the secret in its fragment', () => {
    expect(host.launchUrl).toBe(`${host.origin}/#launch=${secret}`);
  });

  it('never sets a cookie: cookies are not port-scoped, so one would reach every local port', async () => {
    for (const path of ['/', `/?launch=${secret}`, '/assets/app.js']) {
      expect((await http(path)).headers['set-cookie']).toBeUndefined();
    }
    const rpc = await http('/rpc/setup.status', { method: 'POST', headers: { ...launch, ...json }, body: '{}' });
    expect(rpc.headers['set-cookie']).toBeUndefined();
  });

  it('refuses every call without the launch secret, or with another, or with the old cookie', async () => {
    expect((await http('/rpc/setup.status', { method: 'POST', headers: json, body: '{}' })).status).toBe(403);
    expect((await http('/rpc/setup.status', { method: 'POST', headers: { ...json, 'X-Sonar-Launch': 'guess' }, body: '{}' })).status).toBe(403);
    const cookie = await http('/rpc/setup.status', { method: 'POST', headers: { ...json, Cookie: `sonar_launch=${secret}` }, body: '{}' });
    expect(cookie.status).toBe(403);
    expect(cookie.body).toBe('Open SONAR with the address printed when it started.');
  });

  it('serves the app shell (no data, no secret) without the secret', async () => {
    expect((await http('/')).status).toBe(200);
  });

  it('answers malformed addresses with 400, never 500', async () => {
    for (const path of ['/rpc/%', '/rpc/%E0%A4%A', '/rpc/%ff', '/rpc/%zz']) {
      const r = await http(path, { method: 'POST', headers: { ...launch, ...json }, body: '{}' });
      expect(r.status, path).toBe(400);
    }
    expect((await http('//evil.example/rpc/setup.status', { method: 'POST', headers: { ...launch, ...json }, body: '{}' })).status).toBe(400);
    expect(await rawRequestLine('GET http://evil.example/ HTTP/1.1')).toMatch(/^HTTP\/1\.1 400/);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-origin POST', async () => {
    expect((await http('/', { headers: { ...launch, Host: 'evil.example:80' } })).status).toBe(421);
    const cross = await http('/rpc/setup.status', { method: 'POST', headers: { ...launch, ...json, Origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
  });

  it('serves the UI with the CSP header and refuses traversal', async () => {
    const page = await http('/', { headers: launch });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect((await http('/assets/app.js', { headers: launch })).headers['content-type']).toMatch(/javascript/);
    expect((await http('/../../etc/passwd', { headers: launch })).status).toBe(404);
    expect((await http('/%2e%2e/%2e%2e/etc/passwd', { headers: launch })).status).toBe(404);
  });

  it('routes POST /rpc/<channel> to the router', async () => {
    const r = await http('/rpc/setup.status', { method: 'POST', headers: { ...launch, ...json }, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
  });

  it('answers malformed JSON, unknown channels and bad sessions with clear errors', async () => {
    const bad = await http('/rpc/setup.status', { method: 'POST', headers: { ...launch, ...json }, body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await http('/rpc/no.such', { method: 'POST', headers: { ...launch, ...json }, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const anon = await http('/rpc/patients.search', { method: 'POST', headers: { ...launch, ...json, 'X-Sonar-Session': 'forged' }, body: '{"query":"a"}' });
    expect(JSON.parse(anon.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a body over 1 MiB and a non-JSON content type', async () => {
    const big = await http('/rpc/setup.status', { method: 'POST', headers: { ...launch, ...json }, body: 'x'.repeat(1024 * 1024 + 10) });
    expect(big.status).toBe(413);
    const text = await http('/rpc/setup.status', { method: 'POST', headers: { ...launch, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
  });
});

// The browser host over real HTTP on loopback: the launch secret, host and origin checks, static
// files, and the router behind POST /rpc/<channel>.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
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

const cookie = { Cookie: `sonar_launch=${secret}` };
const json = { 'Content-Type': 'application/json' };

describe('the browser host', () => {
  it('listens on 127.0.0.1 and prints a launch URL carrying the secret', () => {
    expect(host.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=launch-secret-for-test/);
  });

  it('turns the launch URL into an HttpOnly SameSite=Strict cookie and refuses a wrong secret', async () => {
    const ok = await http(`/?launch=${secret}`);
    expect(ok.status).toBe(303);
    expect(String(ok.headers['set-cookie'])).toMatch(/sonar_launch=.*HttpOnly; SameSite=Strict/);
    expect((await http('/?launch=guess')).status).toBe(403);
  });

  it('refuses everything without the launch cookie', async () => {
    expect((await http('/')).status).toBe(403);
    expect((await http('/rpc/setup.status', { method: 'POST', headers: json, body: '{}' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-origin POST', async () => {
    expect((await http('/', { headers: { ...cookie, Host: 'evil.example:80' } })).status).toBe(421);
    const cross = await http('/rpc/setup.status', { method: 'POST', headers: { ...cookie, ...json, Origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
  });

  it('serves the UI with the CSP header and refuses traversal', async () => {
    const page = await http('/', { headers: cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect((await http('/assets/app.js', { headers: cookie })).headers['content-type']).toMatch(/javascript/);
    expect((await http('/../../etc/passwd', { headers: cookie })).status).toBe(404);
    expect((await http('/%2e%2e/%2e%2e/etc/passwd', { headers: cookie })).status).toBe(404);
  });

  it('routes POST /rpc/<channel> to the router', async () => {
    const r = await http('/rpc/setup.status', { method: 'POST', headers: { ...cookie, ...json }, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
  });

  it('answers malformed JSON, unknown channels and bad sessions with clear errors', async () => {
    const bad = await http('/rpc/setup.status', { method: 'POST', headers: { ...cookie, ...json }, body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await http('/rpc/no.such', { method: 'POST', headers: { ...cookie, ...json }, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const anon = await http('/rpc/patients.search', { method: 'POST', headers: { ...cookie, ...json, 'X-Sonar-Session': 'forged' }, body: '{"query":"a"}' });
    expect(JSON.parse(anon.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a body over 1 MiB and a non-JSON content type', async () => {
    const big = await http('/rpc/setup.status', { method: 'POST', headers: { ...cookie, ...json }, body: 'x'.repeat(1024 * 1024 + 10) });
    expect(big.status).toBe(413);
    const text = await http('/rpc/setup.status', { method: 'POST', headers: { ...cookie, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
  });
});

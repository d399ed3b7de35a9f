import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));
vi.mock('electron', () => ({ protocol: fake.protocol }));

import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../security/csp';
import { createAppProtocolHandler, registerAppProtocol, registerAppSchemePrivileged } from './protocol';

// A small built renderer on disk, with a secret beside it.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sonar-protocol-'));
const bundle = path.join(tmp, 'renderer');
fs.mkdirSync(path.join(bundle, 'assets'), { recursive: true });
fs.writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>SONAR</title>');
fs.writeFileSync(path.join(bundle, 'assets', 'index-1.js'), 'export {}');
fs.writeFileSync(path.join(bundle, 'assets', 'index-1.css'), 'body{}');
fs.writeFileSync(path.join(bundle, 'assets', 'logo.svg'), '<svg/>');
fs.writeFileSync(path.join(bundle, 'assets', 'blob.xyz'), 'x');
fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(bundle, 'assets', 'leak.js'));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const serve = createAppProtocolHandler(bundle);
// Electron hands the handler a Request; Node's constructor refuses some URLs Chromium may still
// pass (credentials), so those are given as a bare object with the two fields the handler reads.
function get(url: string, method = 'GET'): Promise<Response> {
  let request: Request;
  try {
    request = new Request(url, { method });
  } catch {
    request = { url, method } as Request;
  }
  return serve(request);
}

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
}

beforeEach(() => {
  fake.protocol.registerSchemesAsPrivileged.mockClear();
  fake.protocol.handle.mockClear();
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure, fetch-capable, and never bypassCSP', () => {
    registerAppSchemePrivileged();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [[schemes]] = fake.protocol.registerSchemesAsPrivileged.mock.calls as [[Array<{ privileges: Record<string, unknown> }>]];
    for (const s of schemes) {
      expect(s.privileges).not.toHaveProperty('bypassCSP');
      expect(s.privileges).not.toHaveProperty('corsEnabled');
    }
  });

  it('handles the app scheme with the bundle handler', async () => {
    registerAppProtocol(bundle);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = fake.protocol.handle.mock.calls[0]?.[1] as (r: Request) => Promise<Response>;
    expect((await handler(new Request('app://sonar/'))).status).toBe(200);
  });
});

describe('serving the bundle', () => {
  it('serves index.html for / with the CSP and every security header', async () => {
    const response = await get('app://sonar/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('<title>SONAR</title>');
  });

  it.each([
    ['app://sonar/index.html', 'text/html; charset=utf-8'],
    ['app://sonar/assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['app://sonar/assets/index-1.css', 'text/css; charset=utf-8'],
    ['app://sonar/assets/logo.svg', 'image/svg+xml'],
    ['app://sonar/assets/blob.xyz', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expectSecurityHeaders(response);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://sonar/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('refusals', () => {
  it.each([
    'app://sonar/missing.js',
    'app://sonar/assets/leak.js',
    'app://sonar/..%2fsecret.txt',
    'app://sonar/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://sonar/%252e%252e/secret.txt',
    'app://sonar/assets%5c..%5c..%5csecret.txt',
    'app://sonar/index.html%00.js',
    'app://sonar/assets/',
    'app://other/index.html',
    'app://sonar@other/index.html',
    'app://sonar:81/index.html',
  ])('answers 404, with the security headers, for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
    expect(await response.text()).not.toContain('secret');
  });

  it('keeps URL-level dot segments inside the bundle (the URL parser clamps them at the root)', async () => {
    // new URL() resolves /../../ to /, so these can at most reach bundle files, never the secret.
    const response = await get('app://sonar/../../secret.txt');
    expect(response.status).toBe(404);
    expect((await get('app://sonar/assets/../index.html')).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s with 405', async (method) => {
    const response = await get('app://sonar/index.html', method);
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });
});

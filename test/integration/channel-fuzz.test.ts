// Issue 7: thousands of malformed payloads over every channel, signed in
// as an administrator and as a partner, with a forged token and with none, through the router and
// over real HTTP through the browser host. No 5xx, no crash, a clear error code every time, and no
// unexplained row change: the row count of every table is printed before and after, and only the
// audit trail (which records the refusals, and still verifies) and the sign-in throttle (which
// counts guesses) may grow. `npm test` runs a CI-sized batch; `npm run test:faults` runs 10,000.
import fc from 'fast-check';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels } from '../../contract/channels';
import { errorCodeSchema } from '../../contract/result';
import { verifyAuditChain } from '../../db/audit-log';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/server';
import { faultSize } from '../support/fault-size';
import { staffSession } from '../support/staff';
import { NO_RATE_LIMITS, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

const RUNS = faultSize('fuzz');
const SEED = 20261123;
const MAY_GROW = new Set(['audit_events', 'sign_in_attempts']);

let site: TempSite;
let host: BrowserHost;
let rendererDir: string;
let admin: string;
let partner: string;
const secret = 'fuzz-launch-secret-0123456789abcdef';

beforeAll(async () => {
  site = await startTempSite({ callLimits: NO_RATE_LIMITS });
  admin = await signedInAdmin(site);
  await site.ok('patients.register', { familyName: 'Fuzz', givenNames: 'Base', title: null, birthDate: '1970-01-01', sex: 'unknown', nhsNumber: null }, admin);
  partner = await staffSession(site, admin, 'fuzz-partner', ['partner_police']);
  rendererDir = mkdtempSync(join(tmpdir(), 'sonar-fuzz-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SONAR</title>');
  host = await startBrowserHost({ router: site.app.router, rendererDir, launchSecret: secret });
}, 120_000);
afterAll(async () => {
  await host.close();
  site.cleanup();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Every field name any channel takes, nested ones included. */
function fieldNames(): string[] {
  const names = new Set<string>();
  const walk = (schema: unknown) => {
    if (!schema || typeof schema !== 'object') return;
    const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
    if (!shape) return;
    for (const [k, v] of Object.entries(shape)) {
      names.add(k);
      walk(v);
      walk((v as { unwrap?: () => unknown }).unwrap?.());
    }
  };
  for (const c of channelNames) walk(channels[c].input);
  return [...names];
}

const none = '01900000-0000-7000-8000-00000000abcd';
const hostileString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'Smith\u202Ehtims',
  'Sm\u200Bith',
  'Smith\uFFFF',
  'Smith\uD800',
  '\uDC00',
  'a\u0085b',
  '../../etc/passwd',
  "'; DROP TABLE persons; --",
  '<script>alert(1)</script>',
  'x'.repeat(100_000),
  '943 476 5918',
  '2024-13-45',
  '2024-02-30',
  '0000-00-00',
  '2024-02-30T10:00:00Z',
  '__proto__',
  'constructor',
  none,
  'not-a-uuid',
  'ada',
);
const hostileValue = fc.oneof(
  hostileString,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 3 }),
);
const hostileObject = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames()), fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra')), hostileValue, { maxKeys: 8 });
/** Signing out or locking the sessions the fuzz uses would leave it calling as nobody. */
const fuzzedChannels = channelNames.filter((c) => c !== 'auth.signOut' && c !== 'auth.lock');
const channelArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...fuzzedChannels) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) });

function counts(): Record<string, number> {
  const names = site.app.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, site.count(`"${n}"`)]));
}

function http(path: string, headers: Record<string, string>, body: string): Promise<number> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path, method: 'POST', headers: { Host: url.host, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const hostilePath = fc.oneof(
  fc.constantFrom(...channelNames).map((c) => `/rpc/${c}`),
  fc.constantFrom('/rpc/%', '/rpc/%E0%A4%A', '/rpc/%ff%fe', '/rpc/..%2f..%2fetc', '/rpc/', '/rpc//', '/rpc/a?b=%', '/rpc/%00', '//evil/rpc/x'),
  fc.string({ maxLength: 30 }).map((s) => `/rpc/${encodeURIComponent(s)}`),
);
const hostileBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  hostileObject.map((o) => JSON.stringify(o)),
  fc.constantFrom('{nope', '"\\ud800"', '{"familyName":"\\ud800"}', '[]', 'null', '', '\u0000', '{"a":' + '['.repeat(5000)),
  fc.string({ maxLength: 200 }),
);

describe(`${RUNS} malformed payloads`, () => {
  it('answer with an error code, never a 5xx, and change no row the refusals do not explain', async () => {
    const before = counts();
    const codes = new Map<string, number>();
    const statuses = new Map<number, number>();
    let routerCalls = 0;
    let httpCalls = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(9),
        channelArb,
        fc.oneof(hostileObject, hostileValue),
        fc.constantFrom<string | null>(null, 'forged-token', admin, partner),
        hostilePath,
        hostileBody,
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
        async (route, channel, input, token, path, body, type) => {
          if (route === 0) {
            httpCalls++;
            const headers: Record<string, string> = { 'X-Sonar-Launch': secret, ...(type ? { 'Content-Type': type } : {}), ...(token ? { 'X-Sonar-Session': token } : {}) };
            const status = await http(path, headers, body);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            expect([200, 400, 403, 404, 405, 413, 415], `${path} ${body.slice(0, 80)}`).toContain(status);
            return;
          }
          routerCalls++;
          const result = await site.app.router.handle(channel, input, token);
          if (!result.ok) {
            expect(errorCodeSchema.safeParse(result.error.code).success).toBe(true);
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(result.error.code).not.toBe('internal');
          }
          const code = result.ok ? `ok:${String(channel)}` : result.error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    const after = counts();
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    console.log(
      `channel fuzz: ${RUNS} payloads (seed ${SEED}): ${routerCalls} through the router, ${httpCalls} over HTTP\n` +
        `  router answers: ${JSON.stringify(Object.fromEntries([...codes].sort()))}\n` +
        `  HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}\n` +
        `  rows before: ${JSON.stringify(before)}\n  rows after:  ${JSON.stringify(after)}`,
    );
    expect(changed.filter((t) => !MAY_GROW.has(t))).toEqual([]);
    expect(verifyAuditChain(site.app.store.raw)).toMatchObject({ ok: true });
    // Only reads may succeed by chance: no write channel may ever accept a malformed payload.
    expect([...codes.keys()].filter((c) => c.startsWith('ok:') && !/^ok:(setup\.status|sync\.status|notices\.wait|auth\.|patients\.(search|get|summary)|tasks\.list|staff\.list|forms\.(templates|template|list)|flags\.list|stays\.list|handover\.list|referrals\.list|consent\.list|agreements\.list|access\.breakGlassReviews|audit\.(verify|personAccess))/.test(c))).toEqual([]);
  }, 600_000);
});

// Every central endpoint fed malformed bodies over real mutual TLS (SECURITY item 22): arbitrary
// JSON, wrong types in the right places, and pushes whose events are broken. The central never
// answers 5xx, always answers a named error code (or, for a well-formed push of bad events, a
// rejection per event), and stores nothing. Counts are printed.
import https from 'node:https';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../central/db/open';
import { errorBodySchema, pullPageSchema, pushResponseSchema } from '../../contract/sync/wire';
import { fastestBackend } from './central-support/backends';
import { SiteEvents } from './central-support/events';
import { startTestCentral, type TestCentral } from './central-support/harness';
import type { SiteCredentials } from './central-support/pki';

const RUNS = 250;

describe('the central under malformed input', () => {
  let t: TestCentral;
  let site: SiteCredentials;
  let agent: https.Agent;

  const post = (path: string, body: string): Promise<{ status: number; json: unknown }> =>
    new Promise((resolve, reject) => {
      const url = new URL(t.url);
      const req = https.request(
        { host: url.hostname, port: url.port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
            } catch {
              resolve({ status: res.statusCode ?? 0, json: text });
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const counts = async () =>
    rowsOf<Record<string, string | number>>(
      await t.central.store.db.execute(sql`
        SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_log) AS log, (SELECT count(*) FROM records) AS records,
               (SELECT count(*) FROM subscriptions) AS subscriptions, (SELECT count(*) FROM disclosures) AS disclosures, (SELECT count(*) FROM removals) AS removals`),
    ).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])))[0];

  beforeAll(async () => {
    t = await startTestCentral(fastestBackend());
    site = await t.register('CUST01', 'custody_healthcare');
    agent = new https.Agent({ keepAlive: true, ca: site.caPem, cert: site.certPem, key: site.keyPem, minVersion: 'TLSv1.3', rejectUnauthorized: true });
  }, 120_000);
  afterAll(async () => {
    agent?.destroy();
    await t?.close();
  });

  it('answers every malformed request with a named 4xx error and changes nothing', { timeout: 240_000 }, async () => {
    const tally = new Map<string, number>();
    const note = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
    const events = new SiteEvents('CUST01');
    const person = '0193a000-0000-7000-8000-0000000000a1';
    const good = events.flagRaised(person);
    // Some real data first, so "nothing changed" means something.
    const seeded = await post('/v1/push', JSON.stringify({ site: 'CUST01', batchSeq: 1, auditHead: { count: 0, hash: '0'.repeat(64) }, events: [events.register(person), events.stayStarted(person), events.flagRaised(person, 'SEEDED')] }));
    expect(seeded.status).toBe(200);
    const before = await counts();
    expect(before?.events).toBe(3);

    const bodies = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string().map((s) => s), // not JSON at all, mostly
      fc.record({ site: fc.oneof(fc.constant('CUST01'), fc.string()), cursor: fc.oneof(fc.string(), fc.constant(null), fc.integer()), limit: fc.jsonValue() }).map((v) => JSON.stringify(v)),
      fc
        .record({ site: fc.constant('CUST01'), identifier: fc.record({ type: fc.string(), value: fc.jsonValue() }), purpose: fc.string(), user: fc.jsonValue() })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/v1/push', '/v1/pull', '/v1/lookup', '/v1/wait'), bodies, async (path, body) => {
        const answer = await post(path, body);
        note(`${path} ${answer.status}`);
        if (answer.status === 200) {
          // The generator can stumble on a valid pull (this site, no cursor, a sane limit): a real page.
          expect(path).toBe('/v1/pull');
          expect(pullPageSchema.safeParse(answer.json).success).toBe(true);
          return;
        }
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(errorBodySchema.safeParse(answer.json).success).toBe(true);
      }),
      { numRuns: RUNS * 4 },
    );

    // Well-formed pushes carrying broken events: 200, every event rejected by name, nothing stored.
    const brokenEvent = fc.oneof(
      fc.jsonValue(),
      fc
        .record({ field: fc.constantFrom('hlc', 'eventId', 'payload', 'type', 'baseVersion', 'sensitivity', 'author', 'contentHash', 'recordedAt'), value: fc.jsonValue() })
        .filter(({ field, value }) => JSON.stringify(value) !== JSON.stringify((good as Record<string, unknown>)[field]))
        .map(({ field, value }) => ({ ...good, [field]: value })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(brokenEvent, { minLength: 1, maxLength: 20 }), async (batch) => {
        const body = JSON.stringify({ site: 'CUST01', batchSeq: 1, auditHead: { count: 0, hash: '0'.repeat(64) }, events: batch });
        const answer = await post('/v1/push', body);
        note(`/v1/push(broken events) ${answer.status}`);
        if (answer.status === 400) {
          // Prototype-poisoning keys are refused while the body is parsed, before any event is read.
          expect(body).toMatch(/"(__proto__|constructor)"/);
          expect(errorBodySchema.safeParse(answer.json).success).toBe(true);
          return;
        }
        if (answer.status === 403) {
          // An event naming another origin site is an identity violation: the whole batch is refused.
          expect(errorBodySchema.parse(answer.json).error.code).toBe('wrong_site');
          return;
        }
        expect(answer.status).toBe(200);
        const parsed = pushResponseSchema.parse(answer.json);
        expect(parsed.results.every((r) => r.status === 'rejected')).toBe(true);
      }),
      { numRuns: RUNS },
    );

    const after = await counts();
    console.log(`[central fuzz] ${[...tally.entries()].map(([k, n]) => `${k}: ${n}`).join('; ')}; rows before ${JSON.stringify(before)} after ${JSON.stringify(after)}`);
    // The anchors table grows with each push (the audit head is recorded); nothing else may change.
    expect(after).toEqual(before);
  });
});

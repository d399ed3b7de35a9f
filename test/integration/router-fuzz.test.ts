// thousands of malformed payloads to every channel, signed in and not: no
// crash, no unhandled rejection, no row changed, a clear error code back every time.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../contract/channels';
import { errorCodeSchema } from '../../contract/result';
import { NO_RATE_LIMITS, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite;
let token: string;
const DATA_TABLES = ['persons', 'person_identifiers', 'users', 'event_log', 'clock_state'];

beforeAll(async () => {
  site = await startTempSite({ callLimits: NO_RATE_LIMITS });
  token = await signedInAdmin(site);
  await site.ok('patients.register', { familyName: 'Fuzz', givenNames: 'Base', title: null, birthDate: '1970-01-01', sex: 'unknown', nhsNumber: null }, token);
});
afterAll(() => site.cleanup());

/** Inputs shaped like the real ones, with fields of the wrong type, size or content. */
const hostileValue = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', "'; DROP TABLE persons; --", '<script>alert(1)</script>', 'x'.repeat(100_000), '943 476 5918', '2023-02-30', '__proto__'),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);
const hostileObject = fc.dictionary(
  fc.constantFrom('query', 'personId', 'familyName', 'givenNames', 'title', 'birthDate', 'sex', 'nhsNumber', 'username', 'password', 'fullName', 'clinicalRole', '__proto__', 'constructor', 'extra'),
  hostileValue,
);

describe('the router under malformed input', () => {
  it('answers every malformed call with an error code and changes no data row', async () => {
    const before = DATA_TABLES.map((t) => site.count(t));
    let calls = 0;
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...channelNames), fc.string({ maxLength: 40 }), fc.anything()),
        fc.oneof(hostileObject, hostileValue),
        fc.constantFrom<string | null>(null, 'forged-token', token),
        async (channel, input, session) => {
          const result = await site.app.router.handle(channel, input, session);
          calls++;
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(errorCodeSchema.safeParse(result.error.code).success).toBe(true);
            expect(result.error.message.length).toBeGreaterThan(0);
            codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(DATA_TABLES.map((t) => site.count(t))).toEqual(before);
    console.log(`router fuzz: ${calls} calls, errors by code ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(codes.get('invalid_input') ?? 0).toBeGreaterThan(100);
  });

  it('names the field for a malformed field of every channel that takes input', async () => {
    for (const channel of channelNames) {
      const r = await site.app.router.handle(channel, { unexpected: true }, token);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const r = await site.app.router.handle('patients.get', { personId: 42 }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'personId' } });
  });
});

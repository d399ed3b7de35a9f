// A derived flag never goes stale: COWS 9, then 24, then 39 leave one flag whose severity and reason
// are the latest (the earlier versions in its history); a result below the threshold says so; a flag
// of an active type cannot be raised again beside it, only updated.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateRegistry } from '../../domain/templates/library';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';

let site: TempSite;
let token: string;
let personId: string;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2026-11-23T10:00:00Z');
  site = await startTempSite({ now: () => clock });
  token = await signedInAdmin(site);
  ({ personId } = await site.ok('patients.register', { familyName: 'Hart', givenNames: 'Sam', title: null, birthDate: '1988-08-08', sex: 'male', nhsNumber: null }, token));
});
afterEach(() => site.cleanup());

const cows = (pulse: number, s: number[]) => ({
  pulse,
  sweating: String(s[0]),
  restlessness: String(s[1]),
  'pupil-size': String(s[2]),
  'bone-joint-aches': String(s[3]),
  'runny-nose-tearing': String(s[4]),
  'gi-upset': String(s[5]),
  tremor: String(s[6]),
  yawning: String(s[7]),
  'anxiety-irritability': String(s[8]),
  gooseflesh: String(s[9]),
});
const COWS_9 = cows(90, [2, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
const COWS_24 = cows(110, [3, 3, 2, 2, 2, 2, 2, 4, 2, 0]);
const COWS_39 = cows(130, [4, 5, 5, 4, 4, 2, 4, 2, 2, 3]);
const COWS_2 = cows(70, [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);

async function saveCows(answers: Record<string, unknown>) {
  clock = new Date(clock.getTime() + 4 * 60_000);
  return site.ok('forms.save', { personId, templateId: 'cows', templateVersion: templateRegistry.latest('cows')!.version, answers: answers as never }, token);
}

async function activeFlags() {
  return (await site.ok('patients.get', { personId }, token)).activeFlags;
}

describe('derived flags follow the latest result', () => {
  it('COWS 9, 24, 39: one flag, its severity and reason from the latest score, history kept', async () => {
    expect((await saveCows(COWS_9)).flagsRaised).toEqual(['Opiate withdrawal']);
    await saveCows(COWS_24);
    await saveCows(COWS_39);
    const flags = await activeFlags();
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'OPIATE_WITHDRAWAL', severity: 'severe', reason: expect.stringMatching(/COWS total 39: Severe withdrawal/) });
    expect(flags[0]!.reason).not.toMatch(/total 9\b/);
    const { versions } = await site.ok('flags.history', { personId, flagId: flags[0]!.id }, token);
    expect(versions.map((v) => [v.kind, v.severity])).toEqual([
      ['raised', 'high'],
      ['updated', 'high'],
      ['updated', 'severe'],
    ]);
    expect(versions[0]!.reason).toMatch(/COWS total 9: Mild withdrawal/);
    expect(versions[1]!.reason).toMatch(/COWS total 24: Moderate withdrawal/);
  });

  it('a later result below the threshold keeps the flag (a clinician ends it) but shows the latest evidence', async () => {
    await saveCows(COWS_24);
    await saveCows(COWS_2);
    const [flag] = await activeFlags();
    expect(flag?.reason).toMatch(/^Latest Clinical Opiate Withdrawal Scale.*COWS total 2: No active withdrawal\. The criteria for this flag are no longer met: review whether to end it\.$/);
  });
});

describe('raising a flag of a type already active', () => {
  it('is refused with the existing flag named; the clinician updates it instead, guarded by its version', async () => {
    const raise = { personId, code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high', reason: 'Fitted in the van', partnerAdvice: null } as const;
    await site.ok('flags.raise', raise, token);
    const again = await site.call('flags.raise', { ...raise, reason: 'Second fit' }, token);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', path: 'code', message: expect.stringMatching(/already active.*Update that flag/) } });
    const [flag] = await activeFlags();
    await site.ok('flags.update', { flagId: flag!.id, baseVersion: flag!.version, severity: 'severe', reason: 'Second fit in the cell', partnerAdvice: null }, token);
    const stale = await site.call('flags.update', { flagId: flag!.id, baseVersion: flag!.version, severity: 'high', reason: 'Older view', partnerAdvice: null }, token);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const flags = await activeFlags();
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'severe', reason: 'Second fit in the cell', version: 2 });
  });
});

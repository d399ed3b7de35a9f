// A police partner's search reaches only people with a current stay at the site (issue 8): a past
// detainee, or someone registered but never in custody here, is not found by name, identifier,
// number or date of birth; the totals count only people in custody now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';
import { staffSession } from '../../test/support/staff';

let site: TempSite;
let admin: string;
let police: string;
const ids: Record<string, string> = {};

async function register(key: string, familyName: string, givenNames: string, birthDate: string, nomis: string): Promise<string> {
  const { personId } = await site.ok(
    'patients.register',
    { familyName, givenNames, title: null, birthDate, sex: 'male', nhsNumber: null, otherIdentifiers: [{ type: 'nomis_number', value: nomis }], aliases: [] },
    admin,
  );
  ids[key] = personId;
  return personId;
}

beforeAll(async () => {
  site = await startTempSite({ now: () => new Date('2026-11-23T10:00:00Z') });
  admin = await signedInAdmin(site);
  police = await staffSession(site, admin, 'pc.lane', ['partner_police']);
  const inNow = await register('inNow', 'Smith', 'Brian', '1980-01-02', 'A1111AA');
  const released = await register('released', 'Smith', 'Emily', '1980-01-02', 'B2222BB');
  await register('never', 'Smyth', 'George', '1980-01-02', 'C3333CC');
  const similar = await register('similar', 'Smyth', 'Kevin', '1991-05-05', 'D4444DD');
  await site.ok('stays.start', { personId: inNow, arrivedAt: '2026-11-23T08:00:00Z', arrivalReason: null }, admin);
  await site.ok('stays.start', { personId: similar, arrivedAt: '2026-11-23T08:30:00Z', arrivalReason: null }, admin);
  const { stayId } = await site.ok('stays.start', { personId: released, arrivedAt: '2026-11-22T08:00:00Z', arrivalReason: null }, admin);
  await site.ok('stays.end', { stayId, exitedAt: '2026-11-22T20:00:00Z', exitReason: 'Released', exitDestination: 'Home' }, admin);
}, 60_000);
afterAll(() => site.cleanup());

const asPolice = (query: string) => site.ok('patients.search', { query }, police);

describe('a police partner finds only people in custody now', () => {
  it('by name: the current Smith, not the released one; a similar-sounding name in custody is listed apart', async () => {
    const answer = await asPolice('smith');
    expect(answer.kind).toBe('name');
    expect(answer.results.map((r) => r.id)).toEqual([ids.inNow, ids.similar]);
    expect(answer.total).toBe(1);
    expect(answer.similarTotal).toBe(1);
    expect(answer.results[1]?.match.kind).toBe('soundsLike');
  });

  it('by identifier: a released person is not found even by their exact prison number', async () => {
    expect((await asPolice('a1111aa')).results.map((r) => r.id)).toEqual([ids.inNow]);
    const released = await asPolice('B2222BB');
    expect(released).toMatchObject({ kind: 'identifier', total: 0, results: [] });
  });

  it('by date of birth: only the one in custody of the three born that day', async () => {
    const answer = await asPolice('2/1/1980');
    expect(answer.results.map((r) => r.id)).toEqual([ids.inNow]);
    expect(answer.total).toBe(1);
  });

  it('a clinician at the same site still finds everyone', async () => {
    const answer = await site.ok('patients.search', { query: 'smith' }, admin);
    expect(answer.results.map((r) => r.id)).toEqual(expect.arrayContaining([ids.inNow, ids.released]));
    expect((await site.ok('patients.search', { query: 'B2222BB' }, admin)).results.map((r) => r.id)).toEqual([ids.released]);
  });
});

// Issue 7 item 8, through the router on a real store: impossible dates and names carrying
// direction overrides, invisible characters, non-characters or broken surrogates are refused with
// the field named, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite;
let token: string;
let personId: string;

beforeAll(async () => {
  site = await startTempSite();
  token = await signedInAdmin(site);
  ({ personId } = await site.ok('patients.register', { familyName: 'Adebayo', givenNames: 'Tunde', title: null, birthDate: '1984-03-02', sex: 'male', nhsNumber: null }, token));
});
afterAll(() => site.cleanup());

describe('dates', () => {
  it.each(['2024-13-45', '2024-02-30', '0000-00-00'])('consent decidedOn %s is refused and nothing stored', async (decidedOn) => {
    const before = site.count('consents');
    const r = await site.call('consent.record', { personId, decision: 'share', categories: ['risk_flags'], legalBasis: 'direct_care', decidedOn, notes: null }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'decidedOn' } });
    expect(site.count('consents')).toBe(before);
  });

  it('refuses an impossible date of birth, arrival time and handover time', async () => {
    const reg = await site.call('patients.register', { familyName: 'Date', givenNames: 'Bad', title: null, birthDate: '1990-02-30', sex: 'male', nhsNumber: null }, token);
    expect(reg).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'birthDate' } });
    const stay = await site.call('stays.start', { personId, arrivedAt: '2024-02-30T10:00:00Z', arrivalReason: null }, token);
    expect(stay).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'arrivedAt' } });
    expect(site.count('stays')).toBe(0);
  });
});

describe('names', () => {
  it.each([
    ['U+202E', 'Smith\u202Ehtims'],
    ['U+200B', 'Sm\u200Bith'],
    ['U+FFFF', 'Smith\uFFFF'],
    ['U+D800', 'Smith\uD800'],
  ])('a family name carrying %s is refused, naming it, and nothing stored', async (code, familyName) => {
    const before = site.count('persons');
    const r = await site.call('patients.register', { familyName, givenNames: 'Jo', title: null, birthDate: '1990-01-01', sex: 'unknown', nhsNumber: null }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'familyName', message: expect.stringContaining(code) } });
    expect(site.count('persons')).toBe(before);
  });

  it('refuses the same characters in an alias and a staff name', async () => {
    const alias = await site.call('patients.addAlias', { personId, alias: { familyName: 'Ade\u202Ebayo', givenNames: '' } }, token);
    expect(alias).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'alias.familyName' } });
    const staff = await site.call('staff.create', { fullName: 'Eve\u200B Admin', username: 'eve', roles: ['auditor'], temporaryPassword: 'temporary password 1' }, token);
    expect(staff).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'fullName' } });
  });
});

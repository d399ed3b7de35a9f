// Search through the router: every identifier type in the forms people type them, aliases,
// number prefixes, dates of birth a page at a time; and the auditor's search, which opens nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';
import { staffSession } from '../../test/support/staff';

let site: TempSite;
let token: string;
let personId: string;

beforeAll(async () => {
  site = await startTempSite({ now: () => new Date('2026-11-23T10:00:00Z') });
  token = await signedInAdmin(site);
  ({ personId } = await site.ok(
    'patients.register',
    {
      familyName: 'Okafor',
      givenNames: 'Chidi',
      title: null,
      birthDate: '1979-03-12',
      sex: 'male',
      nhsNumber: '9434765919',
      otherIdentifiers: [
        { type: 'chi_number', value: '1407451235' },
        { type: 'nomis_number', value: 'a1234bc' },
        { type: 'pnc_id', value: '03/12345n' },
        { type: 'custody_record_number', value: '04/123456/26' },
        { type: 'local_id', value: 'Loc-77' },
      ],
      aliases: [{ familyName: 'Hughes', givenNames: 'Chris' }],
    },
    token,
  ));
}, 60_000);
afterAll(() => site.cleanup());

const search = (query: string, offset = 0) => site.ok('patients.search', offset > 0 ? { query, offset } : { query }, token);

describe('search by identifier', () => {
  it.each([
    ['943 476 5919', 'nhs_number', '9434765919'],
    ['140-745-1235', 'chi_number', '1407451235'],
    ['A1234BC', 'nomis_number', 'A1234BC'],
    ['a1234bc', 'nomis_number', 'A1234BC'],
    ['2003/0012345N', 'pnc_id', '2003/0012345N'],
    ['03/12345N', 'pnc_id', '2003/0012345N'],
    ['04/123456/26', 'custody_record_number', '04/123456/26'],
    ['LOC-77', 'local_id', 'Loc-77'],
  ])('finds the person by %s and says it was their %s', async (typed, type, value) => {
    const answer = await search(typed);
    expect(answer).toMatchObject({ kind: 'identifier', total: 1 });
    expect(answer.results).toMatchObject([{ id: personId, match: { kind: 'identifier', type, value } }]);
  });

  it('lists what it looked up when no one holds it', async () => {
    const answer = await search('z9999zz');
    expect(answer).toMatchObject({ kind: 'identifier', total: 0, results: [] });
    expect(answer.tried.map((t) => t.type)).toEqual(['nomis_number', 'custody_record_number', 'local_id']);
  });

  it('finds NHS and CHI numbers still being typed', async () => {
    expect((await search('943 47')).results).toMatchObject([{ id: personId, match: { kind: 'numberPrefix', type: 'nhs_number' } }]);
    expect((await search('14074')).results).toMatchObject([{ id: personId, match: { kind: 'numberPrefix', type: 'chi_number' } }]);
  });

  it('finds the person by an alias, naming it', async () => {
    expect((await search('hughes ch')).results).toMatchObject([{ id: personId, match: { kind: 'alias', familyName: 'Hughes', givenNames: 'Chris' } }]);
  });
});

describe('search by date of birth', () => {
  it('pages through everyone born on the day, with the total', async () => {
    // Names unlike each other: a similar name born the same day would be a likely duplicate.
    const names = ['Adebayo', 'Brennan', 'Czajka', 'Dimitrov', 'Eriksen', 'Fitzgerald', 'Gallagher', 'Horvath', 'Iqbal', 'Jankowski', 'Kowalczyk', 'Lindqvist', 'Mbeki',
      'Nakamura', 'Oyelaran', 'Petrakis', 'Quigley', 'Rasmussen', 'Szabo', 'Takahashi', 'Umarov', 'Vasquez', 'Wojcik', 'Xiong', 'Yilmaz', 'Zielinski', 'Abernathy'];
    for (const familyName of names) {
      await site.ok('patients.register', { familyName, givenNames: 'Day', title: null, birthDate: '2001-02-03', sex: 'unknown', nhsNumber: null }, token);
    }
    const first = await search('3/2/01');
    expect(first).toMatchObject({ kind: 'birthDate', total: 27, offset: 0, birthDate: '2001-02-03' });
    expect(first.results).toHaveLength(25);
    const second = await search('3 February 2001', 25);
    expect(second.results).toHaveLength(2);
    expect(new Set([...first.results, ...second.results].map((r) => r.id)).size).toBe(27);
  });
});

describe("the auditor's search", () => {
  it('finds the person, is audited without naming them, and opens no record', async () => {
    const auditor = await staffSession(site, token, 'audrey', ['auditor']);
    expect((await site.call('patients.search', { query: 'okafor' }, auditor)).ok).toBe(false);
    const answer = await site.ok('audit.findPerson', { query: 'okafor chidi' }, auditor);
    expect(answer.results).toMatchObject([{ id: personId, match: { kind: 'name' } }]);
    const row = site.app.store.raw.prepare("SELECT person_id AS personId, detail FROM audit_events WHERE channel = 'audit.findPerson'").get() as { personId: string | null; detail: string };
    expect(row.personId).toBeNull();
    expect(JSON.parse(row.detail)).toMatchObject({ kind: 'name', total: 1 });
    expect(row.detail).not.toContain('okafor');
  });
});

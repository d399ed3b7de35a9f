// Identity at registration: several identifiers and aliases, likely duplicates shown before a new
// record is made, identifier clashes never overridden.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';

let site: TempSite;
let token: string;
beforeEach(async () => {
  site = await startTempSite({ now: () => new Date('2026-11-23T10:00:00Z') });
  token = await signedInAdmin(site);
});
afterEach(() => site.cleanup());

const john = { familyName: 'Smith', givenNames: 'John', title: null, birthDate: '1985-03-02', sex: 'male', nhsNumber: null } as const;

describe('identity', () => {
  it('stores other identifiers canonical and aliases searchable', async () => {
    const { personId } = await site.ok(
      'patients.register',
      { ...john, otherIdentifiers: [{ type: 'pnc_id', value: '03/12345n' }, { type: 'nomis_number', value: ' a1234bc ' }], aliases: [{ familyName: 'Smyth', givenNames: 'Jon' }] },
      token,
    );
    const record = await site.ok('patients.get', { personId }, token);
    expect(record.identifiers.map(({ type, value }) => ({ type, value }))).toEqual([
      { type: 'nomis_number', value: 'A1234BC' },
      { type: 'pnc_id', value: '2003/0012345N' },
    ]);
    expect(record.aliases).toMatchObject([{ familyName: 'Smyth', givenNames: 'Jon' }]);
    const found = await site.ok('patients.search', { query: 'smyth' }, token);
    expect(found.results.map((r) => r.id)).toEqual([personId]);
  });

  it('refuses an invalid identifier naming it and its field', async () => {
    const r = await site.call('patients.register', { ...john, otherIdentifiers: [{ type: 'pnc_id', value: '2003/0012345X' }] }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'otherIdentifiers.0.value', message: expect.stringMatching(/^PNC ID: /) } });
    expect(site.count('persons')).toBe(0);
  });

  it('shows a same-birth-date similar name as a likely duplicate and refuses to register until it is reviewed', async () => {
    const { personId } = await site.ok('patients.register', john, token);
    const typed = { familyName: 'Smyth', givenNames: 'Jon', birthDate: '1985-03-02' };
    const { candidates } = await site.ok('patients.findDuplicates', typed, token);
    expect(candidates).toMatchObject([{ person: { id: personId }, strength: 'name_and_birth_date', reasons: ['same date of birth, similar name'] }]);
    const refused = await site.call('patients.register', { ...john, ...typed }, token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/possible existing record/) } });
    expect(site.count('persons')).toBe(1);
    await site.ok('patients.register', { ...john, ...typed, reviewedDuplicates: [personId] }, token);
    expect(site.count('persons')).toBe(2);
  });

  it('matches on an alias and never lets an identifier clash through', async () => {
    const { personId } = await site.ok(
      'patients.register',
      { ...john, aliases: [{ familyName: 'Doe', givenNames: 'Jack' }], otherIdentifiers: [{ type: 'nomis_number', value: 'A1234BC' }] },
      token,
    );
    const byAlias = await site.ok('patients.findDuplicates', { familyName: 'Doe', givenNames: 'J', birthDate: '1985-03-02' }, token);
    expect(byAlias.candidates[0]?.reasons[0]).toMatch(/alias DOE, Jack/);
    const clash = { ...john, familyName: 'Other', givenNames: 'Person', otherIdentifiers: [{ type: 'nomis_number' as const, value: 'A1234BC' }] };
    const byId = await site.ok(
      'patients.findDuplicates',
      { familyName: clash.familyName, givenNames: clash.givenNames, birthDate: clash.birthDate, identifiers: clash.otherIdentifiers },
      token,
    );
    expect(byId.candidates).toMatchObject([{ person: { id: personId }, strength: 'identifier', reasons: ['same Prison number (NOMIS)'] }]);
    const r = await site.call('patients.register', { ...clash, reviewedDuplicates: [personId] }, token);
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('adds an identifier and an alias to an existing person, refusing an identifier someone else holds', async () => {
    const a = await site.ok('patients.register', john, token);
    const b = await site.ok('patients.register', { ...john, familyName: 'Brown', givenNames: 'Amy', sex: 'female' }, token);
    await site.ok('patients.addIdentifier', { personId: a.personId, identifier: { type: 'custody_record_number', value: '01/2345/26' } }, token);
    const clash = await site.call('patients.addIdentifier', { personId: b.personId, identifier: { type: 'custody_record_number', value: '01/2345/26' } }, token);
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', path: 'identifier.value' } });
    await site.ok('patients.addAlias', { personId: b.personId, alias: { familyName: 'Browne', givenNames: 'Amelia' } }, token);
    expect((await site.ok('patients.search', { query: 'amelia' }, token)).results.map((r) => r.id)).toEqual([b.personId]);
  });
});

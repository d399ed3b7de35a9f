import { describe, expect, it } from 'vitest';
import { planSearch } from './search-query';
import { searchTokens } from './person-name';

const today = '2026-11-23';
const plan = (text: string) => planSearch(text, { today });

describe('the search box', () => {
  it('reads digits as an NHS or CHI number being typed, with or without spaces', () => {
    expect(plan('943 476').numberPrefix).toBe('943476');
    expect(plan('943 476').name).toBeNull();
  });

  it('tries a whole 10-digit number as both an NHS number and a CHI number', () => {
    // 140745 1235: a valid CHI (14-Jul-45) whose check digit also makes it a valid NHS number.
    const p = plan('140 745 1235');
    expect(p.identifiers.map((i) => i.type)).toEqual(expect.arrayContaining(['nhs_number', 'chi_number']));
    expect(p.identifiers.find((i) => i.type === 'chi_number')?.value).toBe('1407451235');
    expect(plan('9434765919').identifiers.find((i) => i.type === 'nhs_number')?.value).toBe('9434765919');
    // A whole number is looked up as such, not as the start of others.
    expect(plan('9434765919').numberPrefix).toBeNull();
  });

  it('reads identifiers in the forms people type them', () => {
    expect(plan('a1234bc').identifiers).toContainEqual({ type: 'nomis_number', value: 'A1234BC' });
    expect(plan('03/12345n').identifiers).toContainEqual({ type: 'pnc_id', value: '2003/0012345N' });
    expect(plan('2003/0012345N').identifiers).toContainEqual({ type: 'pnc_id', value: '2003/0012345N' });
    expect(plan('04/123456/26').identifiers).toContainEqual({ type: 'custody_record_number', value: '04/123456/26' });
    expect(plan('Loc-77').identifiers).toContainEqual({ type: 'local_id', value: 'Loc-77' });
  });

  it('does not try text without a digit as an identifier', () => {
    expect(plan('smith').identifiers).toEqual([]);
  });

  it('reads a date of birth on its own in the usual forms, two-digit years in the past', () => {
    for (const text of ['14/07/1945', '14-07-1945', '14-Jul-1945', '1945-07-14', '14 Jul 1945', '14 July 1945', '14.7.45', '14th of July 1945']) {
      expect(plan(text)).toMatchObject({ birthDate: '1945-07-14', name: null });
    }
    expect(plan('3/4/88').birthDate).toBe('1988-04-03');
    expect(plan('3 April 1988').birthDate).toBe('1988-04-03');
    expect(plan('3/4/05').birthDate).toBe('2005-04-03');
    expect(plan('3/4/27').birthDate).toBe('1927-04-03');
  });

  it('reads a name with a date of birth anywhere in it', () => {
    expect(plan('  Smith  jo ').name).toEqual({ words: ['smith', 'jo'], birthDate: null });
    expect(plan('smith 3/4/88').name).toEqual({ words: ['smith'], birthDate: '1988-04-03' });
    expect(plan('mary 3 April 1988 jones').name).toEqual({ words: ['mary', 'jones'], birthDate: '1988-04-03' });
    expect(plan("O'Brien").name?.words).toEqual(['obrien']);
  });

  it('does not take an impossible date as a date', () => {
    expect(plan('31/02/1990').birthDate).toBeNull();
    expect(plan('smith 31/02/1990').name).toBeNull();
  });

  it('is empty for blank input', () => {
    expect(plan('   ')).toEqual({ identifiers: [], numberPrefix: null, name: null, birthDate: null });
  });
});

describe('search tokens (duplicate matching)', () => {
  it('matches names however apostrophes, hyphens and accents are typed', () => {
    expect(searchTokens("O'Brien")).toEqual(['obrien', 'o', 'brien']);
    expect(searchTokens('Smith-Jones Zoë')).toEqual(['smithjones', 'smith', 'jones', 'zoe']);
    expect(searchTokens('  ')).toEqual([]);
  });
});

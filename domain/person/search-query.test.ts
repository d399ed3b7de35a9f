import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query';
import { searchTokens } from './person-name';

describe('search box', () => {
  it('reads digits as an NHS number prefix, with or without spaces', () => {
    expect(parseSearchQuery('943 476')).toEqual({ kind: 'nhsNumber', digitsPrefix: '943476' });
    expect(parseSearchQuery('9434765919')).toEqual({ kind: 'nhsNumber', digitsPrefix: '9434765919' });
  });

  it('reads a date in the usual clinical forms as a date of birth', () => {
    for (const text of ['14/07/1945', '14-07-1945', '14-Jul-1945', '1945-07-14', '14 Jul 1945']) {
      expect(parseSearchQuery(text)).toEqual({ kind: 'birthDate', birthDate: '1945-07-14' });
    }
  });

  it('reads words as name prefixes, with an optional date of birth', () => {
    expect(parseSearchQuery('  Smith  jo ')).toEqual({ kind: 'name', tokens: ['smith', 'jo'], birthDate: null });
    expect(parseSearchQuery('smith 14/07/1945')).toEqual({ kind: 'name', tokens: ['smith'], birthDate: '1945-07-14' });
  });

  it('does not take an impossible date as a date', () => {
    expect(parseSearchQuery('31/02/1990').kind).not.toBe('birthDate');
  });

  it('is empty for blank input', () => {
    expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
  });
});

describe('search tokens', () => {
  it('matches names however apostrophes, hyphens and accents are typed', () => {
    expect(searchTokens("O'Brien")).toEqual(['obrien', 'o', 'brien']);
    expect(searchTokens('Smith-Jones Zoë')).toEqual(['smithjones', 'smith', 'jones', 'zoe']);
    expect(searchTokens('  ')).toEqual([]);
  });
});

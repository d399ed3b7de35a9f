import { describe, expect, it } from 'vitest';
import type { SearchAnswer } from './search-slice';
import { captionText, hasNextPage, matchText, summaryText } from './search-text';

const name = (over: Partial<SearchAnswer>): SearchAnswer => ({
  kind: 'name',
  offset: 0,
  pageSize: 25,
  total: 312,
  totalIsAtLeast: false,
  similarTotal: null,
  ranked: true,
  tried: [],
  birthDate: null,
  ...over,
});

describe('what the search screen says', () => {
  it('states the true total and that only the best are shown, and how to narrow it', () => {
    expect(summaryText(name({}), 'smith', 25)).toBe(
      '312 people match \u201csmith\u201d: showing the best 25. Add a first name or date of birth to narrow the search.',
    );
    expect(captionText(name({ offset: 25 }), 'smith', 25)).toBe('312 people found for \u201csmith\u201d: showing 26 to 50');
  });

  it('says the date of birth typed orders the list, and counts similar-sounding names', () => {
    expect(summaryText(name({ total: 3, birthDate: '1988-04-03', similarTotal: 2 }), 'smith 3/4/88', 3)).toBe(
      '3 people match \u201csmith 3/4/88\u201d, nearest date of birth to 03-Apr-1988 first: showing 1 to 3. 2 more people with similar-sounding names after them.',
    );
    expect(summaryText(name({ total: 1, similarTotal: 1 }), 'walsh orla', 1)).toBe(
      '1 person matches \u201cwalsh orla\u201d: showing 1 to 1. 1 more person with similar-sounding names after them.',
    );
    expect(summaryText(name({ total: 0, similarTotal: 1 }), 'walsh', 1)).toBe('No one is spelt like \u201cwalsh\u201d. 1 person with similar-sounding names.');
  });

  it('names every identifier looked up when no one holds it', () => {
    const answer = name({ kind: 'identifier', total: 0, tried: [{ type: 'nhs_number', value: '1407451235' }, { type: 'chi_number', value: '1407451235' }] });
    expect(summaryText(answer, '140 745 1235', 0)).toBe('No one at this site holds NHS number 140 745 1235 or CHI number 140 745 1235.');
  });

  it('says what each person was found by', () => {
    expect(matchText({ kind: 'identifier', type: 'pnc_id', value: '2003/0012345N' })).toBe('PNC ID 2003/0012345N');
    expect(matchText({ kind: 'alias', familyName: 'Smith', givenNames: 'John' })).toBe('Alias SMITH, John');
    expect(matchText({ kind: 'soundsLike', familyName: 'Welsh', givenNames: 'Ann' })).toBe('Sounds like WELSH, Ann');
  });

  it('offers a next page while anyone is left, similar-sounding names included', () => {
    expect(hasNextPage(name({ offset: 300 }), 12)).toBe(false);
    expect(hasNextPage(name({ offset: 275 }), 25)).toBe(true);
    expect(hasNextPage(name({ offset: 300, similarTotal: 4 }), 12)).toBe(true);
    expect(hasNextPage(name({ offset: 300, similarTotal: 0 }), 12)).toBe(false);
  });
});

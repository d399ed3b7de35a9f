import { describe, expect, it } from 'vitest';
import { draftFromSearch } from './prefill';
import { emptyDraft } from './register-form';

describe('draftFromSearch', () => {
  it('carries a whole NHS number over, formatted', () => {
    expect(draftFromSearch('9434765919', emptyDraft).nhsNumber).toBe('943 476 5919');
    expect(draftFromSearch('943 476', emptyDraft)).toEqual(emptyDraft);
  });

  it('carries a date of birth over into the three boxes', () => {
    expect(draftFromSearch('14/07/1945', emptyDraft)).toMatchObject({ birthDay: '14', birthMonth: '07', birthYear: '1945' });
    expect(draftFromSearch('jones 14/07/1945', emptyDraft)).toMatchObject({ birthDay: '14', familyName: '' });
    expect(draftFromSearch('3 April 88', emptyDraft, '2026-11-23')).toMatchObject({ birthDay: '03', birthMonth: '04', birthYear: '1988' });
  });

  it('leaves names alone: which word is the family name is not known', () => {
    expect(draftFromSearch('mary jones', emptyDraft)).toEqual(emptyDraft);
    expect(draftFromSearch(undefined, emptyDraft)).toEqual(emptyDraft);
  });
});

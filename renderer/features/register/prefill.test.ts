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
  });

  it('leaves names alone: which word is the family name is not known', () => {
    expect(draftFromSearch('mary jones', emptyDraft)).toEqual(emptyDraft);
    expect(draftFromSearch(undefined, emptyDraft)).toEqual(emptyDraft);
  });
});

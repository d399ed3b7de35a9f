import { describe, expect, it } from 'vitest';
import { checkExtras, extraFieldOfPath, extraOrder } from './register-extras';

const ctx = { allowTestNumbers: false, now: new Date(2026, 10, 23) };

describe('other identifiers and aliases at registration', () => {
  it('ignores empty rows and returns canonical values', () => {
    const r = checkExtras(
      [
        { type: '', value: '' },
        { type: 'nomis_number', value: 'a1234bc' },
      ],
      [{ familyName: ' Smyth ', givenNames: 'Jon' }, { familyName: '', givenNames: '' }],
      ctx,
    );
    expect(r.errors).toEqual({});
    expect(r.identifiers).toEqual([{ type: 'nomis_number', value: 'A1234BC' }]);
    expect(r.aliases).toEqual([{ familyName: 'Smyth', givenNames: 'Jon' }]);
  });

  it('puts each problem at its row', () => {
    const r = checkExtras([{ type: 'pnc_id', value: 'nonsense' }, { type: '', value: 'A1234BC' }], [{ familyName: '', givenNames: 'Jon' }], ctx);
    expect(Object.keys(r.errors)).toEqual(['identifier-0-value', 'identifier-1-type', 'alias-0']);
    expect(r.errors['alias-0']?.target).toBe('alias-0-familyName');
  });

  it('orders the rows as shown and maps server paths to them', () => {
    expect(extraOrder([{ type: '', value: '' }], [{ familyName: '', givenNames: '' }])).toEqual(['identifier-0-type', 'identifier-0-value', 'alias-0']);
    expect(extraFieldOfPath('otherIdentifiers.2.value')).toBe('identifier-2-value');
    expect(extraFieldOfPath('aliases.1.familyName')).toBe('alias-1');
    expect(extraFieldOfPath('nhsNumber')).toBeNull();
  });
});

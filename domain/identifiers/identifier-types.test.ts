import { describe, expect, it } from 'vitest';
import { custodyRecordPatternFromSource } from './custody-record-number';
import { checkIdentifier, formatIdentifier, identifierTypeLabels, identifierTypeSchema, type IdentifierContext } from './identifier-types';

const live: IdentifierContext = { allowTestNumbers: false, currentYear: 2026 };
const demo: IdentifierContext = { allowTestNumbers: true, currentYear: 2026 };

describe('identifier types', () => {
  it('lists the six types, each with a label', () => {
    expect(identifierTypeSchema.options).toEqual(['nhs_number', 'chi_number', 'nomis_number', 'pnc_id', 'custody_record_number', 'local_id']);
    for (const t of identifierTypeSchema.options) expect(identifierTypeLabels[t].length).toBeGreaterThan(0);
    expect(identifierTypeSchema.safeParse('passport').success).toBe(false);
  });
});

describe('checkIdentifier', () => {
  it('delegates NHS numbers, including the test-range rule', () => {
    // 943 476 5919: weighted sum 299, 299 mod 11 = 2, 11 - 2 = 9 (see nhs-number.test.ts).
    expect(checkIdentifier('nhs_number', '943 476 5919', live)).toEqual({ ok: true, value: '9434765919' });
    // 999 000 0018 is valid but a test number: demo only.
    expect(checkIdentifier('nhs_number', '999 000 0018', demo)).toEqual({ ok: true, value: '9990000018' });
    expect(checkIdentifier('nhs_number', '999 000 0018', live)).toMatchObject({ ok: false, reason: expect.stringMatching(/test numbers/) });
  });

  it('returns only the canonical value for a CHI number', () => {
    // 140745 123 5: 14/07/45, 9th digit 3 (male), weighted sum 160 mod 11 = 6, 11 - 6 = 5.
    expect(checkIdentifier('chi_number', '140 745 1235', live)).toEqual({ ok: true, value: '1407451235' });
    expect(checkIdentifier('chi_number', '3102451235', live)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a real date/) });
  });

  it('checks NOMIS numbers and PNC IDs, passing the current year through', () => {
    expect(checkIdentifier('nomis_number', ' a1234bc', live)).toEqual({ ok: true, value: 'A1234BC' });
    expect(checkIdentifier('nomis_number', 'A1234B', live)).toMatchObject({ ok: false });
    // 03/12345N: 030012345 mod 23 = 13 -> N. In 2026, 03 -> 2003; in 2002 it would be 1903.
    expect(checkIdentifier('pnc_id', '03/12345n', live)).toEqual({ ok: true, value: '2003/0012345N' });
    expect(checkIdentifier('pnc_id', '03/12345n', { ...live, currentYear: 2002 })).toEqual({ ok: true, value: '1903/0012345N' });
  });

  it("uses the default custody record pattern unless the site's is given", () => {
    expect(checkIdentifier('custody_record_number', ' 01/ab/123 ', live)).toEqual({ ok: true, value: '01/AB/123' });
    const made = custodyRecordPatternFromSource('\\d{6}', '6 digits');
    if (!made.ok) throw new Error(made.reason);
    const site = { ...live, custodyRecordPattern: made.pattern };
    expect(checkIdentifier('custody_record_number', '01/AB/123', site)).toEqual({ ok: false, reason: 'Custody record number must be 6 digits' });
    expect(checkIdentifier('custody_record_number', '123456', site)).toEqual({ ok: true, value: '123456' });
  });

  it('keeps a local id as typed apart from trimming, within 1-64 characters and without control characters', () => {
    expect(checkIdentifier('local_id', '  Emis-00123 ab ', live)).toEqual({ ok: true, value: 'Emis-00123 ab' });
    expect(checkIdentifier('local_id', 'x'.repeat(64), live)).toMatchObject({ ok: true });
    expect(checkIdentifier('local_id', '', live)).toEqual({ ok: false, reason: 'Enter a local ID' });
    // 65 characters: one over.
    expect(checkIdentifier('local_id', 'x'.repeat(65), live)).toEqual({ ok: false, reason: 'Local ID must be at most 64 characters (you entered 65)' });
    // A tab pasted from a spreadsheet.
    expect(checkIdentifier('local_id', 'AB\t123', live)).toMatchObject({ ok: false, reason: expect.stringMatching(/control characters/) });
  });
});

describe('formatIdentifier', () => {
  it('groups NHS and CHI numbers 3-3-4 and shows the rest as stored', () => {
    expect(formatIdentifier('nhs_number', '9434765919')).toBe('943 476 5919');
    expect(formatIdentifier('chi_number', '1407451235')).toBe('140 745 1235');
    expect(formatIdentifier('nomis_number', 'A1234BC')).toBe('A1234BC');
    expect(formatIdentifier('pnc_id', '2003/0012345N')).toBe('2003/0012345N');
    expect(formatIdentifier('custody_record_number', '01/AB/123')).toBe('01/AB/123');
    expect(formatIdentifier('local_id', 'Emis-00123')).toBe('Emis-00123');
  });

  it('round-trips: checking a formatted value gives the stored value back', () => {
    for (const [type, value] of [
      ['nhs_number', '9434765919'],
      ['chi_number', '1407451235'],
      ['nomis_number', 'A1234BC'],
      ['pnc_id', '2003/0012345N'],
      ['custody_record_number', '01/AB/123'],
      ['local_id', 'Emis-00123'],
    ] as const) {
      expect(checkIdentifier(type, formatIdentifier(type, value), live)).toEqual({ ok: true, value });
    }
  });
});

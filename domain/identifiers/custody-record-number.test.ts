import { describe, expect, it } from 'vitest';
import {
  CUSTODY_RECORD_MAX_INPUT,
  DEFAULT_CUSTODY_RECORD_PATTERN,
  checkCustodyRecordNumber,
  custodyRecordPatternFromSource,
} from './custody-record-number';

describe('custody record number, default pattern', () => {
  it('accepts letters, digits, / and -, trimmed and uppercased', () => {
    // " 01/ab/12345/26 " -> trim -> uppercase -> "01/AB/12345/26" (14 characters, has digits).
    expect(checkCustodyRecordNumber(' 01/ab/12345/26 ')).toEqual({ ok: true, value: '01/AB/12345/26' });
    expect(checkCustodyRecordNumber('cr-2026-000123')).toEqual({ ok: true, value: 'CR-2026-000123' });
  });

  it('accepts the edges: 1 character and 20 characters', () => {
    // "7": one digit is enough. 20 characters: "AB" + 18 digits.
    expect(checkCustodyRecordNumber('7')).toEqual({ ok: true, value: '7' });
    const twenty = `AB${'1'.repeat(18)}`;
    expect(checkCustodyRecordNumber(twenty)).toEqual({ ok: true, value: twenty });
  });

  it('refuses each broken rule with its own message', () => {
    expect(checkCustodyRecordNumber('')).toEqual({ ok: false, reason: 'Enter a custody record number' });
    expect(checkCustodyRecordNumber('   ')).toEqual({ ok: false, reason: 'Enter a custody record number' });
    // 21 characters: one over.
    expect(checkCustodyRecordNumber(`AB${'1'.repeat(19)}`)).toEqual({
      ok: false,
      reason: 'Custody record number must be at most 20 characters (you entered 21)',
    });
    // Inner space, underscore, and a non-ASCII letter are not allowed.
    for (const typed of ['01 AB 123', '01_AB_123', 'É123']) {
      expect(checkCustodyRecordNumber(typed)).toEqual({ ok: false, reason: 'Custody record number may contain only letters, digits, / and -' });
    }
    // No digit at all: "ABC/DEF" (a name or a note typed in the wrong box).
    expect(checkCustodyRecordNumber('ABC/DEF')).toEqual({ ok: false, reason: 'Custody record number must contain at least one digit' });
  });

  it('agrees with its own regex, which a site could copy as a starting point', () => {
    for (const v of ['7', '01/AB/12345/26', 'ABC', 'A B1', `A${'1'.repeat(20)}`]) {
      expect(checkCustodyRecordNumber(v).ok).toBe(DEFAULT_CUSTODY_RECORD_PATTERN.regex.test(v));
    }
  });
});

describe('custody record number, a site pattern', () => {
  const made = custodyRecordPatternFromSource('[A-Z]{2}\\d{8}', '2 letters then 8 digits, like AB12345678');
  if (!made.ok) throw new Error(made.reason);
  const site = made.pattern;

  it('checks the whole trimmed, uppercased value against it', () => {
    // " ab12345678 " -> "AB12345678": 2 letters, 8 digits.
    expect(checkCustodyRecordNumber(' ab12345678 ', site)).toEqual({ ok: true, value: 'AB12345678' });
    // The pattern is anchored: a matching run inside a longer value is not enough.
    expect(checkCustodyRecordNumber('XAB12345678', site)).toEqual({
      ok: false,
      reason: 'Custody record number must be 2 letters then 8 digits, like AB12345678',
    });
    // The default's rules no longer apply: a value the default would accept is refused.
    expect(checkCustodyRecordNumber('01/AB/12345/26', site).ok).toBe(false);
  });

  it('is not thrown by a g flag (test() would otherwise remember lastIndex between calls)', () => {
    const withG = { regex: /[A-Z]{2}\d{8}/g, description: '2 letters then 8 digits' };
    expect(checkCustodyRecordNumber('AB12345678', withG).ok).toBe(true);
    expect(checkCustodyRecordNumber('AB12345678', withG).ok).toBe(true);
  });

  it('refuses very long input before running any pattern', () => {
    const long = '1'.repeat(CUSTODY_RECORD_MAX_INPUT + 1);
    expect(checkCustodyRecordNumber(long, { regex: /\d+/, description: 'digits' })).toEqual({
      ok: false,
      reason: `Custody record number is too long (you entered ${CUSTODY_RECORD_MAX_INPUT + 1} characters)`,
    });
  });

  it('reports a pattern from settings that cannot be used', () => {
    expect(custodyRecordPatternFromSource('', 'x')).toEqual({ ok: false, reason: 'Enter a pattern for custody record numbers' });
    expect(custodyRecordPatternFromSource('\\d+', ' ')).toEqual({ ok: false, reason: 'Describe the custody record number pattern for staff' });
    // An unclosed group is not a regular expression.
    expect(custodyRecordPatternFromSource('([A-Z]', 'letters')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a valid regular expression/),
    });
  });
});

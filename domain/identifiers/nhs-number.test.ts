import { describe, expect, it } from 'vitest';
import { checkNhsNumber, formatNhsNumber, nhsCheckDigit } from './nhs-number';

const live = { allowTestNumbers: false };
const demo = { allowTestNumbers: true };

describe('NHS number', () => {
  it('accepts 943 476 5919 (the NHS own worked example)', () => {
    // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 299; 299 mod 11 = 2; 11 - 2 = 9: matches.
    expect(checkNhsNumber('943 476 5919', live)).toEqual({ ok: true, value: '9434765919' });
    expect(checkNhsNumber('943-476-5919', live)).toEqual({ ok: true, value: '9434765919' });
    expect(nhsCheckDigit('943476591')).toBe(9);
  });

  it('refuses a wrong check digit with a message that says so', () => {
    const r = checkNhsNumber('9434765918', live);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/check digit/);
  });

  it('treats remainder 0 (check 11) as check digit 0', () => {
    // 000000000: sum 0; 0 mod 11 = 0; 11 - 0 = 11 -> check digit 0.
    // 500000001: 5*10 + 1*2 = 52; 52 mod 11 = 8; 11 - 8 = 3.
    expect(nhsCheckDigit('000000000')).toBe(0);
    expect(checkNhsNumber('0000000000', live).ok).toBe(true);
    expect(nhsCheckDigit('500000001')).toBe(3);
  });

  it('refuses numbers whose check digit would be 10', () => {
    // 100000001: 1*10 + 1*2 = 12; 12 mod 11 = 1; 11 - 1 = 10 -> no valid number exists.
    expect(nhsCheckDigit('100000001')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(checkNhsNumber(`100000001${d}`, live).ok).toBe(false);
  });

  it('refuses wrong lengths and non-digits with their own messages', () => {
    expect(checkNhsNumber('', live)).toEqual({ ok: false, reason: 'Enter an NHS number' });
    expect(checkNhsNumber('943476591', live)).toMatchObject({ ok: false, reason: expect.stringMatching(/10 digits \(you entered 9\)/) });
    expect(checkNhsNumber('94347659190', live)).toMatchObject({ ok: false, reason: expect.stringMatching(/you entered 11/) });
    expect(checkNhsNumber('94347A5919', live)).toMatchObject({ ok: false, reason: expect.stringMatching(/only digits/) });
  });

  it('accepts the 999 test range only in demo mode', () => {
    // 999 000 001: weights 10..2 give 90 + 81 + 72 + 0 + 0 + 0 + 0 + 0 + 2 = 245;
    // 245 mod 11 = 3; 11 - 3 = 8 -> 999 000 0018.
    expect(nhsCheckDigit('999000001')).toBe(8);
    expect(checkNhsNumber('999 000 0018', demo).ok).toBe(true);
    expect(checkNhsNumber('999 000 0018', live)).toMatchObject({ ok: false, reason: expect.stringMatching(/test numbers/) });
  });

  it('formats 3-3-4, partial input as far as it goes', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('94347')).toBe('943 47');
    expect(formatNhsNumber('943 476 5919')).toBe('943 476 5919');
  });
});

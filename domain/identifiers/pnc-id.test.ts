import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PNC_CHECK_LETTERS, checkPncId, expandPncYear, formatPncId, pncCheckLetter } from './pnc-id';

const in2026 = { currentYear: 2026 };

// Check letters index ZABCDEFGHJKLMNPQRTUVWXY:
//  Z0 A1 B2 C3 D4 E5 F6 G7 H8 J9 K10 L11 M12 N13 P14 Q15 R16 T17 U18 V19 W20 X21 Y22

describe('PNC ID check letter', () => {
  it('gives N for 2003/0012345 (worked example)', () => {
    // "03" + "0012345" = 030012345 = 30012345; 23 * 1304884 = 30012332; 30012345 - 30012332 = 13 -> N.
    expect(pncCheckLetter(2003, 12345)).toBe('N');
    expect(pncCheckLetter(3, 12345)).toBe('N');
    expect(checkPncId('2003/0012345N', in2026)).toEqual({ ok: true, value: '2003/0012345N' });
  });

  it('works at the ends of the alphabet and of the serial range', () => {
    // 0000000000 -> 0 mod 23 = 0 -> Z (serial 0 and year 00).
    expect(pncCheckLetter(2000, 0)).toBe('Z');
    // 990000001: 23 * 43043478 = 989999994; remainder 7 -> G.
    expect(pncCheckLetter(1999, 1)).toBe('G');
    // 241234567 (largest serial width): 23 * 10488459 = 241234557; remainder 10 -> K.
    expect(pncCheckLetter(2024, 1234567)).toBe('K');
    // 200012345: 23 * 8696188 = 200012324; remainder 21 -> X.
    expect(pncCheckLetter(2020, 12345)).toBe('X');
    expect(PNC_CHECK_LETTERS).toHaveLength(23);
  });
});

describe('PNC ID year window (2-digit years)', () => {
  it('expands YY <= current YY to 20YY and larger YY to 19YY', () => {
    // In 2026: 26 is this year -> 2026; 27 would be next year, so it is 1927. 00 -> 2000; 99 -> 1999.
    expect(expandPncYear(26, 2026)).toBe(2026);
    expect(expandPncYear(27, 2026)).toBe(1927);
    expect(expandPncYear(0, 2026)).toBe(2000);
    expect(expandPncYear(99, 2026)).toBe(1999);
    // At a century turn: in 2000 only 00 is 20xx.
    expect(expandPncYear(0, 2000)).toBe(2000);
    expect(expandPncYear(1, 2000)).toBe(1901);
  });

  it('applies the window when checking, with the same check letter in either century', () => {
    // 03/12345N in 2002: 03 > 02 so it is 1903; the check uses only "03", so N is still right.
    expect(checkPncId('03/12345N', { currentYear: 2002 })).toEqual({ ok: true, value: '1903/0012345N' });
    expect(checkPncId('03/12345N', { currentYear: 2003 })).toEqual({ ok: true, value: '2003/0012345N' });
  });

  it('refuses a 4-digit year outside the window', () => {
    // In 2026 the window is 1927..2026. 2030: future. 1926: 27/... would mean 1927, so 1926 cannot be written as 2 digits.
    // The letter does not matter here: the year is refused before the letter is looked at.
    expect(checkPncId('2030/0000001L', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/2030 is in the future/) });
    expect(checkPncId('1926/0000001L', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/between 1927 and 2026/) });
    // 1927/0000001L is the oldest accepted year: 270000001 = 23 * 11739130 + 11 -> L.
    expect(checkPncId('1927/0000001L', in2026)).toEqual({ ok: true, value: '1927/0000001L' });
  });

  it('insists on a 4-digit current year (a programming error otherwise)', () => {
    expect(() => checkPncId('2003/0012345N', { currentYear: 26 })).toThrow(RangeError);
    expect(() => checkPncId('2003/0012345N', { currentYear: 2026.5 })).toThrow(RangeError);
  });
});

describe('PNC ID input forms', () => {
  it('accepts lowercase, spaces, short serials and a 2-digit year, giving YYYY/NNNNNNNC', () => {
    for (const typed of ['2003/0012345N', '2003/12345N', '03/12345n', ' 03/0012345N ', '2003 / 12345 n', '2003 12345N', '03 0012345 N']) {
      expect(checkPncId(typed, in2026)).toEqual({ ok: true, value: '2003/0012345N' });
    }
  });

  it('splits year and serial without a / when only one split makes sense', () => {
    // 030012345N: 9 digits -> 03 + 0012345 (0300 is not a year in the window, so no other reading).
    expect(checkPncId('030012345N', in2026)).toEqual({ ok: true, value: '2003/0012345N' });
    // 11 digits: only 2003 + 0012345.
    expect(checkPncId('20030012345n', in2026)).toEqual({ ok: true, value: '2003/0012345N' });
    // 120000003 -> 23 * 5217391 = 119999993; remainder 10 -> K. "123K": 3 digits -> 12 + 3 -> 2012/0000003K.
    expect(checkPncId('123K', in2026)).toEqual({ ok: true, value: '2012/0000003K' });
  });

  it('refuses a run of digits that reads two ways, and shows both', () => {
    // 200012345X: 20/0012345 (-> 2020/0012345X) or 2000/12345 (-> 2000/0012345X). Only the first has the
    // right letter (X, see above; 2000/0012345 would be 12345 mod 23 = 17 -> T), but it is not guessed.
    expect(checkPncId('200012345X', in2026)).toEqual({
      ok: false,
      reason: 'PNC ID 200012345X could be read as 2020/0012345X or 2000/0012345X: put a / after the year',
    });
    expect(checkPncId('20/0012345X', in2026)).toEqual({ ok: true, value: '2020/0012345X' });
    expect(checkPncId('2000/12345T', in2026)).toEqual({ ok: true, value: '2000/0012345T' });
  });
});

describe('PNC ID invalid input', () => {
  it('refuses a wrong check letter without revealing the right one', () => {
    // 2003/0012345 needs N (13); P is 14. I, O and S are never check letters.
    for (const typed of ['2003/0012345P', '2003/0012345I', '2003/0012345O']) {
      expect(checkPncId(typed, in2026)).toEqual({
        ok: false,
        reason: 'PNC ID is not valid: the check letter does not match. Check it has been copied correctly',
      });
    }
  });

  it('says which part is wrong', () => {
    expect(checkPncId('', in2026)).toEqual({ ok: false, reason: 'Enter a PNC ID' });
    expect(checkPncId('  ', in2026)).toEqual({ ok: false, reason: 'Enter a PNC ID' });
    // 8-digit serial.
    expect(checkPncId('2003/00123456N', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/1 to 7 digits \(you entered 8\)/) });
    // 3-digit year.
    expect(checkPncId('203/12345N', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/2 or 4 digits \(you entered 3\)/) });
    // No check letter.
    expect(checkPncId('2003/0012345', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/end with a check letter/) });
    // Hyphen, or any other punctuation.
    expect(checkPncId('2003-0012345N', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/only digits, a \/ and a final check letter/) });
    // Letters in the wrong place.
    expect(checkPncId('AB/12345N', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/must be a year, an optional \//) });
    // Compact runs too short (2 digits: no room for a serial) and too long (12 digits).
    expect(checkPncId('12N', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/too short/) });
    expect(checkPncId('200300123456N', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/too long/) });
    // 10 compact digits must be YYYY + 6, and 0300 is not a year in the window.
    expect(checkPncId('0300123456N', in2026)).toMatchObject({ ok: false, reason: expect.stringMatching(/year 0300 must be between 1927 and 2026/) });
  });
});

describe('PNC ID properties', () => {
  const year = fc.integer({ min: 1927, max: 2026 });
  const serial = fc.integer({ min: 0, max: 9_999_999 });

  it('accepts every canonical ID with its computed letter and round-trips it', () => {
    fc.assert(
      fc.property(year, serial, (y, s) => {
        const canonical = formatPncId(y, s, pncCheckLetter(y, s));
        expect(checkPncId(canonical, in2026)).toEqual({ ok: true, value: canonical });
        expect(checkPncId(canonical.slice(2).toLowerCase(), in2026)).toEqual({ ok: true, value: canonical });
      }),
    );
  });

  it('catches every single-digit change in the serial (23 is prime and shares no factor with 10)', () => {
    fc.assert(
      fc.property(year, serial, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (y, s, pos, delta) => {
        const canonical = formatPncId(y, s, pncCheckLetter(y, s));
        const i = 5 + pos;
        const changed = canonical.slice(0, i) + String((Number(canonical[i]) + delta) % 10) + canonical.slice(i + 1);
        expect(checkPncId(changed, in2026).ok).toBe(false);
      }),
    );
  });
});

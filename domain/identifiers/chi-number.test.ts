import { describe, expect, it } from 'vitest';
import { checkChiNumber, chiMismatches, formatChiNumber } from './chi-number';

describe('CHI number', () => {
  it('accepts 140 745 1235: born 14/07/45, male', () => {
    // Date part 140745 = 14 July (19)45. 9th digit 3 is odd -> male.
    // Check digit: 1*10 + 4*9 + 0*8 + 7*7 + 4*6 + 5*5 + 1*4 + 2*3 + 3*2 = 160; 160 mod 11 = 6; 11 - 6 = 5: matches.
    expect(checkChiNumber('1407451235')).toEqual({
      ok: true,
      value: '1407451235',
      birthDate: { day: 14, month: 7, twoDigitYear: 45 },
      sex: 'male',
    });
    // Spaces and hyphens as typed or pasted are stripped, as for an NHS number.
    expect(checkChiNumber(' 140 745 1235 ')).toMatchObject({ ok: true, value: '1407451235' });
    expect(checkChiNumber('140745-1235')).toMatchObject({ ok: true, value: '1407451235' });
  });

  it('reads an even 9th digit as female', () => {
    // 140745124: 1*10 + 4*9 + 0 + 7*7 + 4*6 + 5*5 + 1*4 + 2*3 + 4*2 = 162; 162 mod 11 = 8; 11 - 8 = 3 -> 1407451243.
    // 9th digit 4 is even -> female.
    expect(checkChiNumber('1407451243')).toMatchObject({ ok: true, sex: 'female' });
    // 150880232: 1*10 + 5*9 + 0 + 8*7 + 8*6 + 0 + 2*4 + 3*3 + 2*2 = 180; 180 mod 11 = 4; 11 - 4 = 7 -> 1508802327.
    // 9th digit 2 is even -> female; born 15/08/80.
    expect(checkChiNumber('1508802327')).toMatchObject({ ok: true, sex: 'female', birthDate: { day: 15, month: 8, twoDigitYear: 80 } });
  });

  it('treats remainder 0 (check 11) as check digit 0', () => {
    // 311299123 (31 Dec 99): 3*10 + 1*9 + 1*8 + 2*7 + 9*6 + 9*5 + 1*4 + 2*3 + 3*2 = 176; 176 mod 11 = 0 -> 11 -> 0.
    expect(checkChiNumber('3112991230')).toMatchObject({ ok: true, birthDate: { day: 31, month: 12, twoDigitYear: 99 } });
  });

  it('refuses a first nine digits whose check digit would be 10, whatever the 10th digit', () => {
    // 290200124: 2*10 + 9*9 + 0 + 2*7 + 0 + 0 + 1*4 + 2*3 + 4*2 = 133; 133 mod 11 = 1; 11 - 1 = 10 -> no valid CHI.
    for (let d = 0; d <= 9; d++) {
      expect(checkChiNumber(`290200124${d}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/check digit/) });
    }
  });

  it('refuses a wrong check digit with a message that says so', () => {
    // 1407451235 is valid (above); changing the last digit to 6 breaks the check.
    expect(checkChiNumber('1407451236')).toMatchObject({ ok: false, reason: expect.stringMatching(/check digit does not match/) });
  });

  it('requires the first six digits to be a real calendar date DDMMYY', () => {
    // 31 February never exists; month 13 and day 00 neither. Check digits here are irrelevant: the date is tested first.
    expect(checkChiNumber('3102451235')).toMatchObject({ ok: false, reason: expect.stringMatching(/31\/02\/45 is not a real date/) });
    expect(checkChiNumber('0113451235')).toMatchObject({ ok: false, reason: expect.stringMatching(/01\/13\/45 is not a real date/) });
    expect(checkChiNumber('0007451235')).toMatchObject({ ok: false, reason: expect.stringMatching(/00\/07\/45 is not a real date/) });
    // 31 April: April has 30 days.
    expect(checkChiNumber('3104451235')).toMatchObject({ ok: false, reason: expect.stringMatching(/DDMMYY/) });
  });

  it('accepts 29 February only when YY could be a leap year (00 counts: 2000 was one)', () => {
    // 290200123: 2*10 + 9*9 + 0 + 2*7 + 0 + 0 + 1*4 + 2*3 + 3*2 = 131; 131 mod 11 = 10; 11 - 10 = 1 -> 2902001231.
    expect(checkChiNumber('2902001231')).toMatchObject({ ok: true, birthDate: { day: 29, month: 2, twoDigitYear: 0 } });
    // 290201123: 2*10 + 9*9 + 0*8 + 2*7 + 0*6 + 1*5 + 1*4 + 2*3 + 3*2 = 136; 136 mod 11 = 4; 11 - 4 = 7 -> 2902011237:
    // the check digit is right but neither 1901 nor 2001 was a leap year.
    expect(checkChiNumber('2902011237')).toMatchObject({ ok: false, reason: expect.stringMatching(/29\/02\/01 is not a real date/) });
  });

  it('refuses wrong lengths and non-digits with their own messages', () => {
    expect(checkChiNumber('')).toEqual({ ok: false, reason: 'Enter a CHI number' });
    expect(checkChiNumber('   ')).toEqual({ ok: false, reason: 'Enter a CHI number' });
    expect(checkChiNumber('14074512A5')).toEqual({ ok: false, reason: 'CHI number must contain only digits' });
    expect(checkChiNumber('14074512355')).toMatchObject({ ok: false, reason: expect.stringMatching(/10 digits \(you entered 11\)$/) });
    // 9 digits: 0101000006 with its leading zero dropped by a spreadsheet -> hint about the lost 0.
    expect(checkChiNumber('101000006')).toMatchObject({ ok: false, reason: expect.stringMatching(/you entered 9\).*leading 0/) });
  });

  it('formats 3-3-4 like an NHS number', () => {
    expect(formatChiNumber('1407451235')).toBe('140 745 1235');
    expect(formatChiNumber('14074')).toBe('140 74');
  });
});

describe('CHI consistency with a recorded date of birth and sex', () => {
  // 1407451235: born 14/07/45, male (see above).
  it('returns no messages when they agree, in either century', () => {
    expect(chiMismatches('1407451235', { birthDate: '1945-07-14', sex: 'male' })).toEqual([]);
    // The century is not in the CHI: 2045-07-14 agrees with DDMMYY 140745 just as well.
    expect(chiMismatches('1407451235', { birthDate: '2045-07-14', sex: 'male' })).toEqual([]);
  });

  it('does not compare what is not known', () => {
    expect(chiMismatches('1407451235', {})).toEqual([]);
    expect(chiMismatches('1407451235', { birthDate: null, sex: null })).toEqual([]);
    // A recorded date of birth that is not a real date cannot be compared.
    expect(chiMismatches('1407451235', { birthDate: '1945-02-30' })).toEqual([]);
  });

  it('reports a different day, month or two-digit year', () => {
    expect(chiMismatches('1407451235', { birthDate: '1945-07-15' })).toEqual([
      'The CHI number gives a date of birth of 14/07/45 but the recorded date of birth is 15-Jul-1945',
    ]);
    // Same day and month, different two-digit year (46 vs 45).
    expect(chiMismatches('1407451235', { birthDate: '1946-07-14' })).toHaveLength(1);
    // Different day only (07 vs 14).
    expect(chiMismatches('1407451235', { birthDate: '1945-07-07' })).toHaveLength(1);
  });

  it('reports a sex that differs from the 9th digit', () => {
    // 9th digit 3 -> male at birth; recorded female.
    expect(chiMismatches('1407451235', { birthDate: '1945-07-14', sex: 'female' })).toEqual([
      "The CHI number's 9th digit (3) is odd, meaning male at birth, but the recorded sex is female",
    ]);
    // 1407451243: 9th digit 4 -> female; recorded male, and the date differs too -> two messages.
    expect(chiMismatches('1407451243', { birthDate: '1950-01-01', sex: 'male' })).toHaveLength(2);
  });

  it('returns the reason when the CHI number itself is not valid', () => {
    expect(chiMismatches('1407451236', { birthDate: '1945-07-14' })).toEqual([
      'CHI number is not valid: the check digit does not match. Check it has been copied correctly',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { findBirthDate, parseTypedBirthDate } from './typed-birth-date';

describe('typed dates of birth', () => {
  it('reads day-first dates with two- or four-digit years', () => {
    expect(parseTypedBirthDate('3/4/88', '2026-11-23')).toBe('1988-04-03');
    expect(parseTypedBirthDate('03-04-1988', '2026-11-23')).toBe('1988-04-03');
    expect(parseTypedBirthDate('3.4.88', '2026-11-23')).toBe('1988-04-03');
  });

  it('puts a two-digit year in the most recent century that is not in the future', () => {
    expect(parseTypedBirthDate('1/1/26', '2026-11-23')).toBe('2026-01-01');
    expect(parseTypedBirthDate('1/1/27', '2026-11-23')).toBe('1927-01-01');
  });

  it('reads month names, abbreviated or whole, with ordinals', () => {
    expect(parseTypedBirthDate('3 April 1988', '2026-11-23')).toBe('1988-04-03');
    expect(parseTypedBirthDate('3rd of Apr 88', '2026-11-23')).toBe('1988-04-03');
    expect(parseTypedBirthDate('14-Jul-1945', '2026-11-23')).toBe('1945-07-14');
    expect(parseTypedBirthDate('30 Sept 1970', '2026-11-23')).toBe('1970-09-30');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    expect(parseTypedBirthDate('31/02/1990', '2026-11-23')).toBeNull();
    expect(parseTypedBirthDate('29/2/23', '2026-11-23')).toBeNull();
    expect(parseTypedBirthDate('3 Marchant 88', '2026-11-23')).toBeNull();
    expect(parseTypedBirthDate('03/12345N', '2026-11-23')).toBeNull();
  });

  it('finds a date inside other words and gives back the rest', () => {
    expect(findBirthDate('smith 3/4/88 john', '2026-11-23')).toEqual({ birthDate: '1988-04-03', rest: 'smith john' });
    expect(findBirthDate('smith', '2026-11-23')).toBeNull();
  });
});

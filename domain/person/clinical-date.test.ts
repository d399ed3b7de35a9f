import { describe, expect, it } from 'vitest';
import { ageOn, formatClinicalDate, parseIsoDate, parseTypedDate } from './clinical-date';
import { bannerName } from './person-name';

describe('clinical dates', () => {
  it('formats dd-Mmm-yyyy', () => {
    expect(formatClinicalDate('1945-07-14')).toBe('14-Jul-1945');
    expect(formatClinicalDate('not a date')).toBe('Not known');
  });

  it('rejects impossible calendar dates', () => {
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseTypedDate('29/02/2023')).toBeNull();
  });

  it('computes age in whole years, turning on the birthday', () => {
    expect(ageOn('1945-07-14', '2026-07-13')).toBe(80);
    expect(ageOn('1945-07-14', '2026-07-14')).toBe(81);
  });

  it('writes the banner name FAMILY, Given (Title)', () => {
    expect(bannerName({ familyName: 'Smith', givenNames: 'John Paul', title: 'Mr' })).toBe('SMITH, John Paul (Mr)');
    expect(bannerName({ familyName: 'Smith', givenNames: '' })).toBe('SMITH');
  });
});

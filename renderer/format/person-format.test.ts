import { describe, expect, it } from 'vitest';
import { ageText, bornText, formatClinicalDateTime, localIsoDate, nhsNumberText, sexLabels } from './person-format';

describe('person formatting', () => {
  it('reads a date of birth as dd-Mmm-yyyy with age in years', () => {
    expect(bornText('1945-07-14', '2026-11-23')).toBe('14-Jul-1945 (81 years)');
    expect(bornText('1945-11-24', '2026-11-23')).toBe('24-Nov-1945 (80 years)');
  });

  it('gives young children their age in months or days', () => {
    expect(ageText('2025-05-23', '2026-11-23')).toBe('18 months');
    expect(ageText('2026-10-23', '2026-11-23')).toBe('1 month');
    expect(ageText('2026-11-20', '2026-11-23')).toBe('3 days');
    expect(ageText('2024-11-23', '2026-11-23')).toBe('2 years');
  });

  it('leaves the age out rather than showing a wrong one', () => {
    expect(ageText('2027-01-01', '2026-11-23')).toBeNull();
    expect(bornText('2027-01-01', '2026-11-23')).toBe('01-Jan-2027');
    expect(bornText('nonsense', '2026-11-23')).toBe('Not known');
  });

  it('shows NHS numbers 3-3-4 and says when there is none', () => {
    expect(nhsNumberText('9434765919')).toBe('943 476 5919');
    expect(nhsNumberText(null)).toBe('Not known');
  });

  it('names every sex in words, unknown as Not known', () => {
    expect(sexLabels.unknown).toBe('Not known');
    expect(sexLabels.female).toBe('Female');
  });

  it('formats local dates and times for clinical views', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    const local = new Date(2026, 6, 14, 9, 5);
    expect(formatClinicalDateTime(local.toISOString())).toBe('14-Jul-2026 09:05');
    expect(formatClinicalDateTime('garbage')).toBe('Not known');
  });
});

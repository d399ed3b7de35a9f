import { describe, expect, it } from 'vitest';
import { formatClinicalDateTime } from './clinical-time';

describe('clinical date-time text', () => {
  it('writes UK local time, across the clock change', () => {
    expect(formatClinicalDateTime('2026-01-15T09:05:00Z')).toBe('15-Jan-2026 09:05');
    expect(formatClinicalDateTime('2026-07-14T23:30:00Z')).toBe('15-Jul-2026 00:30');
    expect(formatClinicalDateTime('2026-03-29T00:59:00Z')).toBe('29-Mar-2026 00:59');
    expect(formatClinicalDateTime('2026-03-29T01:00:00Z')).toBe('29-Mar-2026 02:00');
  });

  it('says "Not known" for something that is not a time', () => {
    expect(formatClinicalDateTime('yesterday')).toBe('Not known');
  });
});

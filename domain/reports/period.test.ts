import { describe, expect, it } from 'vitest';
import { MAX_REPORT_DAYS, periodProblem, reportPeriod } from './period';

describe('report period', () => {
  it('runs from local midnight to the local midnight after the last day (GMT)', () => {
    expect(reportPeriod('2026-11-01', '2026-11-30')).toMatchObject({ startsAt: '2026-11-01T00:00:00.000Z', endsBefore: '2026-12-01T00:00:00.000Z', days: 30 });
  });

  it('uses British Summer Time midnights in summer', () => {
    expect(reportPeriod('2026-07-01', '2026-07-01')).toMatchObject({ startsAt: '2026-06-30T23:00:00.000Z', endsBefore: '2026-07-01T23:00:00.000Z', days: 1 });
  });

  it('spans the clock change: the last Sunday of October has 25 hours', () => {
    const p = reportPeriod('2026-10-25', '2026-10-25');
    expect(p.startsAt).toBe('2026-10-24T23:00:00.000Z');
    expect(p.endsBefore).toBe('2026-10-26T00:00:00.000Z');
  });

  it('refuses an end before the start and a period longer than the limit', () => {
    expect(periodProblem('2026-11-02', '2026-11-01')).toBe('end_before_start');
    expect(periodProblem('2025-01-01', '2026-12-31')).toBe('too_long');
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(() => reportPeriod('2026-11-02', '2026-11-01')).toThrow();
    expect(MAX_REPORT_DAYS).toBeGreaterThanOrEqual(366);
  });
});

import { describe, expect, it } from 'vitest';
import { lastFullMonth, periodQuery, readPeriod } from './kpi-period';

const NOW = new Date('2025-04-03T12:00:00Z');
const q = (from: [string, string, string], to: [string, string, string]) => ({
  'from-day': from[0],
  'from-month': from[1],
  'from-year': from[2],
  'to-day': to[0],
  'to-month': to[1],
  'to-year': to[2],
});

describe('the period a governance lead asks for', () => {
  it('is the last full calendar month in the UK when no dates are given', () => {
    expect(readPeriod({}, NOW)).toMatchObject({ ok: true, from: '2025-03-01', to: '2025-03-31' });
    expect(lastFullMonth(new Date('2025-01-15T10:00:00Z'))).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    // 00:30 BST on 1 June is still 31 May in UTC, but already June in the UK.
    expect(lastFullMonth(new Date('2025-05-31T23:30:00Z'))).toEqual({ from: '2025-05-01', to: '2025-05-31' });
    expect(lastFullMonth(new Date('2024-03-10T10:00:00Z'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('reads two typed dates, with spaces and without leading zeros', () => {
    expect(readPeriod(q([' 1', '3', '2025'], ['31', '03', '2025 ']), NOW)).toMatchObject({ ok: true, from: '2025-03-01', to: '2025-03-31' });
  });

  it('names each problem at its field, in words a person can act on', () => {
    const problems = (query: object) => {
      const r = readPeriod(query, NOW);
      return r.ok ? [] : r.problems.map((p) => [p.field, p.parts.join(' '), p.message]);
    };
    expect(problems(q(['', '', ''], ['31', '3', '2025']))).toEqual([['from', 'day month year', 'Enter the start date']]);
    expect(problems(q(['1', '', '2025'], ['31', '3', '']))).toEqual([
      ['from', 'month', 'The start date must include a month'],
      ['to', 'year', 'The end date must include a year'],
    ]);
    expect(problems(q(['31', '2', '2025'], ['1', '3', '2025']))).toEqual([['from', 'day month year', 'The start date must be a real date']]);
    expect(problems(q(['1', 'March', '2025'], ['1', '3', '2025']))).toEqual([['from', 'month', 'The start date must be a real date, written in numbers']]);
    expect(problems(q(['1', '3', '25'], ['1', '3', '2025']))).toEqual([['from', 'year', 'Year must include 4 numbers']]);
    expect(problems(q(['2', '3', '2025'], ['1', '3', '2025']))).toEqual([['to', 'day month year', 'The end date must be the same as or after the start date']]);
    expect(problems(q(['4', '4', '2025'], ['5', '4', '2025']))).toEqual([['from', 'day month year', 'The start date must be today or in the past']]);
    expect(problems(q(['1', '1', '2024'], ['31', '3', '2025']))).toEqual([['to', 'day month year', 'The period must be 400 days or shorter (this one is 456 days)']]);
  });

  it('treats a repeated or odd query parameter as text it cannot read, never as a crash', () => {
    expect(readPeriod({ 'from-day': ['1', '2'], 'from-month': '3', 'from-year': '2025', 'to-day': '1', 'to-month': '3', 'to-year': '2025' }, NOW)).toMatchObject({
      ok: false,
      problems: [{ field: 'from', message: 'The start date must include a day' }],
    });
    expect(readPeriod(null, NOW)).toMatchObject({ ok: true });
  });

  it('writes the period back as the query string the page reads', () => {
    expect(readPeriod(Object.fromEntries(new URLSearchParams(periodQuery('2025-03-01', '2025-03-31'))), NOW)).toMatchObject({ ok: true, from: '2025-03-01', to: '2025-03-31' });
  });
});

import { describe, expect, it } from 'vitest';
import { isOverdue, relativeDays, relativeDue } from './relative-due';

// Local times: the text is about the user's calendar days.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

describe('relative due text', () => {
  const now = at(2026, 11, 23, 14, 5);

  it('counts calendar days ahead', () => {
    expect(relativeDue(at(2026, 11, 30, 9).toISOString(), now)).toBe('due in 7 days');
    expect(relativeDue(at(2026, 11, 26, 0, 1).toISOString(), now)).toBe('due in 3 days');
    expect(relativeDue(at(2026, 11, 24, 8).toISOString(), now)).toBe('due tomorrow');
  });

  it('says overdue, by how many days', () => {
    expect(relativeDue(at(2026, 11, 21, 23, 59).toISOString(), now)).toBe('overdue by 2 days');
    expect(relativeDue(at(2026, 11, 22, 15).toISOString(), now)).toBe('overdue by 1 day');
  });

  it('is exact about today', () => {
    expect(relativeDue(at(2026, 11, 23, 16, 30).toISOString(), now)).toBe('due today at 16:30');
    expect(relativeDue(at(2026, 11, 23, 9, 0).toISOString(), now)).toBe('overdue since 09:00 today');
    expect(isOverdue(at(2026, 11, 23, 9).toISOString(), now)).toBe(true);
    expect(isOverdue(at(2026, 11, 23, 16).toISOString(), now)).toBe(false);
  });

  it('does not pretend to know a bad date', () => {
    expect(relativeDue('not a date', now)).toBe('due date not known');
    expect(isOverdue('not a date', now)).toBe(false);
  });

  it('says how long ago', () => {
    expect(relativeDays(at(2026, 11, 23, 1).toISOString(), now)).toBe('today');
    expect(relativeDays(at(2026, 11, 22, 23).toISOString(), now)).toBe('yesterday');
    expect(relativeDays(at(2026, 11, 20).toISOString(), now)).toBe('3 days ago');
  });
});

import { describe, expect, it } from 'vitest';
import { lastMonth } from './report-values';

describe('the reports screen default period', () => {
  it('is last month, across a year end', () => {
    const { from, to } = lastMonth(new Date(2027, 0, 15));
    expect([from.getFullYear(), from.getMonth(), from.getDate()]).toEqual([2026, 11, 1]);
    expect([to.getFullYear(), to.getMonth(), to.getDate()]).toEqual([2026, 11, 31]);
  });
});

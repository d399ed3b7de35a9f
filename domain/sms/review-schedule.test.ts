import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  DEFAULT_REVIEW_TIMERS as T,
  endOfSiteDay,
  nextReview,
  reviewPlan,
  reviewTimersSchema,
  scheduledReview,
  siteDateOf,
} from './review-schedule';

describe('review schedule: worked examples', () => {
  it('a treatment started on 1 Dec 2026: 5-day on 6 Dec, 28-day on 29 Dec, 13-week on 2 Mar 2027, then every 13 weeks', () => {
    expect(reviewPlan('2026-12-01', T, 4).map((r) => [r.step, r.label, r.dueOn])).toEqual([
      [0, '5-day review', '2026-12-06'],
      [1, '28-day review', '2026-12-29'],
      [2, '13-week review', '2027-03-02'],
      [3, '26-week review', '2027-06-01'],
    ]);
  });

  it('completing one schedules the next, anchored to the start, not to when the last was done', () => {
    expect(nextReview('2026-12-01', null, T).label).toBe('5-day review');
    expect(nextReview('2026-12-01', 0, T)).toMatchObject({ step: 1, dueOn: '2026-12-29' });
    expect(nextReview('2026-12-01', 1, T)).toMatchObject({ step: 2, dueOn: '2027-03-02' });
    expect(nextReview('2026-12-01', 5, T)).toMatchObject({ step: 6, label: '65-week review', dueOn: addCalendarDays('2026-12-01', 65 * 7) });
  });

  it('crosses month ends and year ends by the calendar', () => {
    expect(scheduledReview('2026-01-31', 1, T).dueOn).toBe('2026-02-28');
    expect(scheduledReview('2026-01-27', 0, T).dueOn).toBe('2026-02-01');
    expect(scheduledReview('2026-12-30', 0, T).dueOn).toBe('2027-01-04');
    expect(scheduledReview('2026-11-30', 2, T).dueOn).toBe('2027-03-01');
  });

  it('counts the leap day', () => {
    expect(scheduledReview('2028-02-01', 1, T).dueOn).toBe('2028-02-29');
    expect(scheduledReview('2028-02-25', 0, T).dueOn).toBe('2028-03-01');
    expect(scheduledReview('2027-02-25', 0, T).dueOn).toBe('2027-03-02');
    expect(scheduledReview('2028-02-29', 1, T).dueOn).toBe('2028-03-28');
    expect(calendarDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('is overdue from the end of its day in London, across the clock changes', () => {
    // Winter: midnight London is midnight UTC.
    expect(scheduledReview('2026-12-01', 0, T).overdueFrom).toBe('2026-12-07T00:00:00.000Z');
    // Summer (BST): midnight London is 23:00 UTC the day before.
    expect(endOfSiteDay('2026-07-14')).toBe('2026-07-14T23:00:00.000Z');
    // Due on the day the clocks go forward (29 Mar 2026): that day has 23 hours.
    expect(endOfSiteDay('2026-03-29')).toBe('2026-03-29T23:00:00.000Z');
    expect(endOfSiteDay('2026-03-28')).toBe('2026-03-29T00:00:00.000Z');
    // Due on the day the clocks go back (25 Oct 2026): 25 hours.
    expect(endOfSiteDay('2026-10-25')).toBe('2026-10-26T00:00:00.000Z');
    expect(endOfSiteDay('2026-10-24')).toBe('2026-10-24T23:00:00.000Z');
    // Started the week of the change: the due day is the same calendar day either way.
    expect(scheduledReview('2026-03-26', 0, T).dueOn).toBe('2026-03-31');
  });

  it('takes the start date in London: 00:30 BST on 1 April is 1 April, not 31 March', () => {
    expect(siteDateOf('2026-03-31T23:30:00Z')).toBe('2026-04-01');
    expect(siteDateOf('2026-12-31T23:30:00Z')).toBe('2026-12-31');
    expect(siteDateOf(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
  });

  it('uses the site timers, labelled by them', () => {
    const site = { firstReviewDays: 7, secondReviewDays: 42, intervalWeeks: 12 };
    expect(reviewPlan('2026-12-01', site).map((r) => `${r.label} ${r.dueOn}`)).toEqual(['7-day review 2026-12-08', '42-day review 2027-01-12', '12-week review 2027-02-23']);
  });

  it('refuses timers that would put the reviews out of order, and impossible dates', () => {
    expect(reviewTimersSchema.safeParse(T).success).toBe(true);
    expect(reviewTimersSchema.safeParse({ ...T, secondReviewDays: 5 }).success).toBe(false);
    expect(reviewTimersSchema.safeParse({ ...T, intervalWeeks: 4 }).success).toBe(false);
    expect(reviewTimersSchema.safeParse({ ...T, firstReviewDays: 0 }).success).toBe(false);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(/real date/);
    expect(() => scheduledReview('2026-12-01', -1, T)).toThrow();
  });
});

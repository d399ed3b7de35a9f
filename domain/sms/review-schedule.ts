// When a person in substance-misuse treatment is due for review (the SMS Toolkit pathway):
// a first review after the stabilisation days (default 5), a second after 28 days (the maintain or
// detox decision), then every 13 weeks while treatment goes on. The timers are site settings; a
// treatment keeps the timers it started with, so a later change of setting never moves a schedule
// silently.
//
// Every review is anchored to the treatment's start date, not to when the previous review was done:
// a late 5-day review does not push the 28-day review back. A review is due ON a calendar day (the
// site's time zone, Europe/London) and becomes overdue when that day ends there, whatever the clock
// change does to the hours in between. Pure: dates in, dates out.
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { UK_TIME_ZONE } from '../person/clinical-time';

export const reviewTimersSchema = z
  .object({
    /** Days from the start to the first (stabilisation) review. */
    firstReviewDays: z.number().int().min(1).max(60),
    /** Days from the start to the second review (maintain or detox). */
    secondReviewDays: z.number().int().min(2).max(180),
    /** Weeks between reviews after the second, counted from the start. */
    intervalWeeks: z.number().int().min(1).max(52),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.secondReviewDays <= t.firstReviewDays) {
      ctx.addIssue({ code: 'custom', path: ['secondReviewDays'], message: 'the second review must come after the first' });
    }
    if (t.intervalWeeks * 7 <= t.secondReviewDays) {
      ctx.addIssue({ code: 'custom', path: ['intervalWeeks'], message: 'the first interval review must come after the second review' });
    }
  });
export type ReviewTimers = z.infer<typeof reviewTimersSchema>;

export const DEFAULT_REVIEW_TIMERS: ReviewTimers = { firstReviewDays: 5, secondReviewDays: 28, intervalWeeks: 13 };

export interface ScheduledReview {
  /** 0 the first review, 1 the second, 2 the first interval review, and so on. */
  step: number;
  /** "5-day review", "28-day review", "13-week review", "26-week review"... */
  label: string;
  /** The day it is due (yyyy-mm-dd, the site's calendar). */
  dueOn: string;
  /** The instant it becomes overdue: the end of `dueOn` in the site's time zone. */
  overdueFrom: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a yyyy-mm-dd date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`not a real date: ${date}`);
  return ms / DAY_MS;
}

/** A calendar date plus whole days (calendar arithmetic: no time zone, no clock change). */
export function addCalendarDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date of an instant in the site's time zone (00:30 BST on 1 April is 1 April). */
export function siteDateOf(instant: Date | string, timeZone: string = UK_TIME_ZONE): string {
  const d = new TZDate(typeof instant === 'string' ? Date.parse(instant) : instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The instant a day ends in the site's time zone (its next midnight there), as ISO UTC. */
export function endOfSiteDay(date: string, timeZone: string = UK_TIME_ZONE): string {
  const next = addCalendarDays(date, 1);
  const [y, m, d] = next.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime()).toISOString();
}

/** Days from the start at which review `step` falls due. */
export function reviewOffsetDays(step: number, timers: ReviewTimers): number {
  if (!Number.isInteger(step) || step < 0) throw new Error(`review step must be a whole number from 0: ${step}`);
  if (step === 0) return timers.firstReviewDays;
  if (step === 1) return timers.secondReviewDays;
  return timers.intervalWeeks * 7 * (step - 1);
}

export function reviewLabel(step: number, timers: ReviewTimers): string {
  if (step === 0) return `${timers.firstReviewDays}-day review`;
  if (step === 1) return `${timers.secondReviewDays}-day review`;
  return `${timers.intervalWeeks * (step - 1)}-week review`;
}

/** Review `step` of a treatment that started on `startedOn`. */
export function scheduledReview(startedOn: string, step: number, timers: ReviewTimers, timeZone: string = UK_TIME_ZONE): ScheduledReview {
  const dueOn = addCalendarDays(startedOn, reviewOffsetDays(step, timers));
  return { step, label: reviewLabel(step, timers), dueOn, overdueFrom: endOfSiteDay(dueOn, timeZone) };
}

/** The first `count` reviews of a treatment: the plan shown when it starts. */
export function reviewPlan(startedOn: string, timers: ReviewTimers, count = 3, timeZone: string = UK_TIME_ZONE): ScheduledReview[] {
  return Array.from({ length: count }, (_, step) => scheduledReview(startedOn, step, timers, timeZone));
}

/** The review after `completedStep` (null: none done yet): completing one schedules the next. */
export function nextReview(startedOn: string, completedStep: number | null, timers: ReviewTimers, timeZone: string = UK_TIME_ZONE): ScheduledReview {
  return scheduledReview(startedOn, completedStep === null ? 0 : completedStep + 1, timers, timeZone);
}

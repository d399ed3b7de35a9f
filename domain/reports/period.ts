// A report's period: whole days, from the first to the last inclusive, in the site's time zone.
// A day in Europe/London is 23, 24 or 25 hours long, so the period's edges are the local
// midnights as instants (UTC), not "from + 24 h x days": a detention that began at 00:30 BST on
// the first day counts in the period, one at 23:30 UTC the day before does not.
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';
import { UK_TIME_ZONE } from '../person/clinical-time';

/** The longest period a report covers in one run (a year and a bit: a financial year with its edges). */
export const MAX_REPORT_DAYS = 400;

export interface ReportPeriod {
  /** yyyy-mm-dd, the first day. */
  from: string;
  /** yyyy-mm-dd, the last day (inclusive). */
  to: string;
  /** The local midnight starting `from`, as an ISO instant in UTC. */
  startsAt: string;
  /** The local midnight after `to` (exclusive), as an ISO instant in UTC. */
  endsBefore: string;
  days: number;
}

function localMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime());
}

export type PeriodProblem = 'end_before_start' | 'too_long';

export function periodProblem(from: string, to: string): PeriodProblem | null {
  const days = differenceInCalendarDays(parseISO(to), parseISO(from)) + 1;
  if (days < 1) return 'end_before_start';
  if (days > MAX_REPORT_DAYS) return 'too_long';
  return null;
}

/** The period from `from` to `to` inclusive; the caller has checked periodProblem is null. */
export function reportPeriod(from: string, to: string, timeZone: string = UK_TIME_ZONE): ReportPeriod {
  const problem = periodProblem(from, to);
  if (problem) throw new Error(`report period ${from}..${to}: ${problem}`);
  const dayAfter = addDays(parseISO(to), 1);
  const next = `${dayAfter.getFullYear()}-${String(dayAfter.getMonth() + 1).padStart(2, '0')}-${String(dayAfter.getDate()).padStart(2, '0')}`;
  return {
    from,
    to,
    startsAt: localMidnight(from, timeZone).toISOString(),
    endsBefore: localMidnight(next, timeZone).toISOString(),
    days: differenceInCalendarDays(parseISO(to), parseISO(from)) + 1,
  };
}

// Due dates read as a date and, beside it, how far away they are: "due in 3 days",
// "overdue by 2 days". Counted in calendar days where the user is, so a task due tomorrow
// morning reads "due tomorrow" at 23:00 as well as at 08:00.
import { differenceInCalendarDays, format, isValid } from 'date-fns';

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

export function isOverdue(dueAt: string, now: Date): boolean {
  const due = new Date(dueAt);
  return isValid(due) && due.getTime() < now.getTime();
}

/** "due in 3 days", "due tomorrow", "due today at 14:00", "overdue since 09:00 today", "overdue by 2 days". */
export function relativeDue(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  if (!isValid(due)) return 'due date not known';
  const diff = differenceInCalendarDays(due, now);
  if (diff === 0) return due.getTime() < now.getTime() ? `overdue since ${format(due, 'HH:mm')} today` : `due today at ${format(due, 'HH:mm')}`;
  if (diff === 1) return 'due tomorrow';
  if (diff > 1) return `due in ${days(diff)}`;
  return `overdue by ${days(-diff)}`;
}

/** "3 days ago", "today", "in 2 days": how long since (or until) an instant, in calendar days. */
export function relativeDays(timestamp: string, now: Date): string {
  const at = new Date(timestamp);
  if (!isValid(at)) return '';
  const diff = differenceInCalendarDays(now, at);
  if (diff === 0) return 'today';
  if (diff === 1) return 'yesterday';
  if (diff > 1) return `${days(diff)} ago`;
  return diff === -1 ? 'tomorrow' : `in ${days(-diff)}`;
}

// How a protected figure reads, the same on the page and in the CSV, and the dates the page shows
// (UK local time, written out as NHS.UK writes dates: 1 March 2025).
import type { KpiRowView } from './kpi-tables';
import type { ProtectedCell } from './small-counts';

export const MARKS = {
  small: { text: '<5', meaning: 'a count of 1 to 4, hidden so that nobody can be identified' },
  hidden: { text: '*', meaning: 'hidden so that a count under 5 cannot be worked out from the other figures, or measured over fewer than 5 stays' },
  none: { text: '–', meaning: 'nothing to measure' },
} as const;

/** The figure as text; `plain` for the CSV (no thousands separators, nothing to measure left empty). */
export function cellText(cell: ProtectedCell, unit: KpiRowView['unit'], plain = false): string {
  if (cell.state === 'small') return MARKS.small.text;
  if (cell.state === 'hidden') return MARKS.hidden.text;
  if (cell.state === 'none' || cell.value === null) return plain ? '' : MARKS.none.text;
  if (unit === 'percent') return plain ? cell.value.toFixed(1) : `${cell.value.toFixed(1)}%`;
  const whole = Math.round(cell.value);
  return plain ? String(whole) : whole.toLocaleString('en-GB');
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A yyyy-mm-dd day as "1 March 2025". */
export function longDate(day: string): string {
  return dateFormat.format(new Date(`${day}T12:00:00Z`));
}

/** An instant as "14:02 on 3 April 2025" (UK time). */
export function longDateTime(at: Date): string {
  return `${timeFormat.format(at)} on ${dateFormat.format(at)}`;
}

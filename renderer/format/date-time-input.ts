// A date and time typed into the NHS date boxes plus a 24-hour time box, read as local time and
// sent as an ISO instant. Messages name the parts at fault, as the date of birth does.
import { format } from 'date-fns';
import { parseIsoDate } from '../../domain/person/clinical-date';

export interface DateTimeDraft {
  day: string;
  month: string;
  year: string;
  time: string;
}

export type DateTimePart = 'day' | 'month' | 'year' | 'time';

export type DateTimeCheck = { ok: true; iso: string } | { ok: false; message: string; parts: DateTimePart[] };

export function draftFromDate(d: Date): DateTimeDraft {
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()), time: format(d, 'HH:mm') };
}

export const emptyDateTime: DateTimeDraft = { day: '', month: '', year: '', time: '' };

/** "14:05", "1405", "14.05", "9:05" -> [14, 5]; null when it is not a 24-hour time. */
export function parseTime(text: string): [number, number] | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? [h, min] : null;
}

interface Options {
  /** What the date is of, in the message: "Date of arrival must include a year". */
  label: string;
  now: Date;
  /** Refuse a time more than a few minutes ahead of the clock (clinical events happen in the past). */
  notFuture?: boolean;
}

const GRACE_MS = 5 * 60 * 1000;

export function checkDateTime(draft: DateTimeDraft, { label, now, notFuture = true }: Options): DateTimeCheck {
  const d = draft.day.trim();
  const m = draft.month.trim();
  const y = draft.year.trim();
  const t = draft.time.trim();
  if (!d && !m && !y && !t) return { ok: false, message: `Enter the ${label.toLowerCase()}`, parts: ['day', 'month', 'year', 'time'] };
  const missing = (['day', 'month', 'year'] as const).filter((_, i) => [d, m, y][i] === '');
  if (missing.length > 0) return { ok: false, message: `${label} must include a ${missing.join(' and ')}`, parts: [...missing] };
  if (![d, m, y].every((v) => /^\d+$/.test(v)) || y.length !== 4 || parseIsoDate(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`) === null) {
    return { ok: false, message: `${label} must be a real date`, parts: ['day', 'month', 'year'] };
  }
  if (t === '') return { ok: false, message: `${label} must include a time, for example 14:05`, parts: ['time'] };
  const time = parseTime(t);
  if (!time) return { ok: false, message: 'Enter the time in 24-hour form, for example 14:05', parts: ['time'] };
  const at = new Date(Number(y), Number(m) - 1, Number(d), time[0], time[1]);
  if (notFuture && at.getTime() > now.getTime() + GRACE_MS) return { ok: false, message: `${label} must be now or in the past`, parts: ['day', 'month', 'year', 'time'] };
  return { ok: true, iso: at.toISOString() };
}

// The period the governance lead asks for: two dates typed as day, month and year (the NHS.UK date
// input), read from the page's query string. Every problem is named at its field in words a person
// can act on; nothing is guessed. With no dates at all the page shows the last full calendar month.
// Whole days in UK local time: the database turns the dates into local midnights (kpi-sql.ts).
import { z } from 'zod';

/** The longest period one page covers (a financial year with room either side), as at a site. */
export const MAX_PERIOD_DAYS = 400;

export type DateField = 'from' | 'to';
export type DatePart = 'day' | 'month' | 'year';

export interface PeriodFieldValues {
  from: Record<DatePart, string>;
  to: Record<DatePart, string>;
}

export interface PeriodProblem {
  field: DateField;
  /** The parts the message is about (each is marked on the page). */
  parts: DatePart[];
  message: string;
}

export type PeriodRequest =
  | { ok: true; from: string; to: string; values: PeriodFieldValues }
  | { ok: false; problems: PeriodProblem[]; values: PeriodFieldValues };

const text = z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 20) : ''), z.string());
const querySchema = z.object({
  'from-day': text,
  'from-month': text,
  'from-year': text,
  'to-day': text,
  'to-month': text,
  'to-year': text,
});

const NAMES: Record<DateField, string> = { from: 'start date', to: 'end date' };
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const isoDay = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Today's date in the UK (Europe/London), as numbers. */
export function ukToday(now: Date): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/** The last full calendar month before today (UK): what the page shows first. */
export function lastFullMonth(now: Date): { from: string; to: string } {
  const { y, m } = ukToday(now);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: isoDay(year, month, 1), to: isoDay(year, month, lastDay) };
}

function fieldsOf(iso: string): Record<DatePart, string> {
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y ?? '' };
}

function readDate(field: DateField, v: Record<DatePart, string>): { iso: string } | PeriodProblem {
  const name = NAMES[field];
  const missing = (['day', 'month', 'year'] as const).filter((p) => v[p] === '');
  if (missing.length === 3) return { field, parts: ['day', 'month', 'year'], message: `Enter the ${name}` };
  if (missing.length > 0) return { field, parts: missing, message: `The ${name} must include a ${missing.join(' and a ')}` };
  const bad = (['day', 'month', 'year'] as const).filter((p) => !/^\d+$/.test(v[p]));
  if (bad.length > 0) return { field, parts: bad, message: `The ${name} must be a real date, written in numbers` };
  if (v.year.length !== 4) return { field, parts: ['year'], message: 'Year must include 4 numbers' };
  const [y, m, d] = [Number(v.year), Number(v.month), Number(v.day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { field, parts: ['day', 'month', 'year'], message: `The ${name} must be a real date` };
  }
  if (y < 2000) return { field, parts: ['year'], message: `The ${name} must be in 2000 or later` };
  return { iso: isoDay(y, m, d) };
}

/** Reads the period from the query string; `now` decides the default period and what "the future" is. */
export function readPeriod(query: unknown, now: Date): PeriodRequest {
  const q = querySchema.parse(query ?? {});
  const values: PeriodFieldValues = {
    from: { day: q['from-day'], month: q['from-month'], year: q['from-year'] },
    to: { day: q['to-day'], month: q['to-month'], year: q['to-year'] },
  };
  if (Object.values(values.from).every((x) => x === '') && Object.values(values.to).every((x) => x === '')) {
    const period = lastFullMonth(now);
    return { ok: true, ...period, values: { from: fieldsOf(period.from), to: fieldsOf(period.to) } };
  }
  const from = readDate('from', values.from);
  const to = readDate('to', values.to);
  const problems = [from, to].filter((r): r is PeriodProblem => 'message' in r);
  if (problems.length > 0) return { ok: false, problems, values };
  const fromIso = (from as { iso: string }).iso;
  const toIso = (to as { iso: string }).iso;
  const { y, m, d } = ukToday(now);
  const today = isoDay(y, m, d);
  if (fromIso > today) return { ok: false, problems: [{ field: 'from', parts: ['day', 'month', 'year'], message: 'The start date must be today or in the past' }], values };
  if (toIso < fromIso) return { ok: false, problems: [{ field: 'to', parts: ['day', 'month', 'year'], message: 'The end date must be the same as or after the start date' }], values };
  const days = (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) {
    return { ok: false, problems: [{ field: 'to', parts: ['day', 'month', 'year'], message: `The period must be ${MAX_PERIOD_DAYS} days or shorter (this one is ${days} days)` }], values };
  }
  return { ok: true, from: fromIso, to: toIso, values };
}

/** The query string that asks for this period again (the CSV link, the page after a download). */
export function periodQuery(from: string, to: string): string {
  const f = fieldsOf(from);
  const t = fieldsOf(to);
  return new URLSearchParams({ 'from-day': f.day, 'from-month': f.month, 'from-year': f.year, 'to-day': t.day, 'to-month': t.month, 'to-year': t.year }).toString();
}

// A date of birth as people type it into the search box: 14/07/1945, 3/4/88, 14-Jul-1945,
// 3 April 1988, 3rd of April 88, 1945-07-14. Day first (UK). A two-digit year is the most recent
// such year not after today (a date of birth cannot be in the future): in 2026, 88 is 1988 and
// 05 is 2005. Only real calendar dates are accepted (no 31/02).
import { parseIsoDate, type IsoDate } from './clinical-date';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|sept|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';

/** Day, month and year in one of the accepted shapes; the lookarounds keep them whole (not part of a longer number). */
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/;
const ISO = /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/.-])/;
const WORDED = new RegExp(`(?<![\\w])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s./-]*(${MONTH_NAMES})\\.?,?[\\s./-]*(\\d{4}|\\d{2})(?![\\w])`, 'i');

export interface FoundDate {
  birthDate: IsoDate;
  /** The text with the date taken out. */
  rest: string;
}

function fullYear(text: string, today: IsoDate): number {
  const y = Number(text);
  if (text.length === 4) return y;
  const current = Number(today.slice(0, 4));
  const century = current - (current % 100);
  return y <= current % 100 ? century + y : century - 100 + y;
}

function iso(year: number, month: number, day: number): IsoDate | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(text) ? text : null;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

/** The first date of birth written anywhere in `text`, and the text without it; null when there is none. */
export function findBirthDate(text: string, today: IsoDate): FoundDate | null {
  const candidates: { index: number; length: number; date: IsoDate | null }[] = [];
  const isoMatch = ISO.exec(text);
  if (isoMatch) candidates.push({ index: isoMatch.index, length: isoMatch[0].length, date: iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])) });
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const date = iso(fullYear(numeric[4] ?? '', today), Number(numeric[3]), Number(numeric[1]));
    candidates.push({ index: numeric.index, length: numeric[0].length, date });
  }
  const worded = WORDED.exec(text);
  if (worded) {
    const date = iso(fullYear(worded[3] ?? '', today), monthNumber(worded[2] ?? ''), Number(worded[1]));
    candidates.push({ index: worded.index, length: worded[0].length, date });
  }
  const first = candidates.filter((c) => c.date !== null).sort((a, b) => a.index - b.index)[0];
  if (!first || first.date === null) return null;
  return { birthDate: first.date, rest: `${text.slice(0, first.index)} ${text.slice(first.index + first.length)}`.replace(/\s+/g, ' ').trim() };
}

/** The whole text as a date of birth, or null. */
export function parseTypedBirthDate(text: string, today: IsoDate): IsoDate | null {
  const found = findBirthDate(text.trim(), today);
  return found && found.rest === '' ? found.birthDate : null;
}

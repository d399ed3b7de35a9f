// A date typed into the NHS day, month and year boxes, as yyyy-mm-dd. Messages name the parts at
// fault, as the date-and-time check does.
import { parseIsoDate } from '../../../domain/person/clinical-date';

export interface DateDraft {
  day: string;
  month: string;
  year: string;
}

export type DatePart = 'day' | 'month' | 'year';
export type DateCheck = { ok: true; iso: string } | { ok: false; message: string; parts: DatePart[] };

export const emptyDate: DateDraft = { day: '', month: '', year: '' };

export function draftFromLocalDate(d: Date): DateDraft {
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) };
}

export function isBlankDate(draft: DateDraft): boolean {
  return draft.day.trim() === '' && draft.month.trim() === '' && draft.year.trim() === '';
}

export function checkDate(draft: DateDraft, label: string): DateCheck {
  const d = draft.day.trim();
  const m = draft.month.trim();
  const y = draft.year.trim();
  if (!d && !m && !y) return { ok: false, message: `Enter the ${label.toLowerCase()}`, parts: ['day', 'month', 'year'] };
  const parts: DatePart[] = ['day', 'month', 'year'];
  const missing = parts.filter((_, i) => [d, m, y][i] === '');
  if (missing.length > 0) return { ok: false, message: `${label} must include a ${missing.join(' and ')}`, parts: missing };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (![d, m, y].every((v) => /^\d+$/.test(v)) || y.length !== 4 || parseIsoDate(iso) === null) {
    return { ok: false, message: `${label} must be a real date`, parts };
  }
  return { ok: true, iso };
}

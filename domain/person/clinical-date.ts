// Dates in clinical views read dd-Mmm-yyyy (NHS CUI); dates of birth are stored as ISO yyyy-mm-dd.
import { differenceInYears, format, isValid, parse } from 'date-fns';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in yyyy-mm-dd, or null. Rejects 2023-02-30 and the like. */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCFullYear() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    return null;
  }
  return date;
}

function asLocal(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** "1945-07-14" -> "14-Jul-1945". */
export function formatClinicalDate(iso: IsoDate): string {
  const date = parseIsoDate(iso);
  return date ? format(asLocal(date), 'dd-MMM-yyyy') : 'Not known';
}

/** Whole years between a date of birth and `today` (both ISO dates). */
export function ageOn(birthDate: IsoDate, today: IsoDate): number | null {
  const born = parseIsoDate(birthDate);
  const now = parseIsoDate(today);
  if (!born || !now) return null;
  return differenceInYears(asLocal(now), asLocal(born));
}

const TYPED_FORMATS = ['dd/MM/yyyy', 'd/M/yyyy', 'dd-MM-yyyy', 'd-M-yyyy', 'dd.MM.yyyy', 'dd-MMM-yyyy', 'd-MMM-yyyy', 'd MMM yyyy', 'yyyy-MM-dd'];

/** A date as a clinician types it (14/07/1945, 14-Jul-1945, 1945-07-14...) -> ISO, or null. */
export function parseTypedDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  for (const f of TYPED_FORMATS) {
    const d = parse(trimmed, f, new Date(2000, 0, 1));
    if (isValid(d) && d.getFullYear() >= 1000 && format(d, f).toLowerCase() === trimmed.toLowerCase()) {
      return format(d, 'yyyy-MM-dd');
    }
  }
  return null;
}

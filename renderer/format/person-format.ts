// How a person's details read on screen (NHS CUI): dates dd-Mmm-yyyy with age, unknowns as
// "Not known", NHS numbers 3-3-4. Built on the domain helpers so every screen reads the same.
import { differenceInDays, differenceInMonths, format, isValid } from 'date-fns';
import type { Sex } from '../../contract/channels/patients';
import { formatNhsNumber } from '../../domain/identifiers/nhs-number';
import { ageOn, formatClinicalDate, parseIsoDate } from '../../domain/person/clinical-date';

export const NOT_KNOWN = 'Not known';

/** Today's date where the user is, as yyyy-mm-dd. */
export function localIsoDate(now: Date): string {
  return format(now, 'yyyy-MM-dd');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function localDate(iso: string): Date | null {
  const d = parseIsoDate(iso);
  return d ? new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) : null;
}

/** Age as clinicians read it: years from 2, months under 2, days under a month. */
export function ageText(birthDate: string, today: string): string | null {
  const years = ageOn(birthDate, today);
  const born = localDate(birthDate);
  const now = localDate(today);
  if (years === null || !born || !now || now < born) return null;
  if (years >= 2) return plural(years, 'year');
  const months = differenceInMonths(now, born);
  if (months >= 1) return plural(months, 'month');
  return plural(differenceInDays(now, born), 'day');
}

/** "14-Jul-1945 (81 years)". */
export function bornText(birthDate: string, today: string): string {
  const date = formatClinicalDate(birthDate);
  const age = ageText(birthDate, today);
  return age ? `${date} (${age})` : date;
}

export const sexLabels: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: NOT_KNOWN,
};

export function nhsNumberText(nhsNumber: string | null): string {
  return nhsNumber ? formatNhsNumber(nhsNumber) : NOT_KNOWN;
}

/** An instant (ISO timestamp) as "14-Jul-2026 09:05", local time, 24-hour. */
export function formatClinicalDateTime(timestamp: string): string {
  const d = new Date(timestamp);
  return isValid(d) ? format(d, 'dd-MMM-yyyy HH:mm') : NOT_KNOWN;
}

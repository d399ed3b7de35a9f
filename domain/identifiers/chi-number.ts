// CHI number (Community Health Index, Scotland): 10 digits.
//   digits 1-6  date of birth DDMMYY (the century is not recorded)
//   digits 7-8  serial
//   digit 9     sex at birth: odd = male, even = female
//   digit 10    the NHS number's mod-11 check digit over digits 1-9
import { formatClinicalDate, parseIsoDate, type IsoDate } from '../person/clinical-date';
import { formatNhsNumber, nhsCheckDigit, normaliseNhsNumber } from './nhs-number';

export type ChiSex = 'male' | 'female';

/** The date of birth a CHI number encodes: no century, so a year is only ever two digits. */
export type ChiBirthDate = { day: number; month: number; twoDigitYear: number };

export type ChiNumberCheck =
  | { ok: true; value: string; birthDate: ChiBirthDate; sex: ChiSex }
  | { ok: false; reason: string };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Whether DD/MM/YY is a real date in at least one century. 29 February needs a leap year: with two
 * digits that means YY divisible by 4 (00 counts, as 2000 was a leap year even though 1900 was not).
 */
function isRealDayMonth(day: number, month: number, twoDigitYear: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return twoDigitYear % 4 === 0;
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Strips spaces and hyphens (as for an NHS number) and checks length, digits, date part, check digit. */
export function checkChiNumber(input: string): ChiNumberCheck {
  const digits = normaliseNhsNumber(input);
  if (digits.length === 0) return { ok: false, reason: 'Enter a CHI number' };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'CHI number must contain only digits' };
  if (digits.length !== 10) {
    const hint = digits.length === 9 ? '. If it was copied from a spreadsheet, a leading 0 may have been lost' : '';
    return { ok: false, reason: `CHI number must be 10 digits (you entered ${digits.length})${hint}` };
  }
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const twoDigitYear = Number(digits.slice(4, 6));
  if (!isRealDayMonth(day, month, twoDigitYear)) {
    return {
      ok: false,
      reason: `CHI number is not valid: its first six digits are the date of birth (DDMMYY), and ${pad2(day)}/${pad2(month)}/${pad2(twoDigitYear)} is not a real date`,
    };
  }
  const expected = nhsCheckDigit(digits.slice(0, 9));
  if (expected === null || expected !== Number(digits[9])) {
    return { ok: false, reason: 'CHI number is not valid: the check digit does not match. Check it has been copied correctly' };
  }
  const sex: ChiSex = Number(digits[8]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: digits, birthDate: { day, month, twoDigitYear }, sex };
}

/** What the rest of the record says about the person; null or absent means not known (not compared). */
export type ChiKnownDetails = { birthDate?: IsoDate | null; sex?: ChiSex | null };

/**
 * Compares a CHI number with a date of birth and sex recorded elsewhere and returns one message per
 * mismatch (empty when consistent). The century cannot be checked, so only DD, MM and the last two
 * digits of the year are compared. A CHI that is not valid returns its reason as the only message.
 * A recorded date of birth that is not a real ISO date is not compared.
 * These are prompts for a human (a transposed number, or a sex recorded other than at birth), not errors.
 */
export function chiMismatches(chi: string, known: ChiKnownDetails): string[] {
  const checked = checkChiNumber(chi);
  if (!checked.ok) return [checked.reason];
  const messages: string[] = [];
  const { day, month, twoDigitYear } = checked.birthDate;
  const born = known.birthDate ? parseIsoDate(known.birthDate) : null;
  if (born && known.birthDate) {
    const same =
      born.getUTCDate() === day && born.getUTCMonth() + 1 === month && born.getUTCFullYear() % 100 === twoDigitYear;
    if (!same) {
      messages.push(
        `The CHI number gives a date of birth of ${pad2(day)}/${pad2(month)}/${pad2(twoDigitYear)} but the recorded date of birth is ${formatClinicalDate(known.birthDate)}`,
      );
    }
  }
  if (known.sex && known.sex !== checked.sex) {
    const ninth = checked.value[8];
    messages.push(
      `The CHI number's 9th digit (${ninth}) is ${checked.sex === 'male' ? 'odd, meaning male' : 'even, meaning female'} at birth, but the recorded sex is ${known.sex}`,
    );
  }
  return messages;
}

/** 1407451235 -> "140 745 1235" (the same 3-3-4 grouping as an NHS number). */
export function formatChiNumber(digits: string): string {
  return formatNhsNumber(digits);
}

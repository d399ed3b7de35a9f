// PNC ID (Police National Computer): year, optional '/', serial of up to 7 digits, check letter.
// Canonical form YYYY/NNNNNNNC: 4-digit year, 7-digit zero-padded serial, check letter.
// Check letter: the 2-digit year followed by the 7-digit serial, read as one number, mod 23,
// indexing PNC_CHECK_LETTERS. Example: 2003/0012345N (030012345 mod 23 = 13 -> N).
//
// Years. A 2-digit year is expanded within the 100-year window ending at the current year (passed
// in, so the result is deterministic): YY <= current YY -> 20YY, otherwise 19YY (in 2026, 26 -> 2026
// and 27 -> 1927). A 4-digit year must lie in the same window, so every accepted ID can be written
// either way and mean the same thing; a PNC ID cannot be from the future.
//
// Without a '/', the digits are split into year and serial only when one split makes sense: 11
// digits are YYYY + 7, 10 are YYYY + 6, and shorter runs are YY + rest unless YYYY + rest is also a
// year in the window (e.g. 200012345: 20/0012345 or 2000/12345), which is refused as ambiguous
// rather than guessed. A space may stand in for the '/'.

export type PncIdCheck =
  | { ok: true; value: string }
  | { ok: false; reason: string };

export const PNC_CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

const MAX_SERIAL_DIGITS = 7;
const EXAMPLE = 'e.g. 2003/0012345N';

/** The check letter for a year (2 or 4 digits: only the last two count) and serial. */
export function pncCheckLetter(year: number, serial: number): string {
  const n = (year % 100) * 10 ** MAX_SERIAL_DIGITS + serial;
  return PNC_CHECK_LETTERS.charAt(n % 23);
}

/** 2-digit year -> 4-digit year in the window (currentYear - 99 .. currentYear). */
export function expandPncYear(twoDigitYear: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  return twoDigitYear <= currentYear % 100 ? century + twoDigitYear : century - 100 + twoDigitYear;
}

/** 2003, 12345, "N" -> "2003/0012345N". */
export function formatPncId(year: number, serial: number, checkLetter: string): string {
  return `${year}/${String(serial).padStart(MAX_SERIAL_DIGITS, '0')}${checkLetter}`;
}

type Reading = { year: number; serial: number };

function inWindow(year: number, currentYear: number): boolean {
  return year >= currentYear - 99 && year <= currentYear;
}

function windowReason(yearText: string, currentYear: number): string {
  const year = Number(yearText);
  return year > currentYear
    ? `PNC ID is not valid: the year ${yearText} is in the future`
    : `PNC ID is not valid: the year ${yearText} must be between ${currentYear - 99} and ${currentYear}`;
}

function serialReason(length: number): string {
  return `PNC ID serial number must be 1 to ${MAX_SERIAL_DIGITS} digits (you entered ${length})`;
}

/** Year and serial written with a '/' (or a space) between them. */
function readSeparated(yearText: string, serialText: string, currentYear: number): Reading | string {
  let year: number;
  if (yearText.length === 2) year = expandPncYear(Number(yearText), currentYear);
  else if (yearText.length === 4) year = Number(yearText);
  else return `PNC ID year before the / must be 2 or 4 digits (you entered ${yearText.length}), ${EXAMPLE}`;
  if (!inWindow(year, currentYear)) return windowReason(yearText, currentYear);
  if (serialText.length > MAX_SERIAL_DIGITS) return serialReason(serialText.length);
  return { year, serial: Number(serialText) };
}

/** Year and serial run together: split only when exactly one split is a plausible year + serial. */
function readCompact(digits: string, letter: string, currentYear: number): Reading | string {
  const n = digits.length;
  const readings: Reading[] = [];
  if (n >= 3 && n <= 2 + MAX_SERIAL_DIGITS) {
    readings.push({ year: expandPncYear(Number(digits.slice(0, 2)), currentYear), serial: Number(digits.slice(2)) });
  }
  if (n >= 5 && n <= 4 + MAX_SERIAL_DIGITS && inWindow(Number(digits.slice(0, 4)), currentYear)) {
    readings.push({ year: Number(digits.slice(0, 4)), serial: Number(digits.slice(4)) });
  }
  const [only, other] = readings;
  if (only && other) {
    const ways = readings.map((r) => formatPncId(r.year, r.serial, letter)).join(' or ');
    return `PNC ID ${digits}${letter} could be read as ${ways}: put a / after the year`;
  }
  if (only) return only;
  if (n < 3) return `PNC ID is too short: it needs a year, a serial number and a check letter, ${EXAMPLE}`;
  if (n > 4 + MAX_SERIAL_DIGITS) return `PNC ID is too long: at most a 4-digit year and a ${MAX_SERIAL_DIGITS}-digit serial number, ${EXAMPLE}`;
  return windowReason(digits.slice(0, 4), currentYear);
}

/**
 * Accepts "2003/0012345N", "03/12345n", " 2003 12345 N ", "030012345N"; returns the canonical value.
 * `currentYear` (4 digits) fixes the 2-digit year window; see the header comment.
 */
export function checkPncId(input: string, options: { currentYear: number }): PncIdCheck {
  const { currentYear } = options;
  if (!Number.isInteger(currentYear) || currentYear < 1000 || currentYear > 9999) {
    throw new RangeError(`currentYear must be a 4-digit year, got ${currentYear}`);
  }
  const text = input.trim().toUpperCase();
  if (text.length === 0) return { ok: false, reason: 'Enter a PNC ID' };
  if (/[^0-9A-Z/\s]/.test(text)) {
    return { ok: false, reason: `PNC ID may contain only digits, a / and a final check letter, ${EXAMPLE}` };
  }
  const separated = /^(\d+)\s*(?:\/|\s)\s*(\d+)\s*([A-Z])$/.exec(text);
  const compact = separated ? null : /^(\d+)\s*([A-Z])$/.exec(text);
  let reading: Reading | string;
  let letter: string;
  if (separated) {
    letter = separated[3] ?? '';
    reading = readSeparated(separated[1] ?? '', separated[2] ?? '', currentYear);
  } else if (compact) {
    letter = compact[2] ?? '';
    reading = readCompact(compact[1] ?? '', letter, currentYear);
  } else if (/\d\s*$/.test(text)) {
    return { ok: false, reason: `PNC ID must end with a check letter, ${EXAMPLE}` };
  } else {
    return { ok: false, reason: `PNC ID must be a year, an optional /, a serial number of up to 7 digits and a check letter, ${EXAMPLE}` };
  }
  if (typeof reading === 'string') return { ok: false, reason: reading };
  if (pncCheckLetter(reading.year, reading.serial) !== letter) {
    return { ok: false, reason: 'PNC ID is not valid: the check letter does not match. Check it has been copied correctly' };
  }
  return { ok: true, value: formatPncId(reading.year, reading.serial, letter) };
}

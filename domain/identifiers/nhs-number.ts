// NHS number: 10 digits, the 10th a mod-11 check digit over the first nine (weights 10..2).
// 999 000 0000 - 999 999 9999 are reserved test numbers: accepted only in demo/test mode.

export type NhsNumberCheck =
  | { ok: true; value: string }
  | { ok: false; reason: string };

const TEST_RANGE_PREFIX = '999';

/** Strips the spaces and hyphens a clinician may type or paste; keeps anything else so it is reported. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The check digit for nine digits, or null when the remainder makes the number invalid (check = 10). */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function checkNhsNumber(input: string, options: { allowTestNumbers: boolean }): NhsNumberCheck {
  const digits = normaliseNhsNumber(input);
  if (digits.length === 0) return { ok: false, reason: 'Enter an NHS number' };
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'NHS number must contain only digits' };
  if (digits.length !== 10) return { ok: false, reason: `NHS number must be 10 digits (you entered ${digits.length})` };
  const expected = nhsCheckDigit(digits.slice(0, 9));
  if (expected === null || expected !== Number(digits[9])) {
    return { ok: false, reason: 'NHS number is not valid: the check digit does not match. Check it has been copied correctly' };
  }
  if (digits.startsWith(TEST_RANGE_PREFIX) && !options.allowTestNumbers) {
    return { ok: false, reason: 'NHS numbers starting 999 are test numbers and are accepted only at a demo site' };
  }
  return { ok: true, value: digits };
}

/** 9434765919 -> "943 476 5919"; partial input is grouped as far as it goes. */
export function formatNhsNumber(digits: string): string {
  const d = normaliseNhsNumber(digits);
  return [d.slice(0, 3), d.slice(3, 6), d.slice(6, 10)].filter((p) => p.length > 0).join(' ') + d.slice(10);
}

// Custody record numbers vary by force, so the shape is configurable per site. The input is always
// trimmed and uppercased first; the pattern must then match the whole value.
// Default: 1-20 characters of A-Z, 0-9, '/' and '-', at least one of them a digit.

export type CustodyRecordNumberCheck =
  | { ok: true; value: string }
  | { ok: false; reason: string };

export type CustodyRecordPattern = {
  /** Tested against the trimmed, uppercased input; it must match all of it (anchors are added). */
  regex: RegExp;
  /** Completes "Custody record number must be ...", e.g. "2 letters then 8 digits, like AB12345678". */
  description: string;
};

const MAX_LENGTH = 20;

/** Longest value any pattern is run against: site patterns are regexes, so keep their input short. */
export const CUSTODY_RECORD_MAX_INPUT = 64;

export const DEFAULT_CUSTODY_RECORD_PATTERN: CustodyRecordPattern = {
  regex: /^(?=.*\d)[A-Z0-9/-]{1,20}$/,
  description: `1 to ${MAX_LENGTH} letters, digits, / or -, with at least one digit`,
};

/** A site's pattern from settings text; the reason says why it cannot be used. */
export function custodyRecordPatternFromSource(
  source: string,
  description: string,
): { ok: true; pattern: CustodyRecordPattern } | { ok: false; reason: string } {
  if (source.trim().length === 0) return { ok: false, reason: 'Enter a pattern for custody record numbers' };
  if (description.trim().length === 0) return { ok: false, reason: 'Describe the custody record number pattern for staff' };
  try {
    return { ok: true, pattern: { regex: new RegExp(source), description: description.trim() } };
  } catch (error) {
    return { ok: false, reason: `The custody record number pattern is not a valid regular expression: ${(error as Error).message}` };
  }
}

function wholeValue(regex: RegExp): RegExp {
  // No g or y flag: they make test() depend on lastIndex from the previous call.
  return new RegExp(`^(?:${regex.source})$`, regex.flags.replace(/[gy]/g, ''));
}

/** The default pattern's rules one by one, so the message names the rule that failed. */
function defaultReason(value: string): string | null {
  if (value.length > MAX_LENGTH) return `Custody record number must be at most ${MAX_LENGTH} characters (you entered ${value.length})`;
  if (/[^A-Z0-9/-]/.test(value)) return 'Custody record number may contain only letters, digits, / and -';
  if (!/\d/.test(value)) return 'Custody record number must contain at least one digit';
  return null;
}

export function checkCustodyRecordNumber(
  input: string,
  pattern: CustodyRecordPattern = DEFAULT_CUSTODY_RECORD_PATTERN,
): CustodyRecordNumberCheck {
  const value = input.trim().toUpperCase();
  if (value.length === 0) return { ok: false, reason: 'Enter a custody record number' };
  if (value.length > CUSTODY_RECORD_MAX_INPUT) {
    return { ok: false, reason: `Custody record number is too long (you entered ${value.length} characters)` };
  }
  if (pattern === DEFAULT_CUSTODY_RECORD_PATTERN) {
    const reason = defaultReason(value);
    if (reason) return { ok: false, reason };
  }
  if (!wholeValue(pattern.regex).test(value)) {
    return { ok: false, reason: `Custody record number must be ${pattern.description}` };
  }
  return { ok: true, value };
}

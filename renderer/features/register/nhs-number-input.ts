// The NHS number box regroups digits as 3-3-4 while the clinician types or pastes, keeping the
// caret after the same digit so editing in the middle does not jump to the end.
import { formatNhsNumber } from '../../../domain/identifiers/nhs-number';

export interface Reformatted {
  value: string;
  caret: number;
}

export function reformatNhsInput(raw: string, caret: number): Reformatted {
  // Anything but digits, spaces and hyphens is left exactly as typed so the check can name it.
  if (!/^[\d\s-]*$/.test(raw)) return { value: raw, caret };
  const digitsBefore = raw.slice(0, caret).replace(/\D/g, '').length;
  const value = formatNhsNumber(raw);
  let seen = 0;
  let pos = 0;
  while (pos < value.length && seen < digitsBefore) {
    if (/\d/.test(value[pos] ?? '')) seen++;
    pos++;
  }
  return { value, caret: pos };
}

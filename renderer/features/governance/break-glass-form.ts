// The break-glass form's own checks, before the router's: a clinical reason in a few words and one
// of the offered time limits.
import type { FieldErrors } from '../../app/form-errors';
import { BREAK_GLASS_MINUTES } from './break-glass-slice';

export type BreakGlassField = 'reason' | 'minutes';
export const breakGlassFields: readonly BreakGlassField[] = ['reason', 'minutes'];

export const MIN_REASON_LENGTH = 10;
export const MAX_REASON_LENGTH = 500;

export function checkBreakGlass(reason: string, minutes: string): { errors: FieldErrors<BreakGlassField>; minutes: number | null } {
  const errors: FieldErrors<BreakGlassField> = {};
  const text = reason.trim();
  if (text === '') errors.reason = { message: 'Enter the clinical reason you need this record now' };
  else if (text.length < MIN_REASON_LENGTH) errors.reason = { message: `Give the clinical reason in a few words (at least ${MIN_REASON_LENGTH} characters)` };
  else if (text.length > MAX_REASON_LENGTH) errors.reason = { message: `Reason must be ${MAX_REASON_LENGTH} characters or fewer` };
  const n = Number(minutes);
  const allowed = (BREAK_GLASS_MINUTES as readonly number[]).includes(n);
  if (!allowed) errors.minutes = { message: 'Choose how long you need access for' };
  return { errors, minutes: allowed ? n : null };
}

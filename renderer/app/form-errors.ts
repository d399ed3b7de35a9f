// Errors for a form: at most one per field (NHS error pattern), in the order the fields appear,
// plus messages that belong to no field. The summary at the top lists them all; each field shows
// its own inline.
import type { RpcError } from '../../contract/result';

export interface FieldError {
  message: string;
  /** The id of the control to focus from the summary (a date's day box, a radio group's first option). */
  target?: string;
  /** Which of a compound field's boxes are at fault (a date's day, month, year); all when absent. */
  parts?: readonly string[];
}

export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

export interface SummaryItem {
  message: string;
  /** Control to move to when the item is chosen; none for problems with no field. */
  target: string | null;
}

export function summaryItems<F extends string>(order: readonly F[], errors: FieldErrors<F>, general: readonly string[] = []): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const field of order) {
    const e = errors[field];
    if (e) items.push({ message: e.message, target: e.target ?? field });
  }
  for (const message of general) items.push({ message, target: null });
  return items;
}

/**
 * A server refusal as form errors: every issue whose path names a field of this form marks that
 * field; anything else (a conflict with no field, a lost connection) goes to the summary alone.
 */
export function serverErrors<F extends string>(
  fields: readonly F[],
  error: RpcError,
  targets: Partial<Record<F, string>> = {},
): { fields: FieldErrors<F>; general: string[] } {
  const out: FieldErrors<F> = {};
  const general: string[] = [];
  const isField = (p: string | undefined): p is F => p !== undefined && (fields as readonly string[]).includes(p);
  const issues = error.issues && error.issues.length > 0 ? error.issues : [{ path: error.path ?? '', message: error.message }];
  for (const issue of issues) {
    const path = issue.path.split('.')[0];
    if (isField(path)) {
      if (!out[path]) out[path] = { message: issue.message, ...(targets[path] ? { target: targets[path] } : {}) };
    } else if (!general.includes(issue.message)) {
      general.push(issue.message);
    }
  }
  return { fields: out, general };
}

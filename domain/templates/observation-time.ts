// When an observation was made, as distinct from when it was typed in. A score is charted at its
// observation time; one recorded long after is a late entry and says so wherever it is shown.
import type { FormResponse } from './response';

/** Recorded more than this long after the observation: a late entry. */
export const LATE_ENTRY_MINUTES = 30;
/** How far back an observation may be entered (older findings belong in a note, not a chart). */
export const MAX_OBSERVATION_AGE_HOURS = 72;
/** Clocks on shared PCs drift: an observation a few minutes "in the future" is allowed. */
export const FUTURE_GRACE_MINUTES = 5;

export function observedAtOf(response: Pick<FormResponse, 'observedAt' | 'recordedAt'>): string {
  return response.observedAt ?? response.recordedAt;
}

/** Whether the first version was recorded so long after the observation that it is a late entry. */
export function isLateEntry(observedAt: string, firstRecordedAt: string): boolean {
  return Date.parse(firstRecordedAt) - Date.parse(observedAt) > LATE_ENTRY_MINUTES * 60_000;
}

export type ObservationTimeProblem = 'future' | 'too_old' | null;

export function checkObservationTime(observedAt: string, now: Date): ObservationTimeProblem {
  const at = Date.parse(observedAt);
  if (at > now.getTime() + FUTURE_GRACE_MINUTES * 60_000) return 'future';
  if (at < now.getTime() - MAX_OBSERVATION_AGE_HOURS * 3_600_000) return 'too_old';
  return null;
}

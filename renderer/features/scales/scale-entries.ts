// Entries of a charted scale as the chart and the record read them. An entry is placed at the time
// of its observation (the back end keeps it on every later version): an amendment or an
// entered-in-error mark must not move the observation along the time axis, and a late entry is
// charted when the observation was made, not when it was typed in. Entered-in-error entries are left out of the trend
// (kept in the table), and the latest entry that counts gives the band shown.
import type { SavedResponse } from '../../../contract/channels/forms';
import type { ScoreResult } from '../../../domain/templates/result-schema';
import type { ChartEntry } from './chart-geometry';

export interface Entry {
  /** The entry's current version. */
  response: SavedResponse;
  /** When the observation was made. */
  at: string;
}

/** Current versions at their observation times, newest first. */
export function currentEntries(all: readonly SavedResponse[]): Entry[] {
  return all
    .filter((r) => r.current)
    .map((r) => ({ response: r, at: r.observedAt }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

export function mainScore(r: SavedResponse): ScoreResult | null {
  return r.scores[0] ?? null;
}

const counts = (e: Entry) => e.response.status !== 'entered_in_error';

export function chartEntries(entries: readonly Entry[]): ChartEntry[] {
  return entries
    .filter((e) => counts(e) && mainScore(e.response) !== null)
    .map((e) => ({ at: e.at, value: mainScore(e.response)?.value ?? 0, band: mainScore(e.response)?.band?.label ?? null }));
}

/** The newest entry that counts (not entered in error), or null. */
export function latestEntry(entries: readonly Entry[]): Entry | null {
  return entries.filter(counts).reduce<Entry | null>((a, e) => (a === null || e.at > a.at ? e : a), null);
}

export function scoreText(score: ScoreResult | null): string {
  if (!score) return 'No score';
  return `${score.value} of ${score.max}${score.band ? `, ${score.band.label}` : ''}`;
}

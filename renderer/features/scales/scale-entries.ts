// Entries of a charted scale as the chart and the record read them. An entry is placed at the time
// it was first recorded: an amendment or an entered-in-error mark is a later version, and must not
// move the observation along the time axis. Entered-in-error entries are left out of the trend
// (kept in the table), and the latest entry that counts gives the band shown.
import type { SavedResponse } from '../../../contract/channels/forms';
import type { ScoreResult } from '../../../domain/templates/result-schema';
import type { ChartEntry } from './chart-geometry';

export interface Entry {
  /** The entry's current version. */
  response: SavedResponse;
  /** When the entry was first recorded (its version 1). */
  at: string;
}

/** Current versions, each with its first-recorded time, newest first. Needs the versions (includeHistory). */
export function currentEntries(all: readonly SavedResponse[]): Entry[] {
  const first = new Map<string, string>();
  for (const r of all) {
    const seen = first.get(r.entryId);
    if (seen === undefined || r.recordedAt < seen) first.set(r.entryId, r.recordedAt);
  }
  return all
    .filter((r) => r.current)
    .map((r) => ({ response: r, at: first.get(r.entryId) ?? r.recordedAt }))
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

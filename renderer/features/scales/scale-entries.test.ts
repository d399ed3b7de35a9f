import { describe, expect, it } from 'vitest';
import type { SavedResponse } from '../../../contract/channels/forms';
import { chartEntries, currentEntries, latestEntry } from './scale-entries';

function version(entryId: string, v: number, at: string, value: number, status: SavedResponse['status'], current: boolean, observedAt = at): SavedResponse {
  return {
    id: `${entryId}-${v}`,
    entryId,
    version: v,
    templateId: 'cows',
    templateVersion: 1,
    title: 'COWS',
    status,
    current,
    recordedAt: at,
    observedAt,
    lateEntry: Date.parse(at) - Date.parse(observedAt) > 30 * 60_000 && v === 1,
    originSite: 'DEMO01',
    recordedByName: 'A',
    reason: null,
    answers: {},
    advice: [],
    sections: [],
    scores: [{ id: 'cows-total', label: 'COWS total', value, max: 48, complete: true, band: null }],
    flags: [],
    codes: [],
  };
}

describe('scale entries', () => {
  const all = [
    version('a', 1, '2026-11-23T08:00:00Z', 14, 'final', false),
    version('a', 2, '2026-11-23T18:00:00Z', 14, 'entered_in_error', true, '2026-11-23T08:00:00Z'),
    version('b', 1, '2026-11-23T12:00:00Z', 8, 'final', false),
    version('b', 2, '2026-11-23T19:00:00Z', 11, 'amended', true, '2026-11-23T12:00:00Z'),
    version('c', 1, '2026-11-23T10:00:00Z', 28, 'final', true),
  ];

  it('keeps each entry at the time it was first recorded, newest first', () => {
    expect(currentEntries(all).map((e) => [e.response.id, e.at])).toEqual([
      ['b-2', '2026-11-23T12:00:00Z'],
      ['c-1', '2026-11-23T10:00:00Z'],
      ['a-2', '2026-11-23T08:00:00Z'],
    ]);
  });

  it('charts the current values, without entries entered in error', () => {
    expect(chartEntries(currentEntries(all)).map((e) => [e.at, e.value])).toEqual([
      ['2026-11-23T12:00:00Z', 11],
      ['2026-11-23T10:00:00Z', 28],
    ]);
    expect(latestEntry(currentEntries(all))?.response.id).toBe('b-2');
  });

  it('charts a late entry at the time of the observation, not when it was typed in', () => {
    const late = version('d', 1, '2026-11-23T11:00:00Z', 20, 'final', true, '2026-11-23T09:00:00Z');
    expect(late.lateEntry).toBe(true);
    expect(chartEntries(currentEntries([...all, late])).map((e) => e.at)).toContain('2026-11-23T09:00:00Z');
    expect(currentEntries([...all, late]).map((e) => e.response.id)).toEqual(['b-2', 'c-1', 'd-1', 'a-2']);
  });
});

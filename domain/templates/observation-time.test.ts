import { describe, expect, it } from 'vitest';
import { checkObservationTime, isLateEntry, observedAtOf } from './observation-time';

describe('observation time', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('defaults to the recording time', () => {
    expect(observedAtOf({ recordedAt: '2026-11-23T10:00:00Z' })).toBe('2026-11-23T10:00:00Z');
    expect(observedAtOf({ recordedAt: '2026-11-23T10:00:00Z', observedAt: '2026-11-23T08:00:00Z' })).toBe('2026-11-23T08:00:00Z');
  });

  it('marks an entry recorded more than 30 minutes after the observation as late', () => {
    expect(isLateEntry('2026-11-23T09:30:00Z', '2026-11-23T10:00:00Z')).toBe(false);
    expect(isLateEntry('2026-11-23T09:29:00Z', '2026-11-23T10:00:00Z')).toBe(true);
  });

  it('refuses an observation in the future (beyond 5 minutes of clock drift) or more than 72 hours ago', () => {
    expect(checkObservationTime('2026-11-23T10:05:00Z', now)).toBeNull();
    expect(checkObservationTime('2026-11-23T10:06:00Z', now)).toBe('future');
    expect(checkObservationTime('2026-11-20T10:00:00Z', now)).toBeNull();
    expect(checkObservationTime('2026-11-20T09:59:00Z', now)).toBe('too_old');
  });
});

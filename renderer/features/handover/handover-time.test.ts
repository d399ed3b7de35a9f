import { describe, expect, it } from 'vitest';
import { acknowledgedInstant } from './handover-time';

const recordedAt = '2026-11-23T20:43:25.000Z';

describe('acknowledgement time sent', () => {
  it('is the clock, to the second, when the prefilled time is left alone', () => {
    expect(acknowledgedInstant('2026-11-23T20:43:00.000Z', false, recordedAt, new Date('2026-11-23T20:44:10.000Z'))).toBe('2026-11-23T20:44:10.000Z');
  });

  it('typed in the minute the assessment was saved, is not before it', () => {
    expect(acknowledgedInstant('2026-11-23T20:43:00.000Z', true, recordedAt, new Date())).toBe(recordedAt);
  });

  it('otherwise is what was typed, even when it is too early (for the form to refuse)', () => {
    expect(acknowledgedInstant('2026-11-23T20:50:00.000Z', true, recordedAt, new Date())).toBe('2026-11-23T20:50:00.000Z');
    expect(acknowledgedInstant('2026-11-23T20:10:00.000Z', true, recordedAt, new Date())).toBe('2026-11-23T20:10:00.000Z');
  });
});

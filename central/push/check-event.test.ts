import { describe, expect, it } from 'vitest';
import { SiteEvents } from '../../test/integration/central-support/events';
import { checkEvent } from './check-event';

const person = '0193a000-0000-7000-8000-000000000001';
const now = Date.parse('2026-12-01T10:00:00Z');
const ctx = { nowMs: now, maxClockAheadMs: 10 * 60_000 };
const site = () => new SiteEvents('CUST01', undefined, () => now);

describe('checking one pushed event', () => {
  it('accepts a well-formed, correctly hashed event', () => {
    expect(checkEvent(site().flagRaised(person), ctx)).toMatchObject({ ok: true });
  });

  it('names the fields of a malformed event and keeps its id when it can read one', () => {
    const bad = { ...site().flagRaised(person), payload: { code: 'x' } };
    const result = checkEvent(bad, ctx);
    expect(result).toMatchObject({ ok: false, code: 'invalid', eventId: bad.eventId });
    if (!result.ok) expect(result.reason).toMatch(/payload/);
    expect(checkEvent('not an event', ctx)).toMatchObject({ ok: false, code: 'invalid', eventId: null });
  });

  it('refuses content changed after hashing', () => {
    const e = site().flagRaised(person);
    expect(checkEvent({ ...e, payload: { ...e.payload, severity: 'low' } }, ctx)).toMatchObject({ ok: false, code: 'hash_mismatch' });
  });

  it('quarantines an event stamped far ahead of the central clock, but not a few minutes ahead', () => {
    expect(checkEvent(new SiteEvents('CUST01', undefined, () => now + 11 * 60_000).flagRaised(person), ctx)).toMatchObject({ ok: false, code: 'clock_ahead' });
    expect(checkEvent(new SiteEvents('CUST01', undefined, () => now + 5 * 60_000).flagRaised(person), ctx)).toMatchObject({ ok: true });
  });

  it('refuses what only the central may send, and a stay opened at another site', () => {
    const s = site();
    const system = s.make('flag.raised', 'flag', { personId: person, recordId: 'f1', baseVersion: null, sensitivity: 'risk_flags' }, s.flagRaised(person).payload);
    expect(checkEvent({ ...system, author: { ...system.author, role: 'system' } }, ctx)).toMatchObject({ ok: false, code: 'not_permitted' });
    const detected = s.make('conflict.detected', 'conflict', { personId: person, recordId: 'c1', baseVersion: null, sensitivity: 'risk_flags' }, { recordType: 'flag', recordId: 'f1', eventIds: [person, person] });
    expect(checkEvent(detected, ctx)).toMatchObject({ ok: false, code: 'not_permitted' });
    const stay = s.make('stay.started', 'stay', { personId: person, recordId: 's1', baseVersion: null, sensitivity: 'demographics' }, { siteCode: 'PRIS01', kind: 'prison', arrivedAt: new Date(now).toISOString(), arrivalReason: null });
    expect(checkEvent(stay, ctx)).toMatchObject({ ok: false, code: 'not_permitted' });
  });
});

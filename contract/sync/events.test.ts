import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { contentHashInput } from './content-hash';
import { conflictClassOf } from './conflict-class';
import { clinicalEventSchema, eventTypes, type ClinicalEvent } from './events';

const base = {
  eventId: '01939b2e-8a4b-7c3d-9e1f-2a3b4c5d6e7f',
  personId: '01939b2e-8a4b-7c3d-9e1f-000000000001',
  recordId: '01939b2e-8a4b-7c3d-9e1f-000000000002',
  baseVersion: null,
  hlc: String((1_764_000_000_000n << 16n) | 3n),
  originSite: 'CUST01',
  author: { id: 'u1', name: 'Alex Morgan', role: 'custody_hcp' },
  recordedAt: '2026-12-01T10:00:00.000Z',
  sensitivity: 'risk_flags',
} as const;

/** The hash itself is computed by each end with its platform's SHA-256; any 64 hex digits do here. */
function hashed(event: Omit<ClinicalEvent, 'contentHash'>): ClinicalEvent {
  return { ...event, contentHash: 'ab'.repeat(32) } as ClinicalEvent;
}

const flagRaised = hashed({
  ...base,
  type: 'flag.raised',
  recordType: 'flag',
  payload: { code: 'SELF_HARM', label: 'Self-harm risk', severity: 'high', reason: 'Current thoughts of suicide', partnerAdvice: null, sourceResponseId: null },
} as Omit<ClinicalEvent, 'contentHash'>);

describe('the event catalogue', () => {
  it('parses a well-formed event and keeps its typed payload', () => {
    const parsed = clinicalEventSchema.parse(flagRaised);
    expect(parsed.type).toBe('flag.raised');
    if (parsed.type === 'flag.raised') expect(parsed.payload.severity).toBe('high');
  });

  it('refuses an event whose record type does not match its type, an unknown type, or extra fields', () => {
    expect(clinicalEventSchema.safeParse({ ...flagRaised, recordType: 'task' }).success).toBe(false);
    expect(clinicalEventSchema.safeParse({ ...flagRaised, type: 'flag.deleted' }).success).toBe(false);
    expect(clinicalEventSchema.safeParse({ ...flagRaised, payload: { ...flagRaised.payload, extra: 1 } }).success).toBe(false);
    expect(clinicalEventSchema.safeParse({ ...flagRaised, eventId: '01939b2e-8a4b-4c3d-9e1f-2a3b4c5d6e7f' }).success).toBe(false);
    expect(clinicalEventSchema.safeParse({ ...flagRaised, hlc: 12 }).success).toBe(false);
  });

  it('gives every event type a conflict class', () => {
    expect(eventTypes.length).toBeGreaterThan(15);
    for (const t of eventTypes) expect(['append', 'single', 'set']).toContain(conflictClassOf[t]);
  });
});

describe('canonical encoding and content hash', () => {
  it('does not depend on key order and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(canonicalJson({ z: { y: 1, x: 2 } })).toBe(canonicalJson({ z: { x: 2, y: 1 } }));
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: 1n })).toThrow();
  });

  it('excludes the hash itself and changes with any field', () => {
    expect(contentHashInput(flagRaised)).toBe(contentHashInput({ ...flagRaised, contentHash: 'cd'.repeat(32) }));
    expect(contentHashInput(flagRaised)).not.toContain('contentHash');
    const tampered = { ...flagRaised, payload: { ...flagRaised.payload, severity: 'low' } } as ClinicalEvent;
    expect(contentHashInput(tampered)).not.toBe(contentHashInput(flagRaised));
  });
});

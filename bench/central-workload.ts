// The events the central ingest bench pushes: what custody sites write at reception, per person a
// registration, an NHS number, a stay, a risk flag and a flag update, each content-hashed as a site
// makes them. Built before timing starts.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { contentHashInput } from '../contract/sync/content-hash';
import type { ClinicalEvent } from '../contract/sync/events';
import { encodeHlc, tickHlc, HLC_ZERO, type Hlc } from '../domain/sync/hlc';

export function siteWorkload(site: string, people: number, startMs: number): ClinicalEvent[] {
  let hlc: Hlc = HLC_ZERO;
  let now = startMs;
  const events: ClinicalEvent[] = [];
  const make = (fields: Record<string, unknown>): ClinicalEvent => {
    now += 1;
    hlc = tickHlc(hlc, now);
    const unhashed = {
      eventId: uuidv7(),
      hlc: encodeHlc(hlc).toString(),
      originSite: site,
      author: { id: 'bench', name: 'Bench Nurse', role: 'custody_hcp' },
      recordedAt: new Date(now).toISOString(),
      ...fields,
    } as unknown as ClinicalEvent;
    return { ...unhashed, contentHash: createHash('sha256').update(contentHashInput(unhashed)).digest('hex') } as ClinicalEvent;
  };
  for (let i = 0; i < people; i++) {
    const personId = uuidv7();
    const flagId = uuidv7();
    const nhs = String(9_000_000_000 + ((i * 7919) % 999_999_999)).padStart(10, '0');
    events.push(
      make({ personId, recordId: personId, baseVersion: null, sensitivity: 'demographics', type: 'person.registered', recordType: 'person', payload: { familyName: `FAMILY${i % 5000}`, givenNames: 'Sam', title: null, birthDate: '1985-06-15', sex: 'male' } }),
      make({ personId, recordId: uuidv7(), baseVersion: null, sensitivity: 'demographics', type: 'identifier.added', recordType: 'identifier', payload: { type: 'nhs_number', value: nhs } }),
      make({ personId, recordId: uuidv7(), baseVersion: null, sensitivity: 'demographics', type: 'stay.started', recordType: 'stay', payload: { siteCode: site, kind: 'custody', arrivedAt: new Date(now).toISOString(), arrivalReason: 'Arrested' } }),
      make({ personId, recordId: flagId, baseVersion: null, sensitivity: 'risk_flags', type: 'flag.raised', recordType: 'flag', payload: { code: 'SELF_HARM', label: 'Self-harm risk', severity: 'high', reason: 'Disclosed thoughts of self-harm at booking-in', partnerAdvice: 'Constant observation', sourceResponseId: null } }),
      make({ personId, recordId: flagId, baseVersion: 1, sensitivity: 'risk_flags', type: 'flag.updated', recordType: 'flag', payload: { label: 'Self-harm risk', severity: 'moderate', reason: 'Reassessed after four hours', partnerAdvice: 'Checks every 30 minutes', sourceResponseId: null } }),
    );
  }
  return events;
}

// The two sides of a conflict in words: substance misuse values stated to the roles that see them,
// and withheld (saying so) from the roles that see the summary only; every single-valued SMS event
// can be stated again to settle a conflict.
import { describe, expect, it } from 'vitest';
import { conflictClassOf } from '../../contract/sync/conflict-class';
import { clinicalEventSchema, eventTypes, type ClinicalEvent } from '../../contract/sync/events';
import { describeEventValue, RESTATABLE } from './event-description';

const envelope = {
  eventId: '01939b2e-8a4b-7c3d-9e1f-2a3b4c5d6e7f',
  personId: '01939b2e-8a4b-7c3d-9e1f-000000000001',
  recordId: '01939b2e-8a4b-7c3d-9e1f-000000000002',
  baseVersion: 1,
  hlc: '1',
  originSite: 'PRIS01',
  author: { id: 'u1', name: 'Sam Okoro', role: 'sms_clinical' },
  recordedAt: '2026-12-01T10:00:00.000Z',
  sensitivity: 'substance_use',
  contentHash: 'ab'.repeat(32),
} as const;

const event = (e: Record<string, unknown>): ClinicalEvent => clinicalEventSchema.parse({ ...envelope, ...e });

const carePlan = event({
  type: 'care_plan.recorded',
  recordType: 'care_plan',
  payload: { siteCode: 'PRIS01', goals: [{ goal: 'Stop using heroin on top', actions: [{ action: 'Daily methadone', owner: 'Sam', by: null }] }], reviewOn: '2026-12-15', reviewId: null, note: null },
});
const releasePlan = event({
  type: 'release_plan.recorded',
  recordType: 'release_plan',
  payload: {
    siteCode: 'PRIS01',
    stayId: null,
    releaseOn: '2026-12-18',
    destination: 'Approved premises, Leeds',
    ost: { medicine: 'Methadone', doseMg: 60, lastDoseAt: '2026-12-18T08:30:00Z' },
    naloxone: 'offered-declined',
    naloxoneNote: 'Has a kit',
    communityReferral: null,
    notes: null,
  },
});

describe('a conflict side in words', () => {
  it('states care plan goals and the release destination to the SMS team', () => {
    expect(describeEventValue(carePlan, 'detail')).toBe('Care plan: Stop using heroin on top; review by 15-Dec-2026');
    expect(describeEventValue(releasePlan, 'detail')).toMatch(/^Release 18-Dec-2026 to Approved premises, Leeds; naloxone offered and declined; Methadone 60 mg, last dose 18-Dec-2026/);
  });

  it('withholds them, saying so, from roles that see the summary; the medicines facts stay', () => {
    const plan = describeEventValue(carePlan, 'summary');
    expect(plan).not.toContain('heroin');
    expect(plan).toMatch(/withheld for your role/);
    const release = describeEventValue(releasePlan, 'summary');
    expect(release).not.toContain('Leeds');
    expect(release).toMatch(/Methadone 60 mg/);
  });

  it('can state again every single-valued SMS event, so a conflict on one can be settled', () => {
    const sms = eventTypes.filter((t) => /^(caseload|treatment|care_plan|release_plan)\.|^task\.(assigned|rescheduled)$/.test(t));
    for (const type of sms.filter((t) => conflictClassOf[t] === 'single')) expect(RESTATABLE.has(type), type).toBe(true);
  });
});

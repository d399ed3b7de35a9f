import { describe, expect, it } from 'vitest';
import type { ClinicalEvent } from '../../contract/sync/events';
import { SiteEvents } from '../../test/integration/central-support/events';
import { claimsBase } from '../conflicts/detect';
import { applyToRecord, type RecordState } from './record-state';

const person = '0193a000-0000-7000-8000-000000000001';
const fold = (events: ClinicalEvent[]) => events.reduce<RecordState | undefined>((r, e) => applyToRecord(r, e), undefined);

describe('a record’s current state', () => {
  const a = new SiteEvents('CUST01');
  const raised = a.flagRaised(person);
  const updated = a.flagUpdated(person, raised.recordId, 1, 'severe');
  const ended = a.flagEnded(person, raised.recordId, 2);

  it('shows the newest version whatever order its events arrived in', () => {
    for (const order of [
      [raised, updated, ended],
      [ended, updated, raised],
      [updated, raised, ended],
      [raised, ended, updated],
    ]) {
      const record = fold(order);
      expect(record).toMatchObject({ version: 3, status: 'ended', headEventId: ended.eventId, originSite: 'CUST01', created: true });
      expect((record?.state['flag.updated']?.payload as { severity: string }).severity).toBe('severe');
      expect((record?.state['flag.raised']?.payload as { code: string }).code).toBe('SELF_HARM');
    }
  });

  it('knows whether it has seen the creating event', () => {
    expect(fold([updated])).toMatchObject({ created: false, version: 2 });
  });
});

describe('which events can conflict', () => {
  const a = new SiteEvents('CUST01');
  it('single-valued changes and removals claim their base version; new facts and additions do not', () => {
    const raised = a.flagRaised(person);
    expect(claimsBase(raised)).toBe(false);
    expect(claimsBase(a.flagUpdated(person, raised.recordId, 1, 'low'))).toBe(true);
    expect(claimsBase(a.identifier(person, 'nhs_number', '9434765919'))).toBe(false);
    expect(claimsBase(a.consent(person, 'share', ['risk_flags'], '2026-01-01'))).toBe(false);
  });
});

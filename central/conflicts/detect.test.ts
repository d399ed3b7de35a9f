import { describe, expect, it } from 'vitest';
import type { ClinicalEvent } from '../../contract/sync/events';
import { SiteEvents } from '../../test/integration/central-support/events';
import { applyToRecord, type RecordState } from '../projection/record-state';
import { claimBase, competingEvent } from './detect';

const person = '0193a000-0000-7000-8000-000000000001';

/** Applies events in the given order as the central does, returning the record and the rivals found. */
function run(events: ClinicalEvent[]): { record: RecordState | undefined; rivals: [string, string][] } {
  let record: RecordState | undefined;
  const rivals: [string, string][] = [];
  events.forEach((e, i) => {
    const rival = competingEvent(record, e);
    if (rival) rivals.push([rival, e.eventId]);
    record = claimBase(applyToRecord(record, e, i + 1), e);
  });
  return { record, rivals };
}

describe('conflict detection and the record projection', () => {
  const a = new SiteEvents('CUST01');
  const b = new SiteEvents('PRIS01');
  const raised = a.flagRaised(person);
  const fromA = a.flagUpdated(person, raised.recordId, 1, 'severe');
  const fromB = b.flagUpdated(person, raised.recordId, 1, 'low');
  const ended = a.flagEnded(person, raised.recordId, 2);

  it('finds two single-valued edits from the same base version, whichever arrives first', () => {
    expect(run([raised, fromA, fromB]).rivals).toEqual([[fromA.eventId, fromB.eventId]]);
    expect(run([raised, fromB, fromA]).rivals).toEqual([[fromB.eventId, fromA.eventId]]);
  });

  it('finds an edit based on an older version than the head', () => {
    expect(run([raised, fromA, ended, fromB]).rivals).toEqual([[fromA.eventId, fromB.eventId]]);
  });

  it('raises no conflict for one author’s chain arriving out of order, and shows the newest version', () => {
    for (const order of [
      [ended, fromA, raised],
      [fromA, raised, ended],
      [raised, ended, fromA],
    ]) {
      const { record, rivals } = run(order);
      expect(rivals).toEqual([]);
      expect(record).toMatchObject({ version: 3, status: 'ended', headEventId: ended.eventId, originSite: 'CUST01' });
      expect((record?.state['flag.updated']?.payload as { severity: string }).severity).toBe('severe');
    }
  });

  it('never treats appended facts or additions as conflicts', () => {
    const second = a.flagRaised(person);
    expect(run([raised, { ...second, recordId: raised.recordId } as ClinicalEvent]).rivals).toEqual([]);
    expect(competingEvent(undefined, a.identifier(person, 'nhs_number', '9434765919'))).toBeNull();
  });
});

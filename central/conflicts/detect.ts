// A conflict is two events that change the same record from the same base version: each author
// saw version n and made their own version n+1. Appending facts never conflict; additions to a set
// never conflict; a single-valued change or a removal from a set does. Because the test is "was this
// base already built on", it does not depend on the order events arrive in: a retried batch that
// overtakes a later one produces no false conflict.
import { conflictClassOf } from '../../contract/sync/conflict-class';
import type { ClinicalEvent } from '../../contract/sync/events';
import type { RecordState } from '../projection/record-state';

/** The event this one competes with, if its base version was already built on by another event. */
export function competingEvent(record: RecordState | undefined, event: ClinicalEvent): string | null {
  if (event.baseVersion === null || conflictClassOf[event.type] === 'append') return null;
  const other = record?.bases[String(event.baseVersion)];
  return other !== undefined && other !== event.eventId ? other : null;
}

/** The record with this event's base version claimed (first come keeps the claim). */
export function claimBase(record: RecordState, event: ClinicalEvent): RecordState {
  if (event.baseVersion === null || conflictClassOf[event.type] === 'append') return record;
  const key = String(event.baseVersion);
  if (record.bases[key] !== undefined) return record;
  return { ...record, bases: { ...record.bases, [key]: event.eventId } };
}

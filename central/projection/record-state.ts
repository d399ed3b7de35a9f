// The current state of one record, derived from its events without replaying them: each event
// produces a version (its base version + 1; 1 for an event that creates the record), and the record
// shows the event with the highest version. Events may arrive out of order (a retried batch overtaking
// a later one), so every step keeps the newer value, whatever order they came in. A push folds its
// own events into one such state per record; PostgreSQL merges that with the stored row by the same
// rule (projection-io.ts), so pushes running at the same time compose.
import type { ClinicalEvent, EventType } from '../../contract/sync/events';

export interface RecordState {
  recordType: string;
  recordId: string;
  personId: string;
  originSite: string;
  sensitivity: string;
  /** The highest version any event has produced. */
  version: number;
  status: string;
  /** The latest payload of each event type that touched the record, with the version it produced. */
  state: Record<string, { version: number; eventId: string; originSite: string; recordedAt: string; payload: unknown }>;
  headEventId: string;
  /** True when this state includes the event that created the record (it decides the origin). */
  created: boolean;
  openConflictId: string | null;
}

const statusAfter: Record<EventType, string> = {
  'person.registered': 'active',
  'person.demographics_changed': 'active',
  'identifier.added': 'active',
  'identifier.retired': 'retired',
  'alias.added': 'active',
  'alias.retired': 'retired',
  'stay.started': 'active',
  'stay.ended': 'ended',
  'flag.raised': 'active',
  'flag.updated': 'active',
  'flag.ended': 'ended',
  'task.created': 'open',
  'task.closed': 'closed',
  'form.recorded': 'active',
  'form.amended': 'active',
  'form.entered_in_error': 'entered_in_error',
  'handover.recorded': 'recorded',
  'referral.made': 'open',
  'referral.outcome_recorded': 'outcome_recorded',
  'consent.recorded': 'recorded',
  'conflict.detected': 'open',
  'conflict.resolved': 'resolved',
};

export function producedVersion(event: ClinicalEvent): number {
  return event.baseVersion === null ? 1 : event.baseVersion + 1;
}

export function recordKey(recordType: string, recordId: string): string {
  return `${recordType}\u0000${recordId}`;
}

/** The record after `event`. */
export function applyToRecord(existing: RecordState | undefined, event: ClinicalEvent): RecordState {
  const v = producedVersion(event);
  const entry = { version: v, eventId: event.eventId, originSite: event.originSite, recordedAt: event.recordedAt, payload: event.payload };
  if (!existing) {
    return {
      recordType: event.recordType,
      recordId: event.recordId,
      personId: event.personId,
      originSite: event.originSite,
      sensitivity: event.sensitivity,
      version: v,
      status: statusAfter[event.type],
      state: { [event.type]: entry },
      headEventId: event.eventId,
      created: event.baseVersion === null,
      openConflictId: null,
    };
  }
  const isHead = v >= existing.version;
  const previous = existing.state[event.type];
  const creates = event.baseVersion === null;
  return {
    ...existing,
    // The creating event decides where the record came from, even when an update arrived first.
    originSite: creates ? event.originSite : existing.originSite,
    sensitivity: isHead ? event.sensitivity : existing.sensitivity,
    version: Math.max(existing.version, v),
    status: isHead ? statusAfter[event.type] : existing.status,
    state: previous && previous.version > v ? existing.state : { ...existing.state, [event.type]: entry },
    headEventId: isHead ? event.eventId : existing.headEventId,
    created: existing.created || creates,
  };
}

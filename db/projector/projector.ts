// THE projector (docs/sync-protocol.md "One path for every change"): the only code that writes the
// clinical tables. A local change and an event received by sync take the same road: log the event
// once, then apply it. Applying an event already in the log changes nothing, so a retried page or a
// replayed log is harmless, and the clinical tables are always a function of the log (db:rebuild).
import type { ClinicalEvent, EventOf, EventType } from '../../contract/sync/events';
import type { RawDb } from '../open';
import * as care from './apply-care';
import * as conflicts from './apply-conflicts';
import * as forms from './apply-forms';
import * as identity from './apply-identity';
import { EventLog, type EventSource } from './event-log';
import { ProjectionContext } from './projection-context';

type Appliers = { [T in EventType]: (event: EventOf<T>, ctx: ProjectionContext) => void };

const appliers: Appliers = {
  'person.registered': identity.personRegistered,
  'person.demographics_changed': identity.personDemographicsChanged,
  'identifier.added': identity.identifierAdded,
  'identifier.retired': identity.identifierRetired,
  'alias.added': identity.aliasAdded,
  'alias.retired': identity.aliasRetired,
  'stay.started': care.stayStarted,
  'stay.ended': care.stayEnded,
  'flag.raised': care.flagRaised,
  'flag.updated': care.flagUpdated,
  'flag.ended': care.flagEnded,
  'task.created': care.taskCreated,
  'task.closed': care.taskClosed,
  'form.recorded': forms.formRecorded,
  'form.amended': forms.formAmended,
  'form.entered_in_error': forms.formEnteredInError,
  'handover.recorded': care.handoverRecorded,
  'referral.made': care.referralMade,
  'referral.outcome_recorded': care.referralOutcomeRecorded,
  'consent.recorded': care.consentRecorded,
  'conflict.detected': conflicts.conflictDetected,
  'conflict.resolved': conflicts.conflictResolved,
};

export type ApplyOutcome = 'applied' | 'duplicate' | 'logged_only';

export class Projector {
  readonly log: EventLog;
  private readonly ctx: ProjectionContext;
  private readonly personExists;

  constructor(
    private readonly raw: RawDb,
    siteCode: string,
  ) {
    this.log = new EventLog(raw);
    this.ctx = new ProjectionContext(raw, siteCode);
    this.personExists = raw.prepare('SELECT 1 FROM persons WHERE id = ?').pluck();
  }

  /**
   * Logs and applies one event. Must run inside a transaction (the caller's: a local write with its
   * audit row, or a pulled page with its cursor). A received event about a person this site does not
   * hold (their registration was not shared with it) is logged but changes no table.
   */
  apply(event: ClinicalEvent, source: EventSource, appliedAt: string): ApplyOutcome {
    if (!this.raw.inTransaction) throw new Error('Events are applied inside the transaction of their change');
    if (this.log.has(event.eventId)) return 'duplicate';
    this.log.append(event, source, appliedAt);
    if (source === 'sync' && event.type !== 'person.registered' && this.personExists.get(event.personId) === undefined) {
      return 'logged_only';
    }
    this.ctx.source = source;
    (appliers[event.type] as (e: ClinicalEvent, c: ProjectionContext) => void)(event, this.ctx);
    return 'applied';
  }

  /**
   * Applies an event that is already in the log again, leniently (as a received event is applied):
   * for rebuilding one person's projection after received data was removed (purge.ts).
   */
  replay(event: ClinicalEvent): void {
    if (!this.raw.inTransaction) throw new Error('Events are replayed inside a transaction');
    if (event.type !== 'person.registered' && this.personExists.get(event.personId) === undefined) return;
    this.ctx.source = 'sync';
    (appliers[event.type] as (e: ClinicalEvent, c: ProjectionContext) => void)(event, this.ctx);
  }
}

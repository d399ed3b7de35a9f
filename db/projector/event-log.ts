// The event log table: append (once per event id), and the reads sync and rebuild need. Local
// events start as the outbox (`pending`); events received by sync are never pushed back.
import { canonicalJson } from '../../contract/sync/canonical-json';
import { clinicalEventSchema, type ClinicalEvent } from '../../contract/sync/events';
import type { RawDb } from '../open';

export type EventSource = 'local' | 'sync';
export type PushState = 'pending' | 'accepted' | 'duplicate' | 'rejected' | 'conflict';

export interface LoggedEvent {
  seq: number;
  event: ClinicalEvent;
  source: EventSource;
  appliedAt: string;
  pushState: PushState | null;
  pushReason: string | null;
  pushedAt: string | null;
  centralSeq: number | null;
}

interface LogRow {
  seq: number;
  body: string;
  source: EventSource;
  applied_at: string;
  push_state: PushState | null;
  push_reason: string | null;
  pushed_at: string | null;
  central_seq: number | null;
}

const COLUMNS = 'seq, body, source, applied_at, push_state, push_reason, pushed_at, central_seq';

export class EventLog {
  private readonly exists;
  private readonly insert;
  private readonly after;
  private readonly pending;
  private readonly markPush;
  private readonly forRecordQuery;
  private readonly countQuery;

  constructor(private readonly raw: RawDb) {
    this.exists = raw.prepare('SELECT 1 FROM event_log WHERE id = ?').pluck();
    this.insert = raw.prepare(
      `INSERT INTO event_log (id, type, record_type, record_id, person_id, base_version, hlc, origin_site, author_id, author_role,
         recorded_at, sensitivity, content_hash, body, source, applied_at, push_state)
       VALUES (@id, @type, @recordType, @recordId, @personId, @baseVersion, @hlc, @originSite, @authorId, @authorRole,
         @recordedAt, @sensitivity, @contentHash, @body, @source, @appliedAt, @pushState)`,
    );
    this.after = raw.prepare(`SELECT ${COLUMNS} FROM event_log WHERE seq > ? ORDER BY seq LIMIT ?`);
    this.pending = raw.prepare(`SELECT ${COLUMNS} FROM event_log WHERE push_state = 'pending' ORDER BY seq LIMIT ?`);
    this.markPush = raw.prepare('UPDATE event_log SET push_state = @state, push_reason = @reason, pushed_at = @at, central_seq = coalesce(@centralSeq, central_seq) WHERE id = @id AND source = \'local\'');
    this.forRecordQuery = raw.prepare(`SELECT ${COLUMNS} FROM event_log WHERE record_type = ? AND record_id = ? ORDER BY seq`);
    this.countQuery = raw.prepare('SELECT count(*) FROM event_log').pluck();
  }

  has(eventId: string): boolean {
    return this.exists.get(eventId) !== undefined;
  }

  /** Appends an event that has not been logged yet; the caller has checked `has`. */
  append(event: ClinicalEvent, source: EventSource, appliedAt: string): void {
    this.insert.run({
      id: event.eventId,
      type: event.type,
      recordType: event.recordType,
      recordId: event.recordId,
      personId: event.personId,
      baseVersion: event.baseVersion,
      hlc: BigInt(event.hlc),
      originSite: event.originSite,
      authorId: event.author.id,
      authorRole: event.author.role,
      recordedAt: event.recordedAt,
      sensitivity: event.sensitivity,
      contentHash: event.contentHash,
      body: canonicalJson(event),
      source,
      appliedAt,
      pushState: source === 'local' ? 'pending' : null,
    });
  }

  /** Events in the order they were applied here, after `seq` (for rebuild and checks). */
  page(afterSeq: number, limit: number): LoggedEvent[] {
    return (this.after.all(afterSeq, limit) as LogRow[]).map(toLogged);
  }

  /** The outbox: local events not yet accepted by the central, oldest first. */
  outbox(limit: number): LoggedEvent[] {
    return (this.pending.all(limit) as LogRow[]).map(toLogged);
  }

  recordPush(eventId: string, state: Exclude<PushState, 'pending'>, reason: string | null, at: string, centralSeq: number | null): void {
    this.markPush.run({ id: eventId, state, reason, at, centralSeq });
  }

  forRecord(recordType: string, recordId: string): LoggedEvent[] {
    return (this.forRecordQuery.all(recordType, recordId) as LogRow[]).map(toLogged);
  }

  count(): number {
    return this.countQuery.get() as number;
  }

  /** How many local events stand at this push state. */
  countPushState(state: PushState): number {
    return this.raw.prepare('SELECT count(*) FROM event_log WHERE push_state = ?').pluck().get(state) as number;
  }

  /** Local events the central refused, newest first, with its reason. */
  refused(limit: number): LoggedEvent[] {
    return (this.raw.prepare(`SELECT ${COLUMNS} FROM event_log WHERE push_state = 'rejected' ORDER BY seq DESC LIMIT ?`).all(limit) as LogRow[]).map(toLogged);
  }

  byId(eventId: string): LoggedEvent | null {
    const row = this.raw.prepare(`SELECT ${COLUMNS} FROM event_log WHERE id = ?`).get(eventId) as LogRow | undefined;
    return row ? toLogged(row) : null;
  }
}

function toLogged(row: LogRow): LoggedEvent {
  return {
    seq: row.seq,
    event: clinicalEventSchema.parse(JSON.parse(row.body)),
    source: row.source,
    appliedAt: row.applied_at,
    pushState: row.push_state,
    pushReason: row.push_reason,
    pushedAt: row.pushed_at,
    centralSeq: row.central_seq,
  };
}

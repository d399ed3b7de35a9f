// Every write appends a sync event in the same transaction (SYNC.md): UUIDv7 id, hybrid logical
// clock, origin site, entity, payload. The clock is persisted in the same transaction so it can
// never go backwards after a crash.
import { encodeHlc, decodeHlc, tickHlc, HLC_ZERO } from '../domain/sync/hlc';
import type { RawDb } from './open';

export interface NewSyncEvent {
  entityType: string;
  entityId: string;
  personId: string | null;
  op: 'create' | 'update' | 'amend' | 'entered_in_error';
  baseVersion: number | null;
  authorId: string | null;
  payload: unknown;
}

export interface EventContext {
  originSite: string;
  nowMs: number;
  nowIso: string;
  newId: () => string;
}

export class SyncOutbox {
  private readonly readClock;
  private readonly writeClock;
  private readonly insert;

  constructor(private readonly raw: RawDb) {
    this.readClock = raw.prepare('SELECT hlc FROM clock_state WHERE id = 1').pluck().safeIntegers(true);
    this.writeClock = raw.prepare('INSERT INTO clock_state (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc');
    this.insert = raw.prepare(
      `INSERT INTO sync_events (id, hlc, origin_site, entity_type, entity_id, person_id, op, base_version, author_id, payload, created_at)
       VALUES (@id, @hlc, @originSite, @entityType, @entityId, @personId, @op, @baseVersion, @authorId, @payload, @createdAt)`,
    );
  }

  append(event: NewSyncEvent, ctx: EventContext): { id: string; hlc: bigint } {
    if (!this.raw.inTransaction) throw new Error('A sync event must be written inside the transaction of its change');
    const stored = this.readClock.get() as bigint | undefined;
    const next = tickHlc(stored === undefined ? HLC_ZERO : decodeHlc(stored), ctx.nowMs);
    const hlc = encodeHlc(next);
    this.writeClock.run(hlc);
    const id = ctx.newId();
    this.insert.run({
      id,
      hlc,
      originSite: ctx.originSite,
      entityType: event.entityType,
      entityId: event.entityId,
      personId: event.personId,
      op: event.op,
      baseVersion: event.baseVersion,
      authorId: event.authorId,
      payload: JSON.stringify(event.payload),
      createdAt: ctx.nowIso,
    });
    return { id, hlc };
  }
}

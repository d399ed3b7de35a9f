// The site's sync bookkeeping (db/schema-sync.ts): the pull cursor and batch counter, the last
// outcome of each direction, what policy withheld, and reception lookups. Local-only: never events.
import type { RawDb } from './open';

export interface SyncStateRow {
  cursor: string | null;
  batchSeq: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  centralHead: number | null;
  through: number | null;
  lastErrorKind: string | null;
  lastErrorMessage: string | null;
  lastErrorAt: string | null;
}

export interface WithheldRow {
  personId: string;
  originSite: string;
  category: string;
  rule: string;
  count: number;
  updatedAt: string;
}

export interface LookupRow {
  id: string;
  personId: string;
  userId: string;
  userName: string;
  purpose: string;
  identifierType: string;
  at: string;
  until: string | null;
  disclosureId: string;
}

const EMPTY: SyncStateRow = {
  cursor: null,
  batchSeq: 0,
  lastPushAt: null,
  lastPullAt: null,
  centralHead: null,
  through: null,
  lastErrorKind: null,
  lastErrorMessage: null,
  lastErrorAt: null,
};

const COLUMNS: Record<keyof SyncStateRow, string> = {
  cursor: 'cursor',
  batchSeq: 'batch_seq',
  lastPushAt: 'last_push_at',
  lastPullAt: 'last_pull_at',
  centralHead: 'central_head',
  through: 'through',
  lastErrorKind: 'last_error_kind',
  lastErrorMessage: 'last_error_message',
  lastErrorAt: 'last_error_at',
};

export class SyncRepo {
  constructor(private readonly raw: RawDb) {
    raw.prepare('INSERT INTO sync_state (id) VALUES (1) ON CONFLICT (id) DO NOTHING').run();
  }

  state(): SyncStateRow {
    const row = this.raw
      .prepare(`SELECT ${Object.entries(COLUMNS).map(([k, c]) => `${c} AS ${k}`).join(', ')} FROM sync_state WHERE id = 1`)
      .get() as SyncStateRow | undefined;
    return row ?? EMPTY;
  }

  update(change: Partial<SyncStateRow>): void {
    const keys = Object.keys(change) as (keyof SyncStateRow)[];
    if (keys.length === 0) return;
    this.raw.prepare(`UPDATE sync_state SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE id = 1`).run(change);
  }

  /** Records what policy withheld (replacing the earlier count for the same person, origin and category). */
  recordWithheld(rows: readonly Omit<WithheldRow, 'updatedAt'>[], at: string): void {
    const del = this.raw.prepare('DELETE FROM sync_withheld WHERE person_id = ? AND origin_site = ? AND category = ?');
    const ins = this.raw.prepare('INSERT INTO sync_withheld (person_id, origin_site, category, rule, count, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of rows) {
      del.run(r.personId, r.originSite, r.category);
      ins.run(r.personId, r.originSite, r.category, r.rule, r.count, at);
    }
  }

  withheldFor(personId: string): WithheldRow[] {
    return this.raw
      .prepare('SELECT person_id AS personId, origin_site AS originSite, category, rule, count, updated_at AS updatedAt FROM sync_withheld WHERE person_id = ? ORDER BY origin_site, category')
      .all(personId) as WithheldRow[];
  }

  addLookup(row: LookupRow): void {
    this.raw
      .prepare(
        'INSERT INTO reception_lookups (id, person_id, user_id, user_name, purpose, identifier_type, at, until, disclosure_id) VALUES (@id, @personId, @userId, @userName, @purpose, @identifierType, @at, @until, @disclosureId)',
      )
      .run(row);
  }

  /** The latest lookup of the person at this site whose subscription is still running (or open-ended). */
  activeLookup(personId: string, nowIso: string): LookupRow | null {
    return (
      (this.raw
        .prepare(
          'SELECT id, person_id AS personId, user_id AS userId, user_name AS userName, purpose, identifier_type AS identifierType, at, until, disclosure_id AS disclosureId FROM reception_lookups WHERE person_id = ? AND (until IS NULL OR until > ?) ORDER BY at DESC LIMIT 1',
        )
        .get(personId, nowIso) as LookupRow | undefined) ?? null
    );
  }

  openConflictCount(): number {
    return this.raw.prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL').pluck().get() as number;
  }

  openConflicts(personId: string): ConflictRow[] {
    return (
      this.raw
        .prepare(
          'SELECT id, person_id AS personId, record_type AS recordType, record_id AS recordId, event_ids AS eventIds, detected_at AS detectedAt, version FROM sync_conflicts WHERE person_id = ? AND resolved_at IS NULL ORDER BY detected_at',
        )
        .all(personId) as (Omit<ConflictRow, 'eventIds'> & { eventIds: string })[]
    ).map((r) => ({ ...r, eventIds: JSON.parse(r.eventIds) as string[] }));
  }
}

export interface ConflictRow {
  id: string;
  personId: string;
  recordType: string;
  recordId: string;
  eventIds: string[];
  detectedAt: string;
  version: number;
}

// The site store's tables (drizzle, SQLite). Migrations in db/migrations are generated from this
// file with `npm run db:generate`; hand-written parts (FTS5, triggers) are custom migrations.
import { sql } from 'drizzle-orm';
import { customType, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A 64-bit integer read and written as bigint (HLC timestamps exceed 2^53). Drizzle reads it
 * through better-sqlite3 as a number unless the statement uses safe integers, so reading
 * refuses a number that has already lost precision instead of returning a wrong clock.
 */
const bigintInteger = customType<{ data: bigint; driverData: bigint | number }>({
  dataType: () => 'integer',
  toDriver: (value) => value,
  fromDriver: (value) => {
    if (typeof value === 'bigint') return value;
    if (!Number.isSafeInteger(value)) throw new Error('64-bit integer read without safe integers');
    return BigInt(value);
  },
});

export const persons = sqliteTable(
  'persons',
  {
    /**
     * An explicit rowid, so VACUUM can never renumber the rows the search index points at. Not
     * AUTOINCREMENT: rows are never deleted, and AUTOINCREMENT rewrites sqlite_sequence on every commit.
     */
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull(),
    title: text('title'),
    birthDate: text('birth_date').notNull(),
    sex: text('sex', { enum: ['female', 'male', 'other', 'unknown'] }).notNull(),
    version: integer('version').notNull().default(1),
    originSite: text('origin_site').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('persons_birth_date').on(t.birthDate, t.familyName, t.givenNames)],
);

export const personIdentifiers = sqliteTable(
  'person_identifiers',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    type: text('type', { enum: ['nhs_number', 'chi_number', 'nomis_number', 'pnc_id', 'custody_record_number', 'local_id'] }).notNull(),
    value: text('value').notNull(),
    originSite: text('origin_site').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** A retired identifier (recorded in error, or no longer used) stays in history but no longer identifies anyone. */
    retiredAt: text('retired_at'),
    retiredBy: text('retired_by'),
    retiredReason: text('retired_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('person_identifiers_type_value').on(t.type, t.value).where(sql`${t.retiredAt} IS NULL`),
    index('person_identifiers_person').on(t.personId),
    // A search page's NHS numbers, from the index alone (migration 0011).
    index('person_identifiers_nhs_current')
      .on(t.personId, t.value, t.type, t.retiredAt)
      .where(sql`${t.type} = 'nhs_number' AND ${t.retiredAt} IS NULL`),
  ],
);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** JSON array of role ids (domain/access/roles). */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});

/** Append-only and hash-chained: UPDATE and DELETE raise (triggers in a custom migration). */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    /** Plain rowid (no AUTOINCREMENT): deletes are refused by trigger, so a seq is never reused. */
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    roles: text('roles'),
    channel: text('channel').notNull(),
    action: text('action').notNull(),
    personId: text('person_id'),
    outcome: text('outcome', { enum: ['ok', 'refused', 'failed'] }).notNull(),
    reason: text('reason'),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_person').on(t.personId, t.seq).where(sql`${t.personId} IS NOT NULL`)],
);

/**
 * The event log: every clinical change, local or received by sync, in the order it was applied here.
 * The clinical tables are its projection (db/projector). Local events waiting to be pushed are the
 * outbox; events received by sync are marked `sync` and never pushed back.
 */
export const eventLog = sqliteTable(
  'event_log',
  {
    /** Local application order (rowid). */
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    personId: text('person_id').notNull(),
    baseVersion: integer('base_version'),
    hlc: bigintInteger('hlc').notNull(),
    originSite: text('origin_site').notNull(),
    authorId: text('author_id').notNull(),
    authorRole: text('author_role').notNull(),
    recordedAt: text('recorded_at').notNull(),
    sensitivity: text('sensitivity').notNull(),
    contentHash: text('content_hash').notNull(),
    /** The whole event, canonically encoded (contract/sync/canonical-json.ts). */
    body: text('body').notNull(),
    source: text('source', { enum: ['local', 'sync'] }).notNull(),
    appliedAt: text('applied_at').notNull(),
    /** Local events only: where the push stands. */
    pushState: text('push_state', { enum: ['pending', 'accepted', 'duplicate', 'rejected', 'conflict'] }),
    pushReason: text('push_reason'),
    pushedAt: text('pushed_at'),
    /** The central's global sequence number, once known. */
    centralSeq: integer('central_seq'),
  },
  (t) => [
    index('event_log_outbox').on(t.pushState, t.seq),
    index('event_log_person').on(t.personId, t.seq),
    index('event_log_record').on(t.recordType, t.recordId, t.seq),
  ],
);

/** A single row holding the hybrid logical clock, advanced in the same transaction as each event. */
export const clockState = sqliteTable('clock_state', {
  id: integer('id').primaryKey(),
  hlc: bigintInteger('hlc').notNull(),
});

export const siteMeta = sqliteTable('site_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

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
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('person_identifiers_type_value').on(t.type, t.value), index('person_identifiers_person').on(t.personId)],
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

/** Every write appends one of these in the same transaction: the outbox for sync. */
export const syncEvents = sqliteTable(
  'sync_events',
  {
    id: text('id').primaryKey(),
    hlc: bigintInteger('hlc').notNull(),
    originSite: text('origin_site').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    personId: text('person_id'),
    op: text('op').notNull(),
    baseVersion: integer('base_version'),
    authorId: text('author_id'),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
    pushedAt: text('pushed_at'),
  },
  (t) => [index('sync_events_outbox').on(t.pushedAt, t.hlc), index('sync_events_entity').on(t.entityType, t.entityId)],
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

// Sync bookkeeping at the site: local-only data that never travels as events. The pull cursor is
// advanced in the same transaction as the page it came with; reception lookups give the clinician
// who asked (and their colleagues at this site) a legitimate relationship with the person for as
// long as the central's lookup subscription lasts.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  /** The central's opaque cursor after the last applied page; null before the first pull. */
  cursor: text('cursor'),
  /** The site's own counter for push batches (a retried batch keeps its number). */
  batchSeq: integer('batch_seq').notNull().default(0),
  lastPushAt: text('last_push_at'),
  lastPullAt: text('last_pull_at'),
  /** The central's log head and where this site's cursor stands, for progress. */
  centralHead: integer('central_head'),
  through: integer('through'),
  lastErrorKind: text('last_error_kind'),
  lastErrorMessage: text('last_error_message'),
  lastErrorAt: text('last_error_at'),
});

/** What the central withheld from this site by policy, per person, origin and category (named, never hidden). */
export const syncWithheld = sqliteTable(
  'sync_withheld',
  {
    personId: text('person_id').notNull(),
    originSite: text('origin_site').notNull(),
    category: text('category').notNull(),
    rule: text('rule').notNull(),
    count: integer('count').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('sync_withheld_person').on(t.personId, t.originSite, t.category)],
);

export const receptionLookups = sqliteTable(
  'reception_lookups',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    purpose: text('purpose').notNull(),
    identifierType: text('identifier_type').notNull(),
    at: text('at').notNull(),
    /** The central's subscription end; null while the site has an open stay. */
    until: text('until'),
    disclosureId: text('disclosure_id').notNull(),
  },
  (t) => [index('reception_lookups_person').on(t.personId, t.at)],
);

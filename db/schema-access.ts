// Information governance tables: sign-in throttling that survives a restart, break-glass access
// with its review, consent decisions and data-sharing agreements.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { persons } from './schema';

export const signInAttempts = sqliteTable('sign_in_attempts', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailedAt: integer('first_failed_at').notNull(),
  lastFailedAt: integer('last_failed_at').notNull(),
});

export const breakGlass = sqliteTable(
  'break_glass',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    reason: text('reason').notNull(),
    startedAt: text('started_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    endedAt: text('ended_at'),
    reviewedAt: text('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    reviewNote: text('review_note'),
  },
  (t) => [index('break_glass_user_person').on(t.userId, t.personId, t.expiresAt), index('break_glass_review').on(t.reviewedAt, t.startedAt)],
);

export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    decision: text('decision', { enum: ['share', 'do_not_share'] }).notNull(),
    /** JSON list of data categories the decision covers. */
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull(),
    legalBasis: text('legal_basis').notNull(),
    decidedOn: text('decided_on').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    originSite: text('origin_site').notNull(),
    notes: text('notes'),
  },
  (t) => [index('consents_person').on(t.personId, t.recordedAt)],
);

export const sharingAgreements = sqliteTable(
  'sharing_agreements',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    /** The agreement as data (domain/access/disclosure.ts agreementSchema). */
    body: text('body', { mode: 'json' }).$type<unknown>().notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

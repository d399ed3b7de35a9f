// The central record's tables (drizzle, PostgreSQL; the same migrations run on PGlite). Migrations in
// central/migrations are generated from this file with `npm run central:db:generate`; the
// hand-written parts (append-only triggers) are custom migrations beside them.
//
// The event log is the truth; everything else here is either a projection of it (persons, records,
// identifiers, subscriptions from stays, conflicts) or the central's own bookkeeping (sites and
// their certificates, agreements, removals owed to sites, disclosures, audit anchors).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, json, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, check } from 'drizzle-orm/pg-core';
import type { ClinicalEvent } from '../../contract/sync/events';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row: the last global sequence number handed out. Locked by each push for its final step. */
export const logHead = pgTable(
  'log_head',
  {
    id: smallint('id').primaryKey(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  },
  (t) => [check('log_head_single_row', sql`${t.id} = 1`)],
);

/**
 * Every event accepted from a site or raised by the central, by id. Written by pushes in parallel;
 * its place in the global order is its row in event_log. The body is kept as the JSON text that
 * was hashed-over content (json, not jsonb: stored and returned as sent).
 */
export const events = pgTable('events', {
  eventId: uuid('event_id').primaryKey(),
  personId: uuid('person_id').notNull(),
  recordType: text('record_type').notNull(),
  recordId: text('record_id').notNull(),
  type: text('type').notNull(),
  baseVersion: integer('base_version'),
  hlc: bigint('hlc', { mode: 'bigint' }).notNull(),
  originSite: text('origin_site').notNull(),
  sensitivity: text('sensitivity').notNull(),
  contentHash: text('content_hash').notNull(),
  body: json('body').$type<ClinicalEvent>().notNull(),
  receivedAt: at('received_at').notNull(),
});

/**
 * The global order: one narrow row per event, numbered under the log head lock at the very end of
 * each push transaction, so numbers commit in order and a cursor never passes an event that is
 * still being written. What a pull filters on (person, origin, category) is repeated here.
 */
export const eventLog = pgTable(
  'event_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    personId: uuid('person_id').notNull(),
    originSite: text('origin_site').notNull(),
    sensitivity: text('sensitivity').notNull(),
  },
  (t) => [index('event_log_person_seq').on(t.personId, t.seq)],
);

/**
 * Which event first built on each version of each record. The primary key is the conflict test:
 * a second event claiming the same base version cannot insert its row, and PostgreSQL makes a
 * concurrent claimant wait for the first to commit, so two pushes racing on one record still see
 * each other.
 */
export const recordBases = pgTable(
  'record_bases',
  {
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    baseVersion: integer('base_version').notNull(),
    eventId: uuid('event_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId, t.baseVersion] })],
);

/** A person's current demographics (null until a registration or change has arrived). */
export const persons = pgTable('persons', {
  personId: uuid('person_id').primaryKey(),
  /** The site that registered the person (null until the registration has arrived). */
  originSite: text('origin_site'),
  demographics: jsonb('demographics').$type<Record<string, unknown>>().notNull(),
  /** The version of the person record the demographics come from. */
  version: integer('version').notNull(),
});

/**
 * Current state of each record, so a lookup needs no replay. `state` keeps the latest payload of
 * each event type that touched the record, each with the version it produced; pushes merge into it
 * in SQL so that concurrent pushes compose.
 */
export const records = pgTable(
  'records',
  {
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The site whose event created the record (null while only later events have arrived). */
    originSite: text('origin_site'),
    sensitivity: text('sensitivity').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    headEventId: uuid('head_event_id').notNull(),
    openConflictId: uuid('open_conflict_id'),
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.recordId] }),
    index('records_person').on(t.personId, t.recordType),
    // The KPI reports (central/reports/kpi-sql.ts use these exact expressions): stays by arrival
    // time as sent (text, searched a day either side), and a stay's forms and tasks.
    index('records_stay_arrived')
      .on(sql`(${t.state} -> 'stay.started' -> 'payload' ->> 'arrivedAt')`)
      .where(sql`${t.recordType} = 'stay'`),
    index('records_form_stay')
      .on(sql`(COALESCE(${t.state} -> 'form.recorded' -> 'payload' ->> 'stayId', ${t.state} -> 'form.amended' -> 'payload' ->> 'stayId', ${t.state} -> 'form.entered_in_error' -> 'payload' ->> 'stayId'))`)
      .where(sql`${t.recordType} = 'form_response'`),
    index('records_task_stay')
      .on(sql`(${t.state} -> 'task.created' -> 'payload' ->> 'stayId')`)
      .where(sql`${t.recordType} = 'task'`),
  ],
);

/** The identifier index: lookup by NHS, CHI, NOMIS or PNC number is one indexed query. */
export const identifiers = pgTable(
  'identifiers',
  {
    recordId: text('record_id').primaryKey(),
    personId: uuid('person_id').notNull(),
    type: text('type').notNull(),
    value: text('value').notNull(),
    retired: boolean('retired').notNull(),
  },
  (t) => [index('identifiers_value').on(t.type, t.value)],
);

export const sites = pgTable('sites', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  orgType: text('org_type').notNull(),
  registeredAt: at('registered_at').notNull(),
  lastBatchSeq: bigint('last_batch_seq', { mode: 'number' }),
  lastPushAt: at('last_push_at'),
});

/** A site may hold more than one certificate while it rotates; each is registered by fingerprint. */
export const siteCertificates = pgTable(
  'site_certificates',
  {
    fingerprint: text('fingerprint').primaryKey(),
    siteCode: text('site_code')
      .notNull()
      .references(() => sites.code),
    serial: text('serial').notNull().unique(),
    san: text('san').notNull(),
    notBefore: at('not_before').notNull(),
    notAfter: at('not_after').notNull(),
    issuedAt: at('issued_at').notNull(),
    revokedAt: at('revoked_at'),
    pem: text('pem').notNull(),
  },
  (t) => [index('site_certificates_site').on(t.siteCode)],
);

/**
 * The region's governance leads: people, not sites. A lead's client certificate comes from the same
 * region CA but names the lead by the URI urn:sonar:lead:<id> and carries no DNS name, and it is
 * registered here, never in site_certificates: it opens the governance pages and nothing a site uses.
 */
export const leads = pgTable('leads', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  registeredAt: at('registered_at').notNull(),
});

export const leadCertificates = pgTable(
  'lead_certificates',
  {
    fingerprint: text('fingerprint').primaryKey(),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id),
    serial: text('serial').notNull().unique(),
    san: text('san').notNull(),
    notBefore: at('not_before').notNull(),
    notAfter: at('not_after').notNull(),
    issuedAt: at('issued_at').notNull(),
    revokedAt: at('revoked_at'),
    pem: text('pem').notNull(),
  },
  (t) => [index('lead_certificates_lead').on(t.leadId)],
);

/**
 * Who receives a person's events: a site with an active stay, a site that looked the person up
 * (time-limited), or a site that wrote about the person (time-limited). `granted` is what the site
 * was last allowed to hold, per origin organisation type: a category that drops out of it is owed
 * to the site as a removal. A new or widened subscription owes the site a snapshot of the events
 * before its cursor (`snapshot*`).
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey(),
    siteCode: text('site_code').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: ['stay', 'lookup', 'author'] }).notNull(),
    purpose: text('purpose').notNull(),
    categoryCap: jsonb('category_cap').$type<string[]>(),
    stayRecordId: text('stay_record_id'),
    expiresAt: at('expires_at'),
    createdAt: at('created_at').notNull(),
    /**
     * The snapshot covers the person's events up to here. Null until the site's first pull after
     * the subscription began fixes it at that pull's cursor (a push cannot know where the site is).
     */
    snapshotSeq: bigint('snapshot_seq', { mode: 'number' }),
    snapshotFloor: bigint('snapshot_floor', { mode: 'number' }).notNull(),
    snapshotGen: integer('snapshot_gen').notNull(),
    snapshotDone: boolean('snapshot_done').notNull(),
    granted: jsonb('granted').$type<Record<string, string[]>>(),
  },
  (t) => [uniqueIndex('subscriptions_site_person').on(t.siteCode, t.personId), index('subscriptions_person').on(t.personId)],
);

/** Removal instructions owed to a site, delivered in order on its pull pages. */
export const removals = pgTable(
  'removals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteCode: text('site_code').notNull(),
    personId: uuid('person_id').notNull(),
    categories: jsonb('categories').$type<'all' | string[]>().notNull(),
    originSites: jsonb('origin_sites').$type<'all' | string[]>().notNull(),
    reason: text('reason').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('removals_site').on(t.siteCode, t.id)],
);

export const conflicts = pgTable(
  'conflicts',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    baseVersion: integer('base_version').notNull(),
    eventIds: jsonb('event_ids').$type<string[]>().notNull(),
    detectedEventId: uuid('detected_event_id').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    resolvedEventId: uuid('resolved_event_id'),
    keptEventId: uuid('kept_event_id'),
    createdAt: at('created_at').notNull(),
    resolvedAt: at('resolved_at'),
  },
  (t) => [index('conflicts_person').on(t.personId), index('conflicts_record').on(t.recordType, t.recordId)],
);

/** Data-sharing agreements, every version kept; decisions use the highest version of each id. */
export const agreements = pgTable(
  'agreements',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    contentHash: text('content_hash').notNull(),
    loadedAt: at('loaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/**
 * Every disclosure (a lookup answer, or a pull page's events about one person), every query of
 * this table by the governance lead, and every view or download of the governance lead's KPI page
 * (aggregates only: `report_view`): append-only (UPDATE and DELETE raise) and hash-chained.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: at('at').notNull(),
    kind: text('kind', { enum: ['lookup', 'pull', 'audit_query', 'report_view'] }).notNull(),
    siteCode: text('site_code'),
    userId: text('user_id'),
    userName: text('user_name'),
    userRole: text('user_role'),
    purpose: text('purpose'),
    personId: uuid('person_id'),
    identifierType: text('identifier_type'),
    identifierValue: text('identifier_value'),
    outcome: text('outcome').notNull(),
    permitted: jsonb('permitted').$type<string[]>().notNull(),
    withheld: jsonb('withheld').$type<{ category: string; rule: string; originSite?: string }[]>().notNull(),
    rule: text('rule').notNull(),
    agreementRefs: jsonb('agreement_refs').$type<{ id: string; version: number }[]>().notNull(),
    eventCount: integer('event_count').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('disclosures_person').on(t.personId, t.at),
    index('disclosures_site').on(t.siteCode, t.at),
    index('disclosures_identifier').on(t.identifierType, t.identifierValue),
    index('disclosures_at').on(t.at),
  ],
);

/** Each push carries the site's audit chain head; kept so a rewrite of the whole chain shows. */
export const auditAnchors = pgTable(
  'audit_anchors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    siteCode: text('site_code').notNull(),
    batchSeq: bigint('batch_seq', { mode: 'number' }).notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    receivedAt: at('received_at').notNull(),
    anomaly: text('anomaly'),
  },
  (t) => [index('audit_anchors_site').on(t.siteCode, t.id)],
);

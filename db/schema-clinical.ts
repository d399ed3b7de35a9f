// Clinical tables: aliases, stays, form responses, flags, tasks, handovers and referrals.
// Clinical entries are never edited in place: a response amendment is a new row that supersedes
// the old one; a mistake is marked entered-in-error and stays in history. Flags and tasks change
// state only by a recorded decision (who, when, why).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { persons } from './schema';

export const personAliases = sqliteTable(
  'person_aliases',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull(),
    originSite: text('origin_site').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** A retired alias stays in history but is no longer searched or shown as a current name. */
    retiredAt: text('retired_at'),
    retiredBy: text('retired_by'),
    retiredReason: text('retired_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('person_aliases_person').on(t.personId)],
);

export const stays = sqliteTable(
  'stays',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    siteCode: text('site_code').notNull(),
    kind: text('kind', { enum: ['custody', 'prison'] }).notNull(),
    arrivedAt: text('arrived_at').notNull(),
    arrivalReason: text('arrival_reason'),
    exitedAt: text('exited_at'),
    exitReason: text('exit_reason'),
    exitDestination: text('exit_destination'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    index('stays_person').on(t.personId, t.arrivedAt),
    index('stays_site_current').on(t.siteCode, t.exitedAt),
    // Reports: the stays at a site that began in a period, with what every KPI query needs of
    // them, so the period's stays are read from the index alone.
    index('stays_site_arrived').on(t.siteCode, t.arrivedAt, t.kind, t.exitedAt, t.id, t.personId, t.exitReason, t.exitDestination),
  ],
);

export const formResponses = sqliteTable(
  'form_responses',
  {
    id: text('id').primaryKey(),
    /** The first version's id: every amendment of one response shares it. */
    chainId: text('chain_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    stayId: text('stay_id').references(() => stays.id),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    /** The saved response as domain/templates/response.ts defines it (answers, scores, bands, flags, codes). */
    body: text('body', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status', { enum: ['final', 'amended', 'entered_in_error'] }).notNull(),
    version: integer('version').notNull(),
    supersedes: text('supersedes'),
    /** The latest version of its chain: the one lists show. */
    current: integer('current', { mode: 'boolean' }).notNull(),
    reason: text('reason'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    originSite: text('origin_site').notNull(),
  },
  (t) => [
    index('form_responses_person_template').on(t.personId, t.templateId, t.recordedAt),
    index('form_responses_chain').on(t.chainId, t.version),
    // Outcomes report: a period's responses to a template (the TOPs recorded here), from the index, not the table.
    index('form_responses_template_recorded').on(t.templateId, t.recordedAt, t.originSite, t.current, t.status, t.personId),
    // Outcomes report: the codes forms recorded here in a period, found by site and time.
    index('form_responses_site_recorded').on(t.originSite, t.recordedAt),
    // Reports also read two indexes on expressions of the body, made by the custom migration
    // `report_expression_indexes` (db/reports/kpi-index.ts): drizzle-kit cannot write them.
  ],
);

export const flags = sqliteTable(
  'flags',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    severity: text('severity').notNull(),
    /** The objective criteria that produced it, shown to anyone who sees it. */
    reason: text('reason').notNull(),
    sourceResponseId: text('source_response_id'),
    /** Handling advice a partner (police, social care) may see; a flag without it is not shown to partners. */
    partnerAdvice: text('partner_advice'),
    originSite: text('origin_site').notNull(),
    /** When the current severity and reason were set (a later result updates them; the log keeps history). */
    updatedAt: text('updated_at').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    setAt: text('set_at').notNull(),
    setBy: text('set_by').notNull(),
    setByName: text('set_by_name').notNull(),
    endedAt: text('ended_at'),
    endedBy: text('ended_by'),
    endedByName: text('ended_by_name'),
    endReason: text('end_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('flags_person_active').on(t.personId, t.endedAt)],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    stayId: text('stay_id').references(() => stays.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Why the task exists, in words (the answers behind it: "methadone 60 mg, last dose 08:00"). */
    detail: text('detail'),
    /** The role the task is for (a prescriber's continuity-of-treatment task), or anyone's. */
    forRole: text('for_role'),
    dueAt: text('due_at').notNull(),
    siteCode: text('site_code').notNull(),
    sourceResponseId: text('source_response_id'),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    closeNote: text('close_note'),
    /** The kind's outcome it was closed with (domain/tasks/task-kinds.ts): "received", "missed"... */
    result: text('result'),
    /** The worker it is assigned to, and their name at the time. */
    assigneeId: text('assignee_id'),
    assigneeName: text('assignee_name'),
    /** The team whose list it is on (domain/access/teams.ts). */
    team: text('team'),
    /** Due on a day (yyyy-mm-dd): `dueAt` is then the end of that day at the site. */
    dueOn: text('due_on'),
    /** What it is about: a treatment (its review `aboutStep`), a care plan, a release plan, the task it follows up. */
    aboutType: text('about_type'),
    aboutId: text('about_id'),
    aboutStep: integer('about_step'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tasks_site_open').on(t.siteCode, t.status, t.dueAt),
    index('tasks_person').on(t.personId, t.status),
    index('tasks_assignee_open').on(t.assigneeId, t.status, t.dueAt),
    index('tasks_team_open').on(t.siteCode, t.team, t.status, t.dueAt),
    index('tasks_about').on(t.aboutType, t.aboutId, t.status),
    // Reports: a stay's tasks of a kind and when they were closed, from the index alone.
    index('tasks_stay_kind').on(t.stayId, t.kind, t.status, t.closedAt),
    // Workforce report: the site's open work by due time with its kind, team and worker, from the index alone.
    index('tasks_site_work').on(t.siteCode, t.status, t.dueAt, t.kind, t.team, t.assigneeId, t.assigneeName),
  ],
);

export const handovers = sqliteTable(
  'handovers',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    stayId: text('stay_id').references(() => stays.id),
    responseId: text('response_id')
      .notNull()
      .references(() => formResponses.id),
    officerName: text('officer_name').notNull(),
    officerId: text('officer_id'),
    acknowledgedAt: text('acknowledged_at').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    originSite: text('origin_site').notNull(),
  },
  (t) => [index('handovers_person').on(t.personId, t.recordedAt)],
);

export const referrals = sqliteTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    toService: text('to_service', { enum: ['mental_health_inreach', 'substance_misuse'] }).notNull(),
    reason: text('reason').notNull(),
    sourceResponseId: text('source_response_id'),
    status: text('status', { enum: ['open', 'accepted', 'declined', 'closed', 'referred_on'] }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name'),
    siteCode: text('site_code').notNull(),
    /** Where it came from, how urgent, which substances (domain/sms/referral-services.ts); null on older referrals. */
    source: text('source'),
    urgency: text('urgency'),
    substances: text('substances', { mode: 'json' }).$type<string[]>(),
    outcomeAt: text('outcome_at'),
    outcomeBy: text('outcome_by'),
    outcomeByName: text('outcome_by_name'),
    outcomeNote: text('outcome_note'),
    /** The day it was decided and who decided (as recorded). */
    decidedOn: text('decided_on'),
    decidedBy: text('decided_by'),
    /** Referred on: the key service and the SNOMED CT code recorded for it. */
    referredOnTo: text('referred_on_to'),
    referredOnCode: text('referred_on_code'),
    referredOnDisplay: text('referred_on_display'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('referrals_person').on(t.personId, t.createdAt),
    index('referrals_site_open').on(t.siteCode, t.status),
    // Reports: a person's referrals at a site with their service and where they stand, from the index alone.
    index('referrals_person_site').on(t.personId, t.siteCode, t.createdAt, t.toService, t.status),
    // Outcomes report: a period's referrals to a service by source and status, and those decided in a period with their code, from the index alone.
    index('referrals_site_service_created').on(t.siteCode, t.toService, t.createdAt, t.source, t.status, t.personId),
    index('referrals_site_decided').on(t.siteCode, t.status, t.decidedOn, t.referredOnCode, t.referredOnDisplay, t.personId),
  ],
);

/**
 * Two changes to the same single-valued record made from the same version at different sites: both
 * are kept and shown until a clinician decides which stands (docs/sync-protocol.md "Conflicts").
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    /** JSON array of the competing events' ids, oldest first. */
    eventIds: text('event_ids', { mode: 'json' }).$type<string[]>().notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolvedByName: text('resolved_by_name'),
    keptEventId: text('kept_event_id'),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('sync_conflicts_person').on(t.personId, t.resolvedAt)],
);

// The substance misuse pathway's tables (projected from events, db/projector/apply-sms.ts):
// keyworker slots and every assignment to them (history kept), treatment episodes, completed
// reviews, care plans with every version, and release plans.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { persons } from './schema';

/** One keyworker role (clinical or psychosocial) for a person at a site; its version guards reassignment. */
export const caseloadSlots = sqliteTable(
  'caseload_slots',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    siteCode: text('site_code').notNull(),
    kind: text('kind', { enum: ['clinical', 'psychosocial'] }).notNull(),
    /** The assignment in force, or null when the slot is empty (discharged). */
    currentAssignmentId: text('current_assignment_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('caseload_slots_person').on(t.personId, t.siteCode)],
);

/** Every assignment of a keyworker (row id = the event's id); an ended one stays as history. */
export const caseloadAssignments = sqliteTable(
  'caseload_assignments',
  {
    id: text('id').primaryKey(),
    slotId: text('slot_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    siteCode: text('site_code').notNull(),
    kind: text('kind', { enum: ['clinical', 'psychosocial'] }).notNull(),
    workerId: text('worker_id').notNull(),
    workerName: text('worker_name').notNull(),
    referralId: text('referral_id'),
    reason: text('reason'),
    assignedAt: text('assigned_at').notNull(),
    assignedBy: text('assigned_by').notNull(),
    assignedByName: text('assigned_by_name').notNull(),
    endedAt: text('ended_at'),
    endedByName: text('ended_by_name'),
    endReason: text('end_reason'),
  },
  (t) => [
    index('caseload_assignments_worker').on(t.workerId, t.siteCode, t.endedAt),
    index('caseload_assignments_person').on(t.personId, t.assignedAt),
    // Workforce report: the site's assignments current in a period with their worker, kind and person, from the index alone.
    index('caseload_assignments_site').on(t.siteCode, t.assignedAt, t.endedAt, t.workerId, t.kind, t.personId, t.workerName),
    // Workforce report: caseloads grouped by worker and person as the index is read (no sort), from the index alone.
    index('caseload_assignments_site_worker').on(t.siteCode, t.workerId, t.personId, t.kind, t.assignedAt, t.endedAt, t.workerName),
  ],
);

export const treatments = sqliteTable(
  'treatments',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    siteCode: text('site_code').notNull(),
    stayId: text('stay_id'),
    startedOn: text('started_on').notNull(),
    interventions: text('interventions', { mode: 'json' }).$type<string[]>().notNull(),
    substances: text('substances', { mode: 'json' }).$type<string[]>().notNull(),
    referralId: text('referral_id'),
    /** The review timers it started with (domain/sms/review-schedule.ts), as JSON. */
    timers: text('timers', { mode: 'json' }).$type<{ firstReviewDays: number; secondReviewDays: number; intervalWeeks: number }>().notNull(),
    startedAt: text('started_at').notNull(),
    startedByName: text('started_by_name').notNull(),
    endedOn: text('ended_on'),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    endedByName: text('ended_by_name'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('treatments_person').on(t.personId, t.siteCode, t.endedOn)],
);

export const smsReviews = sqliteTable(
  'sms_reviews',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    siteCode: text('site_code').notNull(),
    treatmentId: text('treatment_id').notNull(),
    taskId: text('task_id').notNull(),
    step: integer('step').notNull(),
    label: text('label').notNull(),
    dueOn: text('due_on').notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    summary: text('summary').notNull(),
    decision: text('decision').notNull(),
    carePlan: text('care_plan').notNull(),
    carePlanVersion: integer('care_plan_version'),
    recordedAt: text('recorded_at').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('sms_reviews_treatment').on(t.treatmentId, t.step)],
);

export const carePlans = sqliteTable(
  'care_plans',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    siteCode: text('site_code').notNull(),
    reviewOn: text('review_on').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('care_plans_person').on(t.personId, t.siteCode)],
);

/** Every version of a care plan (row id = the event's id), newest by `version`. */
export const carePlanVersions = sqliteTable(
  'care_plan_versions',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    version: integer('version').notNull(),
    goals: text('goals', { mode: 'json' }).$type<{ goal: string; actions: { action: string; owner: string; by: string | null }[] }[]>().notNull(),
    reviewOn: text('review_on').notNull(),
    reviewId: text('review_id'),
    note: text('note'),
    recordedAt: text('recorded_at').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('care_plan_versions_plan').on(t.planId, t.version)],
);

export const releasePlans = sqliteTable(
  'release_plans',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    siteCode: text('site_code').notNull(),
    stayId: text('stay_id'),
    releaseOn: text('release_on').notNull(),
    destination: text('destination').notNull(),
    ost: text('ost', { mode: 'json' }).$type<{ medicine: string; doseMg: number; lastDoseAt: string } | null>(),
    naloxone: text('naloxone').notNull(),
    naloxoneNote: text('naloxone_note'),
    communityReferral: text('community_referral', { mode: 'json' }).$type<{
      service: string;
      provider: string;
      referredOn: string;
      firstAppointmentAt: string | null;
      code: { system: string; code: string; display: string } | null;
    } | null>(),
    notes: text('notes'),
    recordedAt: text('recorded_at').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('release_plans_person').on(t.personId, t.siteCode)],
);

// The substance misuse (SMS Toolkit) pathway's events: caseload, treatment, reviews, care plans,
// release plans, and the task changes that keep letters, results and appointments from being lost.
// Part of the one catalogue (events.ts). Values from the product's data tables (substances, key
// services) travel as text: an old event must still parse after a table gains a new version.
import { z } from 'zod';
import { keyworkerKindSchema, teamSchema } from '../../domain/access/teams';
import { reviewTimersSchema } from '../../domain/sms/review-schedule';
import { siteCodeSchema } from './envelope';
import { event } from './event-shape';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const shortText = z.string().min(1).max(200);
const longText = z.string().min(1).max(4000);
const note = z.string().max(2000).nullable();
const recordRef = z.string().min(1).max(64);
const tableValue = z.string().min(1).max(60);

/** A member of staff work is given to: their user id and their name as it was at the time. */
export const taskAssignee = z.object({ id: recordRef, name: shortText }).strict();

/**
 * A keyworker put on (or moved to) one of a person's keyworker slots at a site. `recordId` is the
 * slot (the same for every assignment of that kind to that person at that site), so two
 * concurrent reassignments from the same version are a conflict for a clinician, not a silent merge.
 */
export const caseloadAssigned = event(
  'caseload.assigned',
  'caseload',
  z
    .object({
      siteCode: siteCodeSchema,
      kind: keyworkerKindSchema,
      worker: taskAssignee,
      referralId: recordRef.nullable(),
      /** Why the keyworker changed (required for a reassignment by the service). */
      reason: note,
    })
    .strict(),
);
/** The slot emptied: discharged from the caseload, transferred out. */
export const caseloadEnded = event('caseload.ended', 'caseload', z.object({ reason: longText }).strict());

export const treatmentEndReasonSchema = z.enum(['completed', 'declined', 'transferred', 'released', 'other']);
export const interventionSchema = z.enum(['pharmacological', 'psychosocial']);

/** Treatment started: its reviews are scheduled from `startedOn` with the timers it carries. */
export const treatmentStarted = event(
  'treatment.started',
  'treatment',
  z
    .object({
      siteCode: siteCodeSchema,
      stayId: recordRef.nullable(),
      startedOn: isoDate,
      interventions: z.array(interventionSchema).min(1).max(2),
      substances: z.array(tableValue).min(1).max(20),
      referralId: recordRef.nullable(),
      timers: reviewTimersSchema,
    })
    .strict(),
);
export const treatmentEnded = event('treatment.ended', 'treatment', z.object({ endedOn: isoDate, reason: treatmentEndReasonSchema, note }).strict());

export const reviewDecisionSchema = z.enum(['continue', 'maintain', 'detox', 'reduce', 'end-treatment']);
export const carePlanAtReviewSchema = z.enum(['unchanged', 'updated', 'none-yet']);

/** A scheduled review done: what was decided, and whether the care plan was changed at it. */
export const reviewCompleted = event(
  'review.completed',
  'review',
  z
    .object({
      siteCode: siteCodeSchema,
      treatmentId: recordRef,
      taskId: recordRef,
      step: z.number().int().min(0).max(1000),
      label: shortText,
      dueOn: isoDate,
      reviewedOn: isoDate,
      summary: longText,
      decision: reviewDecisionSchema,
      carePlan: carePlanAtReviewSchema,
      carePlanVersion: z.number().int().positive().nullable(),
    })
    .strict(),
);

export const carePlanGoal = z
  .object({
    goal: z.string().min(1).max(500),
    actions: z
      .array(z.object({ action: z.string().min(1).max(500), owner: shortText, by: isoDate.nullable() }).strict())
      .min(1)
      .max(20),
  })
  .strict();

/** A version of a person's care plan at a site (`recordId` the plan; each version kept). */
export const carePlanRecorded = event(
  'care_plan.recorded',
  'care_plan',
  z
    .object({
      siteCode: siteCodeSchema,
      goals: z.array(carePlanGoal).min(1).max(20),
      reviewOn: isoDate,
      /** The review this version was made at, if any. */
      reviewId: recordRef.nullable(),
      note,
    })
    .strict(),
);

export const naloxoneSchema = z.enum(['issued', 'offered-declined', 'not-offered']);

/** The plan for release from custody, and continuity of treatment after it (each version kept in the log). */
export const releasePlanRecorded = event(
  'release_plan.recorded',
  'release_plan',
  z
    .object({
      siteCode: siteCodeSchema,
      stayId: recordRef.nullable(),
      releaseOn: isoDate,
      destination: shortText,
      ost: z.object({ medicine: shortText, doseMg: z.number().positive().max(1000), lastDoseAt: isoDateTime }).strict().nullable(),
      naloxone: naloxoneSchema,
      naloxoneNote: note,
      communityReferral: z
        .object({
          service: tableValue,
          provider: shortText,
          referredOn: isoDate,
          firstAppointmentAt: isoDateTime.nullable(),
          code: z.object({ system: z.string().min(1).max(100), code: z.string().regex(/^\d{6,18}$/), display: shortText }).strict().nullable(),
        })
        .strict()
        .nullable(),
      notes: note,
    })
    .strict(),
);

/** A task given to a worker and/or a team (or taken back to the team). */
export const taskAssigned = event('task.assigned', 'task', z.object({ assignee: taskAssignee.nullable(), team: teamSchema.nullable(), note }).strict());
/** A task's due date moved, with why (a letter chased and now expected later). */
export const taskRescheduled = event('task.rescheduled', 'task', z.object({ dueAt: isoDateTime, dueOn: isoDate.nullable(), reason: longText }).strict());

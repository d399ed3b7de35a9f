// The substance misuse (SMS Toolkit) pathway: referrals and the team's inbox, keyworkers and
// caseloads, treatment with its scheduled reviews. Care plans, release plans, TOP history and the
// recall list: sms-plans.ts. What a role sees of substance-use detail: domain/access/substance-use-scope.ts
// (withheld fields come back null, with `scope: 'summary'`).
import { z } from 'zod';
import { keyworkerKindSchema } from '../../domain/access/teams';
import { keyServiceSchema, referralSourceSchema, referralSubstanceSchema, referralUrgencySchema } from '../../domain/sms/referral-services';
import { referralServiceSchema } from '../../domain/templates/template-schema';
import { carePlanAtReviewSchema, interventionSchema, reviewDecisionSchema, treatmentEndReasonSchema } from '../sync/events-sms';
import { channel } from './channel';
import { calendarDate, requiredName, requiredText, text, uuidSchema } from './common';
import { personSummarySchema } from './patients';
import { carePlanGoalInput, carePlanViewSchema, releasePlanViewSchema } from './sms-plans';
import { taskUrgencySchema } from './tasks';

export const scopeSchema = z.enum(['detail', 'summary']);

export const smsReferralSchema = z.object({
  id: z.string(),
  personId: z.string(),
  person: personSummarySchema.optional(),
  toService: referralServiceSchema,
  status: z.enum(['open', 'accepted', 'declined', 'closed', 'referred_on']),
  source: z.string().nullable(),
  urgency: z.string().nullable(),
  /** Null where the caller's scope withholds it. */
  reason: z.string().nullable(),
  substances: z.array(z.string()).nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  referredOnTo: z.string().nullable(),
  referredOnCode: z.string().nullable(),
  version: z.number().int(),
});
export type SmsReferral = z.infer<typeof smsReferralSchema>;

export const referralsMake = channel({
  input: z
    .object({
      personId: uuidSchema,
      toService: referralServiceSchema,
      source: referralSourceSchema,
      urgency: referralUrgencySchema,
      reason: requiredText('Reason for the referral', 2000),
      substances: z.array(referralSubstanceSchema).max(12).default([]),
    })
    .strict(),
  output: z.object({ referralId: z.string() }),
  access: { kind: 'permission', permission: 'referral.make' },
  auditAction: 'made referral',
});

export const referralsInbox = channel({
  /** One service's inbox, or (null) the inboxes of every team the caller works in. */
  input: z.object({ service: referralServiceSchema.nullable().default(null) }).strict(),
  output: z.object({ referrals: z.array(smsReferralSchema), scope: scopeSchema }),
  access: { kind: 'permission', permission: 'referral.triage' },
  auditAction: 'viewed referral inbox',
});

export const referralsDecide = channel({
  input: z
    .object({
      referralId: uuidSchema,
      outcome: z.enum(['accepted', 'declined', 'referred_on'], { error: 'Choose the outcome' }),
      decidedOn: calendarDate('Date decided'),
      decidedBy: requiredName('Who decided', 120),
      note: text('Note', 2000),
      referredOnTo: keyServiceSchema.nullable().default(null),
    })
    .strict(),
  output: z.object({ decided: z.literal(true) }),
  access: { kind: 'permission', permission: 'referral.triage' },
  auditAction: 'decided referral',
});

export const keyworkerSchema = z.object({ kind: keyworkerKindSchema, workerId: z.string(), workerName: z.string(), since: z.string(), reason: z.string().nullable(), version: z.number().int() });
export const assignmentHistorySchema = z.object({
  kind: keyworkerKindSchema,
  workerName: z.string(),
  assignedAt: z.string(),
  assignedByName: z.string(),
  reason: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const caseloadAssign = channel({
  input: z
    .object({
      personId: uuidSchema,
      kind: keyworkerKindSchema,
      workerId: uuidSchema,
      /** Required when someone else holds the slot (a reassignment). */
      reason: text('Reason for the change', 1000),
      referralId: uuidSchema.nullable().default(null),
    })
    .strict(),
  output: z.object({ assigned: z.literal(true) }),
  access: { kind: 'permission', permission: 'caseload.manage' },
  auditAction: 'assigned keyworker',
});

export const caseloadEnd = channel({
  input: z.object({ personId: uuidSchema, kind: keyworkerKindSchema, reason: requiredText('Reason', 1000) }).strict(),
  output: z.object({ ended: z.literal(true) }),
  access: { kind: 'permission', permission: 'caseload.manage' },
  auditAction: 'ended keyworker',
});

const nextDueSchema = z.object({ title: z.string(), dueAt: z.string(), dueOn: z.string().nullable(), urgency: taskUrgencySchema, overdueDays: z.number().int() });

export const caseloadList = channel({
  input: z.object({ workerId: uuidSchema.nullable() }).strict(),
  output: z.object({
    workers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        clinical: z.number().int(),
        psychosocial: z.number().int(),
        openTasks: z.number().int(),
        overdueTasks: z.number().int(),
        escalatedTasks: z.number().int(),
      }),
    ),
    people: z.array(
      z.object({
        person: personSummarySchema,
        kinds: z.array(keyworkerKindSchema),
        since: z.string(),
        nextDue: nextDueSchema.nullable(),
        openTasks: z.number().int(),
        overdueTasks: z.number().int(),
      }),
    ),
  }),
  access: { kind: 'permission', permission: 'caseload.manage' },
  auditAction: 'viewed caseloads',
});

export const treatmentViewSchema = z.object({
  id: z.string(),
  startedOn: z.string(),
  interventions: z.array(interventionSchema),
  substances: z.array(z.string()).nullable(),
  referralId: z.string().nullable(),
  /** The first reviews as planned at the start (5-day, 28-day, 13-week by default). */
  plan: z.array(z.object({ step: z.number().int(), label: z.string(), dueOn: z.string() })),
  nextReview: z.object({ taskId: z.string(), step: z.number().int(), label: z.string(), dueOn: z.string().nullable(), dueAt: z.string(), urgency: taskUrgencySchema }).nullable(),
  startedByName: z.string(),
  endedOn: z.string().nullable(),
  endReason: treatmentEndReasonSchema.nullable(),
  endNote: z.string().nullable(),
  version: z.number().int(),
});

export const reviewViewSchema = z.object({
  id: z.string(),
  treatmentId: z.string(),
  step: z.number().int(),
  label: z.string(),
  dueOn: z.string(),
  reviewedOn: z.string(),
  summary: z.string().nullable(),
  decision: reviewDecisionSchema.nullable(),
  carePlan: carePlanAtReviewSchema,
  carePlanVersion: z.number().int().nullable(),
  recordedByName: z.string(),
});

/**
 * What another site recorded of the person's substance misuse care, received by sync (a transfer,
 * a lookup): read only here, each part under the site that recorded it.
 */
export const smsElsewhereSchema = z.object({
  siteCode: z.string(),
  referrals: z.array(smsReferralSchema),
  keyworkers: z.array(keyworkerSchema),
  history: z.array(assignmentHistorySchema),
  /** Newest first; an open one is still in progress at that site. */
  treatments: z.array(treatmentViewSchema),
  reviews: z.array(reviewViewSchema),
  carePlan: carePlanViewSchema.nullable(),
  releasePlan: releasePlanViewSchema.nullable(),
});

export const smsRecord = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({
    scope: scopeSchema,
    referrals: z.array(smsReferralSchema),
    keyworkers: z.array(keyworkerSchema),
    history: z.array(assignmentHistorySchema),
    treatment: treatmentViewSchema.nullable(),
    pastTreatments: z.array(treatmentViewSchema),
    reviews: z.array(reviewViewSchema),
    carePlan: carePlanViewSchema.nullable(),
    releasePlan: releasePlanViewSchema.nullable(),
    /** Other sites' records, the most recently active first. */
    elsewhere: z.array(smsElsewhereSchema),
  }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed substance misuse record',
});

export const smsStartTreatment = channel({
  input: z
    .object({
      personId: uuidSchema,
      startedOn: calendarDate('Date treatment started'),
      interventions: z.array(interventionSchema).min(1, { error: 'Choose at least one kind of intervention' }).max(2),
      substances: z.array(referralSubstanceSchema).min(1, { error: 'Choose the substances treated' }).max(12),
      referralId: uuidSchema.nullable().default(null),
    })
    .strict(),
  output: z.object({ treatmentId: z.string(), review: z.object({ label: z.string(), dueOn: z.string() }) }),
  access: { kind: 'permission', permission: 'sms.record' },
  auditAction: 'started treatment',
});

export const smsEndTreatment = channel({
  input: z.object({ personId: uuidSchema, treatmentId: uuidSchema, endedOn: calendarDate('Date treatment ended'), reason: treatmentEndReasonSchema, note: text('Note', 2000) }).strict(),
  output: z.object({ ended: z.literal(true), tasksClosed: z.number().int() }),
  access: { kind: 'permission', permission: 'sms.record' },
  auditAction: 'ended treatment',
});

export const smsCompleteReview = channel({
  input: z
    .object({
      personId: uuidSchema,
      taskId: uuidSchema,
      reviewedOn: calendarDate('Date of the review'),
      summary: requiredText('Review summary', 4000),
      decision: reviewDecisionSchema,
      /** The care plan at this review: confirmed unchanged, updated (the new version), or there is none yet. */
      carePlan: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('unchanged') }).strict(),
        z.object({ kind: z.literal('none-yet') }).strict(),
        z.object({ kind: z.literal('updated'), goals: z.array(carePlanGoalInput).min(1).max(20), reviewOn: calendarDate('Care plan review date') }).strict(),
      ]),
    })
    .strict(),
  output: z.object({ reviewId: z.string(), next: z.object({ label: z.string(), dueOn: z.string() }).nullable(), treatmentEnded: z.boolean() }),
  access: { kind: 'permission', permission: 'sms.record' },
  auditAction: 'completed review',
});

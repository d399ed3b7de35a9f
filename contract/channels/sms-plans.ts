// Care plans (goals, actions, owners, review date; every version kept), release plans with the
// printable release pack, a person's TOPs over time, and the recall list.
import { z } from 'zod';
import { teamSchema } from '../../domain/access/teams';
import { keyServiceSchema } from '../../domain/sms/referral-services';
import { naloxoneSchema } from '../sync/events-sms';
import { channel } from './channel';
import { calendarDate, calendarDateTime, requiredText, text, uuidSchema } from './common';
import { personSummarySchema } from './patients';
import { taskUrgencySchema } from './tasks';

export const carePlanGoalInput = z
  .object({
    goal: requiredText('Goal', 500),
    actions: z
      .array(z.object({ action: requiredText('Action', 500), owner: requiredText('Who does it', 200), by: calendarDate('By when').nullable().default(null) }).strict())
      .min(1, { error: 'Add at least one action for the goal' })
      .max(20),
  })
  .strict();

const goalView = z.object({ goal: z.string(), actions: z.array(z.object({ action: z.string(), owner: z.string(), by: z.string().nullable() })) });

export const carePlanViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  reviewOn: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string(),
  /** Null where the caller's scope withholds it. */
  goals: z.array(goalView).nullable(),
  versions: z.array(
    z.object({ version: z.number().int(), recordedAt: z.string(), recordedByName: z.string(), reviewOn: z.string(), goals: z.array(goalView).nullable(), note: z.string().nullable() }),
  ),
});

export const releasePlanViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  releaseOn: z.string(),
  destination: z.string().nullable(),
  ost: z.object({ medicine: z.string(), doseMg: z.number(), lastDoseAt: z.string() }).nullable(),
  naloxone: naloxoneSchema,
  naloxoneNote: z.string().nullable(),
  communityReferral: z
    .object({ service: z.string(), serviceLabel: z.string(), provider: z.string(), referredOn: z.string(), firstAppointmentAt: z.string().nullable(), code: z.string().nullable() })
    .nullable(),
  notes: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  followUp: z.object({ taskId: z.string(), dueOn: z.string().nullable(), dueAt: z.string(), status: z.enum(['open', 'done', 'cancelled']), result: z.string().nullable() }).nullable(),
});
export type ReleasePlanView = z.infer<typeof releasePlanViewSchema>;

export const smsRecordCarePlan = channel({
  input: z
    .object({
      personId: uuidSchema,
      /** The version being replaced (null for the first plan). */
      baseVersion: z.number().int().positive().nullable(),
      goals: z.array(carePlanGoalInput).min(1, { error: 'Add at least one goal' }).max(20),
      reviewOn: calendarDate('Care plan review date'),
      note: text('Note', 2000),
    })
    .strict(),
  output: z.object({ planId: z.string(), version: z.number().int(), reviewOn: z.string() }),
  access: { kind: 'permission', permission: 'sms.record' },
  auditAction: 'recorded care plan',
});

export const smsRecordReleasePlan = channel({
  input: z
    .object({
      personId: uuidSchema,
      baseVersion: z.number().int().positive().nullable(),
      releaseOn: calendarDate('Release date'),
      destination: requiredText('Where the person is going', 200),
      ost: z
        .object({
          medicine: requiredText('OST medicine', 120),
          doseMg: z.number({ error: 'Enter the dose in mg' }).positive({ error: 'Enter the dose in mg' }).max(1000, { error: 'Enter a dose of 1000 mg or less' }),
          lastDoseAt: calendarDateTime('Time of the last dose'),
        })
        .strict()
        .nullable(),
      naloxone: naloxoneSchema,
      naloxoneNote: text('Naloxone note', 500),
      communityReferral: z
        .object({
          service: keyServiceSchema,
          provider: requiredText('Community service name', 200),
          referredOn: calendarDate('Date referred'),
          firstAppointmentAt: calendarDateTime('First appointment').nullable().default(null),
        })
        .strict()
        .nullable(),
      notes: text('Notes', 2000),
    })
    .strict(),
  output: z.object({ planId: z.string(), followUp: z.object({ taskId: z.string(), dueOn: z.string() }) }),
  access: { kind: 'permission', permission: 'sms.record' },
  auditAction: 'recorded release plan',
});

const topValue = z.object({ value: z.number().nullable(), notDisclosed: z.boolean() });

export const smsTopHistory = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({
    points: z.array(
      z.object({
        responseId: z.string(),
        templateId: z.string(),
        recordedAt: z.string(),
        stage: z.string(),
        stageLabel: z.string(),
        interviewDate: z.string().nullable(),
        days: z.array(z.object({ key: z.string(), label: z.string(), days: topValue })),
        ratings: z.array(z.object({ id: z.string(), label: z.string(), rating: topValue })),
        injectingDays: topValue,
      }),
    ),
  }),
  access: { kind: 'permission', permission: 'sms.view' },
  auditAction: 'viewed TOP history',
});

export const recallTypeSchema = z.enum(['first-review', 'second-review', 'interval-review', 'care-plan-review', 'recall', 'release-follow-up']);
export type RecallType = z.infer<typeof recallTypeSchema>;

export const recallRowSchema = z.object({
  taskId: z.string(),
  person: personSummarySchema,
  prisonNumber: z.string().nullable(),
  type: recallTypeSchema,
  typeLabel: z.string(),
  title: z.string(),
  dueAt: z.string(),
  dueOn: z.string().nullable(),
  urgency: taskUrgencySchema,
  overdueDays: z.number().int(),
  assignee: z.string().nullable(),
  team: teamSchema.nullable(),
});

export const recallsList = channel({
  input: z
    .object({
      team: teamSchema.nullable().default(null),
      workerId: uuidSchema.nullable().default(null),
      window: z.enum(['overdue', '7-days', '28-days', 'all']).default('28-days'),
      type: recallTypeSchema.nullable().default(null),
    })
    .strict(),
  output: z.object({ rows: z.array(recallRowSchema), truncated: z.boolean(), typeLabels: z.record(recallTypeSchema, z.string()) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed recall list',
});

/** The same list, fetched to print: its own audit row says it was printed and how many people it named. */
export const recallsPrint = channel({ ...recallsList, auditAction: 'printed recall list' });

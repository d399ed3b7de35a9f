// Tasks, so that due assessments, reviews, letters, results and appointments are never lost: per
// person, per worker and per team, each closed only with an outcome of its kind, overdue ones
// escalating on every list and in the patient banner.
import { z } from 'zod';
import { roleSchema } from '../../domain/access/roles';
import { teamSchema } from '../../domain/access/teams';
import { channel } from './channel';
import { calendarDate, calendarDateTime, requiredText, text, uuidSchema } from './common';
import { personSummarySchema } from './patients';

export const taskUrgencySchema = z.enum(['not_due', 'overdue', 'escalated']);

export const taskSchema = z.object({
  id: z.string(),
  personId: z.string(),
  person: personSummarySchema.optional(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  forRole: roleSchema.nullable(),
  dueAt: z.string(),
  /** Due on a day (shown as the date only). */
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  urgency: taskUrgencySchema,
  overdueDays: z.number().int(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  team: teamSchema.nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  /** The outcome it was closed with, in words. */
  result: z.string().nullable(),
  /** False for a review or care plan review, which closes when it is done (not by hand). */
  closable: z.boolean(),
  reschedulable: z.boolean(),
  version: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const tasksList = channel({
  input: z
    .object({
      personId: uuidSchema.nullable(),
      status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
      /** `site`: every task at the site; `mine`: given to me; `team`: on my teams' lists (or `team`'s). */
      scope: z.enum(['site', 'mine', 'team']).default('site'),
      team: teamSchema.nullable().default(null),
    })
    .strict(),
  output: z.object({
    tasks: z.array(taskSchema),
    truncated: z.boolean().default(false),
    /**
     * For one person: their open tasks at other sites (received by sync: a hospital letter awaited
     * where they were before, a review due there), read only here, with the site that holds each.
     */
    elsewhere: z.array(taskSchema.extend({ siteCode: z.string() })).default([]),
  }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed tasks',
});

export const tasksClose = channel({
  input: z
    .object({
      taskId: uuidSchema,
      /** One of the kind's outcomes (domain/tasks/task-kinds.ts). */
      outcome: z.string({ error: 'Choose an outcome' }).min(1, { error: 'Choose an outcome' }).max(60),
      note: text('Note', 1000),
      /** For an outcome that rebooks: the new date and time. */
      rebookAt: calendarDateTime('New appointment date and time').nullable().default(null),
    })
    .strict(),
  output: z.object({ closed: z.literal(true), followUpTaskId: z.string().nullable().default(null) }),
  access: { kind: 'permission', permission: 'task.manage' },
  auditAction: 'closed task',
});

export const tasksCreate = channel({
  input: z
    .object({
      personId: uuidSchema,
      kind: z.string().min(1).max(60),
      title: requiredText('What the task is', 200),
      detail: requiredText('Details', 2000),
      /** A day for kinds due on a day; a date and time for appointments. */
      dueOn: calendarDate('Due date').nullable().default(null),
      dueAt: calendarDateTime('Date and time').nullable().default(null),
      team: teamSchema.nullable().default(null),
      assigneeId: uuidSchema.nullable().default(null),
    })
    .strict(),
  output: z.object({ taskId: z.string() }),
  access: { kind: 'permission', permission: 'task.manage' },
  auditAction: 'created task',
});

export const tasksAssign = channel({
  input: z.object({ taskId: uuidSchema, team: teamSchema.nullable(), assigneeId: uuidSchema.nullable(), note: text('Note', 1000) }).strict(),
  output: z.object({ assigned: z.literal(true) }),
  access: { kind: 'permission', permission: 'task.manage' },
  auditAction: 'assigned task',
});

export const tasksReschedule = channel({
  input: z
    .object({
      taskId: uuidSchema,
      dueOn: calendarDate('New due date').nullable().default(null),
      dueAt: calendarDateTime('New date and time').nullable().default(null),
      reason: requiredText('Reason for the new date', 1000),
    })
    .strict(),
  output: z.object({ rescheduled: z.literal(true) }),
  access: { kind: 'permission', permission: 'task.manage' },
  auditAction: 'rescheduled task',
});

export const workerSchema = z.object({
  id: z.string(),
  name: z.string(),
  teams: z.array(teamSchema),
  /** Keyworker roles they may hold on a substance misuse caseload. */
  keyworkerKinds: z.array(z.enum(['clinical', 'psychosocial'])),
});
export type Worker = z.infer<typeof workerSchema>;

/** Staff work can be given to (active accounts with a team), for the assign and caseload forms. */
export const tasksWorkers = channel({
  input: z.object({}).strict(),
  output: z.object({ workers: z.array(workerSchema), myTeams: z.array(teamSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'listed staff to assign work to',
});

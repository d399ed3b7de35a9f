// Tasks, so that due assessments, letters and appointments are never lost.
import { z } from 'zod';
import { roleSchema } from '../../domain/access/roles';
import { channel } from './channel';
import { text, uuidSchema } from './common';
import { personSummarySchema } from './patients';

export const taskSchema = z.object({
  id: z.string(),
  personId: z.string(),
  person: personSummarySchema.optional(),
  kind: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  forRole: roleSchema.nullable(),
  dueAt: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
});
export type Task = z.infer<typeof taskSchema>;

export const tasksList = channel({
  input: z
    .object({ personId: uuidSchema.nullable(), status: z.enum(['open', 'done', 'cancelled', 'all']).default('open') })
    .strict(),
  output: z.object({ tasks: z.array(taskSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed tasks',
});

export const tasksClose = channel({
  input: z.object({ taskId: uuidSchema, outcome: z.enum(['done', 'cancelled']), note: text('Note', 1000) }).strict(),
  output: z.object({ closed: z.literal(true) }),
  access: { kind: 'permission', permission: 'task.manage' },
  auditAction: 'closed task',
});

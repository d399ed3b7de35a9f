// Stays: one custody detention or prison stay at a site, from reception to exit.
import { z } from 'zod';
import { channel } from './channel';
import { calendarDateTime, requiredText, text, uuidSchema } from './common';

export const isoDateTimeSchema = calendarDateTime();

export const staySchema = z.object({
  id: z.string(),
  personId: z.string(),
  siteCode: z.string(),
  kind: z.enum(['custody', 'prison']),
  arrivedAt: z.string(),
  arrivalReason: z.string().nullable(),
  exitedAt: z.string().nullable(),
  exitReason: z.string().nullable(),
  exitDestination: z.string().nullable(),
});
export type Stay = z.infer<typeof staySchema>;

export const staysStart = channel({
  input: z
    .object({
      personId: uuidSchema,
      arrivedAt: isoDateTimeSchema,
      arrivalReason: text('Reason for arrival', 200).nullable(),
    })
    .strict(),
  output: z.object({ stayId: z.string() }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'started stay',
});

export const staysEnd = channel({
  input: z
    .object({
      stayId: uuidSchema,
      exitedAt: isoDateTimeSchema,
      exitReason: requiredText('Reason for leaving', 200),
      exitDestination: requiredText('Destination', 200),
    })
    .strict(),
  output: z.object({ ended: z.literal(true) }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'ended stay',
});

export const staysList = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({ stays: z.array(staySchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed stays',
});

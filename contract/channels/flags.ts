// Risk flags: always visible in the banner with who set them and why; they end only by a
// recorded decision.
import { z } from 'zod';
import { severitySchema } from '../../domain/templates/template-schema';
import { channel } from './channel';
import { requiredText, text, uuidSchema } from './common';

export const flagSchema = z.object({
  id: z.string(),
  personId: z.string(),
  code: z.string(),
  label: z.string(),
  severity: severitySchema,
  reason: z.string(),
  partnerAdvice: z.string().nullable(),
  sourceResponseId: z.string().nullable(),
  setAt: z.string(),
  setByName: z.string(),
  /** When the current severity and reason were set, and by whom (a later result or a clinician's update). */
  updatedAt: z.string(),
  updatedByName: z.string(),
  originSite: z.string(),
  version: z.number().int(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type Flag = z.infer<typeof flagSchema>;

export const flagsRaise = channel({
  input: z
    .object({
      personId: uuidSchema,
      code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: 'Choose a flag type' }),
      label: requiredText('Flag', 120),
      severity: severitySchema,
      reason: requiredText('Reason', 1000),
      /** Handling advice a police or partner user may see; leave empty to keep the flag clinical only. */
      partnerAdvice: text('Advice for partners', 500).nullable().default(null),
    })
    .strict(),
  output: z.object({ flagId: z.string() }),
  access: { kind: 'permission', permission: 'flag.manage' },
  auditAction: 'raised flag',
});

export const flagsEnd = channel({
  input: z.object({ flagId: uuidSchema, reason: requiredText('Reason for ending the flag', 1000) }).strict(),
  output: z.object({ ended: z.literal(true) }),
  access: { kind: 'permission', permission: 'flag.manage' },
  auditAction: 'ended flag',
});

export const flagsList = channel({
  input: z.object({ personId: uuidSchema, includeEnded: z.boolean().default(false) }).strict(),
  output: z.object({ flags: z.array(flagSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed flags',
});

export const flagsUpdate = channel({
  input: z
    .object({
      flagId: uuidSchema,
      /** The version the clinician was looking at: a flag changed since is refused, not overwritten. */
      baseVersion: z.number().int().positive(),
      severity: severitySchema,
      reason: requiredText('Reason', 1000),
      partnerAdvice: text('Advice for partners', 500).nullable().default(null),
    })
    .strict(),
  output: z.object({ updated: z.literal(true) }),
  access: { kind: 'permission', permission: 'flag.manage' },
  auditAction: 'updated flag',
});

export const flagVersionSchema = z.object({
  kind: z.enum(['raised', 'updated', 'ended']),
  at: z.string(),
  byName: z.string(),
  originSite: z.string(),
  severity: severitySchema.nullable(),
  reason: z.string(),
});
export type FlagVersion = z.infer<typeof flagVersionSchema>;

export const flagsHistory = channel({
  input: z.object({ personId: uuidSchema, flagId: uuidSchema }).strict(),
  output: z.object({ versions: z.array(flagVersionSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed flag history',
});

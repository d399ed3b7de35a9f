// Sync with the central record, as the screens see it: the status area on every screen, "sync now",
// the reception lookup of the shared record (with a stated purpose), conflicts between two sites'
// edits and their resolution, and events the central refused (kept here, never dropped).
import { z } from 'zod';
import { dataCategorySchema, purposeSchema } from '../../domain/access/disclosure';
import { lookupIdentifierTypeSchema } from '../sync/wire';
import { channel } from './channel';
import { requiredText, text, uuidSchema } from './common';

export const syncStatusSchema = z.object({
  mode: z.enum(['off', 'not_provisioned', 'misconfigured', 'on']),
  /** Why sync is not running, in words; null when it runs. */
  message: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  /** Local changes not yet accepted by the central. */
  waitingToSend: z.number().int(),
  /** Local changes the central refused: kept here with their reason. */
  refused: z.number().int(),
  openConflicts: z.number().int(),
  activity: z.discriminatedUnion('state', [
    z.object({ state: z.literal('idle') }),
    z.object({ state: z.literal('pushing'), sent: z.number().int(), waiting: z.number().int() }),
    z.object({ state: z.literal('pulling'), through: z.number().int(), head: z.number().int() }),
  ]),
  problem: z.object({ kind: z.string(), message: z.string(), at: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncStatus = channel({
  input: z.object({}).strict(),
  output: syncStatusSchema,
  access: { kind: 'signedIn' },
  auditAction: 'viewed sync status',
  passive: true,
});

/** Long poll: which people's records changed (a local save elsewhere, or pulled by sync) after `after`. */
export const noticesWait = channel({
  input: z.object({ after: z.number().int().nonnegative(), waitMs: z.number().int().min(0).max(25_000) }).strict(),
  output: z.object({ seq: z.number().int(), personIds: z.array(z.string()), all: z.boolean() }),
  access: { kind: 'signedIn' },
  auditAction: 'waited for changes',
  passive: true,
});

export const syncNow = channel({
  input: z.object({}).strict(),
  output: z.object({
    pushed: z.number().int(),
    refused: z.number().int(),
    conflicts: z.number().int(),
    received: z.number().int(),
    problem: z.string().nullable(),
  }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'asked for a sync',
});

export const lookupDecisionSchema = z.object({
  originSite: z.string(),
  outcome: z.enum(['permit', 'permit_with_redactions', 'deny']),
  permitted: z.array(dataCategorySchema),
  withheld: z.array(z.object({ category: dataCategorySchema, rule: z.string() })),
  rule: z.string(),
});

export const syncLookup = channel({
  input: z
    .object({
      identifierType: lookupIdentifierTypeSchema,
      value: requiredText('Identifier', 40),
      purpose: purposeSchema,
      /** Only for a real and immediate risk to life, overriding recorded dissent. */
      vitalInterests: text('Why there is a risk to life', 2000).nullable().default(null),
    })
    .strict(),
  output: z.object({
    people: z.array(
      z.object({
        personId: z.string(),
        /** As now held here (null when nothing identifying was shared). */
        person: z.object({ familyName: z.string(), givenNames: z.string(), birthDate: z.string() }).nullable(),
        decisions: z.array(lookupDecisionSchema),
        received: z.number().int(),
        more: z.boolean(),
        subscribedUntil: z.string().nullable(),
      }),
    ),
  }),
  access: { kind: 'permission', permission: 'record.lookup' },
  auditAction: 'looked up the shared record',
});

export const conflictSideSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  originSite: z.string(),
  authorName: z.string(),
  authorRole: z.string(),
  recordedAt: z.string(),
  /** The value this side would set, in words. */
  value: z.string(),
  /** Whether the record shows this side's value now. */
  current: z.boolean(),
});

export const syncConflicts = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({
    conflicts: z.array(
      z.object({ id: z.string(), recordType: z.string(), recordId: z.string(), detectedAt: z.string(), sides: z.array(conflictSideSchema) }),
    ),
  }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed sync conflicts',
});

export const syncResolveConflict = channel({
  input: z
    .object({
      personId: uuidSchema,
      conflictId: uuidSchema,
      keptEventId: uuidSchema,
      note: requiredText('Why this value stands', 1000),
    })
    .strict(),
  output: z.object({ resolved: z.literal(true) }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'resolved a sync conflict',
});

export const syncRefused = channel({
  input: z.object({}).strict(),
  output: z.object({
    events: z.array(z.object({ eventId: z.string(), type: z.string(), personId: z.string(), recordedAt: z.string(), reason: z.string() })),
  }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed changes the central refused',
});

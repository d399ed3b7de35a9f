// The fields every clinical event carries, whatever changed (docs/sync-protocol.md "The event").
// A change made at one site must be applied exactly at another, and a disclosure decision must be
// possible without opening the payload: hence the person, the record, the author's role and the
// sensitivity category on the outside of every event.
import { z } from 'zod';
import { dataCategorySchema } from '../../domain/access/disclosure';
import { roleSchema } from '../../domain/access/roles';

/** A hybrid logical clock value on the wire: 48-bit ms + 16-bit counter exceeds a JS number, so decimal text. */
export const hlcWireSchema = z.string().regex(/^(0|[1-9][0-9]{0,19})$/, { error: 'hlc must be a non-negative integer in decimal' });

/** UUIDv7: made at the site, time-ordered. */
export const eventIdSchema = z.uuid({ version: 'v7', error: 'event id must be a UUIDv7' });

export const siteCodeSchema = z.string().regex(/^[A-Z0-9]{3,12}$/, { error: 'site code must be 3-12 capital letters or digits' });

export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'content hash must be 64 lower-case hex digits (SHA-256)' });

/** The kinds of record an event changes. One record = one row of current state at each end. */
export const recordTypeSchema = z.enum([
  'person',
  'identifier',
  'alias',
  'stay',
  'flag',
  'task',
  'form_response',
  'handover',
  'referral',
  'consent',
  'conflict',
  'caseload',
  'treatment',
  'review',
  'care_plan',
  'release_plan',
]);
export type RecordType = z.infer<typeof recordTypeSchema>;

/** What kind of information an event discloses: the input to a disclosure decision. */
export const sensitivitySchema = dataCategorySchema;
export type Sensitivity = z.infer<typeof sensitivitySchema>;

export const authorSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    /** The role the author acted in; `system` for events the central record itself raises (conflicts). */
    role: z.union([roleSchema, z.literal('system')]),
  })
  .strict();
export type Author = z.infer<typeof authorSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

/** Envelope fields; each event type adds `type`, a literal `recordType` and its typed `payload`. */
export const envelopeShape = {
  eventId: eventIdSchema,
  personId: z.uuid(),
  recordId: z.string().min(1).max(64),
  /** The version of the record the author was looking at; null when the event creates the record. */
  baseVersion: z.number().int().nonnegative().nullable(),
  hlc: hlcWireSchema,
  originSite: siteCodeSchema,
  author: authorSchema,
  /** Wall-clock time at the origin site when the change was made (shown as "recorded at"). */
  recordedAt: isoDateTime,
  sensitivity: sensitivitySchema,
  contentHash: contentHashSchema,
};

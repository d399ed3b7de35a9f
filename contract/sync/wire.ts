// What crosses the wire between a site and the central record (docs/sync-protocol.md). Both ends
// import these schemas: the central validates every request with them, the site's client validates
// every answer. Events inside a push are `unknown` here on purpose: each is validated on its own at
// the central, so one malformed event is rejected by name instead of refusing the whole batch.
import { z } from 'zod';
import { dataCategorySchema, orgTypeSchema, purposeSchema } from '../../domain/access/disclosure';
import { roleSchema } from '../../domain/access/roles';
import { canonicalJson } from './canonical-json';
import { contentHashSchema, eventIdSchema, siteCodeSchema } from './envelope';
import { clinicalEventSchema } from './events';

/** A push carries at most this many events, and its body at most this many bytes. */
export const PUSH_MAX_EVENTS = 500;
export const PUSH_MAX_BYTES = 1_048_576;
export const PULL_DEFAULT_LIMIT = 500;
export const PULL_MAX_LIMIT = 1000;
/** Longest a wait-for-changes call is held open before answering "nothing new". */
export const WAIT_MAX_MS = 30_000;
/** The origin site of events the central raises itself (conflicts). No site may register it. */
export const CENTRAL_ORIGIN = 'CENTRAL';

export const endpoints = {
  hello: '/v1/hello',
  push: '/v1/push',
  pull: '/v1/pull',
  lookup: '/v1/lookup',
  wait: '/v1/wait',
  auditAnchors: '/v1/audit-anchors',
} as const;

const seqSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const isoDateTime = z.iso.datetime({ offset: true });

/** The head of the site's audit hash chain: how many rows, and the last row's hash. */
export const auditHeadSchema = z
  .object({
    count: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    hash: contentHashSchema,
  })
  .strict();
export type AuditHead = z.infer<typeof auditHeadSchema>;

// ---------------------------------------------------------------------------------------------
// hello: who the central thinks the caller is.
export const helloResponseSchema = z
  .object({
    site: siteCodeSchema,
    siteName: z.string(),
    orgType: orgTypeSchema,
    centralTime: isoDateTime,
    head: seqSchema,
    certificateNotAfter: isoDateTime,
  })
  .strict();
export type HelloResponse = z.infer<typeof helloResponseSchema>;

// ---------------------------------------------------------------------------------------------
// push
export const pushRequestSchema = z
  .object({
    /** Must be the site named by the client certificate (403 otherwise). */
    site: siteCodeSchema,
    /** The site's own counter for its batches; a retried batch keeps its number. */
    batchSeq: seqSchema,
    auditHead: auditHeadSchema,
    events: z.array(z.unknown()).min(1).max(PUSH_MAX_EVENTS),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectionCodeSchema = z.enum([
  /** The event does not match the catalogue (the reason names the fields). */
  'invalid',
  /** The content hash does not match the content. */
  'hash_mismatch',
  /** The event's clock is far ahead of the central's: the site PC's clock is probably wrong. */
  'clock_ahead',
  /** The event id is already stored with different content. */
  'id_reused',
  /** A site may not send this (a conflict detection, the system role, a stay at another site). */
  'not_permitted',
  /** The event contradicts the central's record (another person's record, a resolution of someone else's conflict). */
  'inconsistent',
]);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

const resultBase = { index: z.number().int().nonnegative() };
export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ ...resultBase, status: z.literal('accepted'), eventId: eventIdSchema, seq: seqSchema }).strict(),
  z.object({ ...resultBase, status: z.literal('duplicate'), eventId: eventIdSchema, seq: seqSchema }).strict(),
  z.object({ ...resultBase, status: z.literal('conflict'), eventId: eventIdSchema, seq: seqSchema, conflictId: z.uuid() }).strict(),
  z
    .object({
      ...resultBase,
      status: z.literal('rejected'),
      /** Null when the event was too malformed to carry a readable id. */
      eventId: z.string().max(100).nullable(),
      code: rejectionCodeSchema,
      reason: z.string(),
    })
    .strict(),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z
  .object({
    batchSeq: seqSchema,
    /** One result per event, in the order sent. */
    results: z.array(pushResultSchema),
    /** The audit head as stored; `anomaly` says when it went backwards or changed at the same count. */
    auditAnchor: z.object({ count: z.number().int().nonnegative(), hash: contentHashSchema, anomaly: z.string().nullable() }).strict(),
  })
  .strict();
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------------
// pull
/** Opaque to the site: store it with the page it came with, send it back for the next page. */
export const cursorSchema = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+$/, { error: 'cursor must be a token from a previous page' });

export const pullRequestSchema = z
  .object({
    site: siteCodeSchema,
    /** Null for a first sync. */
    cursor: cursorSchema.nullable(),
    limit: z.number().int().min(1).max(PULL_MAX_LIMIT).optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** Stop holding a person's data: some categories or all of it, from some origin sites or all. */
export const removeInstructionSchema = z
  .object({
    personId: z.uuid(),
    categories: z.union([z.literal('all'), z.array(dataCategorySchema).min(1)]),
    originSites: z.union([z.literal('all'), z.array(siteCodeSchema).min(1)]),
    reason: z.string(),
  })
  .strict();
export type RemoveInstruction = z.infer<typeof removeInstructionSchema>;

/** Events this page skipped because policy withholds them, counted per person, origin and category. */
export const withheldNoticeSchema = z
  .object({ personId: z.uuid(), originSite: siteCodeSchema, category: dataCategorySchema, rule: z.string(), count: z.number().int().positive() })
  .strict();
export type WithheldNotice = z.infer<typeof withheldNoticeSchema>;

export const pullPageSchema = z
  .object({
    /** Oldest first; apply them, the removals and the cursor in one transaction. */
    events: z.array(clinicalEventSchema),
    removes: z.array(removeInstructionSchema),
    withheld: z.array(withheldNoticeSchema),
    nextCursor: cursorSchema,
    /** The central's log head when the page was made: for a progress estimate. */
    head: seqSchema,
    /** Where this page's cursor stands in the log (<= head). */
    through: seqSchema,
    /** True when another page is ready now. */
    more: z.boolean(),
    /** SHA-256 hex of pageChecksumInput(page). */
    checksum: contentHashSchema,
  })
  .strict();
export type PullPage = z.infer<typeof pullPageSchema>;

/** What a page's checksum covers: each event's content hash in order, the removals and the cursor. */
export function pageChecksumInput(page: Pick<PullPage, 'events' | 'removes' | 'nextCursor'>): string {
  return canonicalJson({ events: page.events.map((e) => e.contentHash), removes: page.removes, nextCursor: page.nextCursor });
}

// ---------------------------------------------------------------------------------------------
// lookup
export const lookupIdentifierTypeSchema = z.enum(['nhs_number', 'chi_number', 'nomis_number', 'pnc_id']);
export type LookupIdentifierType = z.infer<typeof lookupIdentifierTypeSchema>;

export const lookupRequestSchema = z
  .object({
    site: siteCodeSchema,
    identifier: z.object({ type: lookupIdentifierTypeSchema, value: z.string().trim().min(1).max(40) }).strict(),
    purpose: purposeSchema,
    /** The member of staff asking: recorded in the central's disclosure audit. */
    user: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200), role: roleSchema }).strict(),
    /** Sharing despite recorded dissent, only for a real and immediate risk to life. */
    override: z.object({ basis: z.literal('vital_interests'), justification: z.string().trim().min(10).max(2000) }).strict().optional(),
  })
  .strict();
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

export const withheldCategorySchema = z.object({ category: dataCategorySchema, rule: z.string() }).strict();

/** The decision for the data one origin site holds about the person. */
export const originDecisionSchema = z
  .object({
    originSite: siteCodeSchema,
    orgType: orgTypeSchema,
    outcome: z.enum(['permit', 'permit_with_redactions', 'deny']),
    permitted: z.array(dataCategorySchema),
    withheld: z.array(withheldCategorySchema),
    rule: z.string(),
    agreement: z.object({ id: z.string(), version: z.number().int() }).strict().nullable(),
  })
  .strict();
export type OriginDecision = z.infer<typeof originDecisionSchema>;

export const lookupPersonSchema = z
  .object({
    personId: z.uuid(),
    decisions: z.array(originDecisionSchema),
    /** Permitted events, oldest first: apply them through the projector like pulled events. */
    events: z.array(clinicalEventSchema),
    /** True when there were more events than one answer carries; the rest arrive by pull. */
    more: z.boolean(),
    /** When the lookup subscription lapses unless a stay starts; null when the site already has an open stay. */
    subscribedUntil: isoDateTime.nullable(),
  })
  .strict();
export type LookupPerson = z.infer<typeof lookupPersonSchema>;

export const lookupResponseSchema = z
  .object({
    /** The disclosure audit row at the central. */
    disclosureId: z.uuid(),
    /** Usually one; more than one means several records share the identifier: shown, never merged. */
    people: z.array(lookupPersonSchema),
  })
  .strict();
export type LookupResponse = z.infer<typeof lookupResponseSchema>;

// ---------------------------------------------------------------------------------------------
// wait for changes (long poll)
export const waitRequestSchema = z
  .object({
    site: siteCodeSchema,
    cursor: cursorSchema.nullable(),
    waitMs: z.number().int().min(0).max(WAIT_MAX_MS),
  })
  .strict();
export type WaitRequest = z.infer<typeof waitRequestSchema>;

export const waitResponseSchema = z.object({ changed: z.boolean(), head: seqSchema }).strict();
export type WaitResponse = z.infer<typeof waitResponseSchema>;

// ---------------------------------------------------------------------------------------------
// audit anchors: the chain heads the central holds for the calling site, newest first.
export const auditAnchorsResponseSchema = z
  .object({
    anchors: z.array(
      z.object({ batchSeq: seqSchema, count: z.number().int().nonnegative(), hash: contentHashSchema, receivedAt: isoDateTime, anomaly: z.string().nullable() }).strict(),
    ),
  })
  .strict();
export type AuditAnchorsResponse = z.infer<typeof auditAnchorsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// errors
export const errorCodeSchema = z.enum([
  'bad_request',
  'unknown_certificate',
  'wrong_site',
  'revoked',
  'not_permitted',
  'not_found',
  'too_large',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z
  .object({ error: z.object({ code: errorCodeSchema, message: z.string(), issues: z.array(z.string()).optional() }).strict() })
  .strict();
export type ErrorBody = z.infer<typeof errorBodySchema>;

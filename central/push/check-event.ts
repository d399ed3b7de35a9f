// One pushed event, checked on its own before anything is written: the catalogue's schema, the
// content hash, what a site may send, and the site's clock. A failure names the reason so the site
// can show it on the rejected event; nothing here touches the database.
import * as crypto from 'node:crypto';
import type { z } from 'zod';
import { contentHashInput } from '../../contract/sync/content-hash';
import { clinicalEventSchema, type ClinicalEvent } from '../../contract/sync/events';
import type { RejectionCode } from '../../contract/sync/wire';
import { decodeHlc } from '../../domain/sync/hlc';

export type EventCheck =
  /** `hashed` is the canonical encoding the hash was checked over; the stored body is built from it. */
  | { ok: true; event: ClinicalEvent; hashed: string }
  | { ok: false; eventId: string | null; code: RejectionCode; reason: string };

export interface CheckContext {
  nowMs: number;
  /** How far ahead of the central's clock an event's HLC may be before it is quarantined. */
  maxClockAheadMs: number;
}

/** PostgreSQL's bigint is signed: an HLC must stay below 2^63. */
const HLC_LIMIT = 1n << 63n;

// One-shot hashing (Node 20.12+) skips the Hash object a push would otherwise make per event.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * The event as the central stores it: the canonical encoding that was hashed, with the hash added as
 * its first member. The same content as the event, without encoding it a second time.
 */
export function storedBody(hashed: string, contentHash: string): string {
  return `{"contentHash":${JSON.stringify(contentHash)}${hashed.length > 2 ? ',' : ''}${hashed.slice(1)}`;
}

export function describeIssues(error: z.ZodError, max = 4): string {
  const parts = error.issues.slice(0, max).map((i) => `${i.path.length ? i.path.join('.') : '(event)'}: ${i.message}`);
  const more = error.issues.length - max;
  return parts.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function readableId(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { eventId?: unknown }).eventId : undefined;
  return typeof id === 'string' && id.length <= 100 ? id : null;
}

export function checkEvent(raw: unknown, ctx: CheckContext): EventCheck {
  const parsed = clinicalEventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, eventId: readableId(raw), code: 'invalid', reason: describeIssues(parsed.error) };
  const event = parsed.data;
  const reject = (code: RejectionCode, reason: string): EventCheck => ({ ok: false, eventId: event.eventId, code, reason });

  if (event.type === 'conflict.detected') return reject('not_permitted', 'only the central record raises conflicts');
  if (event.author.role === 'system') return reject('not_permitted', 'the system role is reserved for the central record');
  if (event.type === 'stay.started' && event.payload.siteCode !== event.originSite) {
    return reject('not_permitted', `a site can start a stay only at itself (payload names ${event.payload.siteCode})`);
  }

  const hlc = BigInt(event.hlc);
  if (hlc >= HLC_LIMIT) return reject('invalid', 'hlc is out of range');
  const physical = decodeHlc(hlc).l;
  const ahead = physical - ctx.nowMs;
  if (ahead > ctx.maxClockAheadMs) {
    const minutes = Math.round(ahead / 60_000);
    return reject('clock_ahead', `recorded ${minutes} minute${minutes === 1 ? '' : 's'} ahead of the central's clock: check the site PC's date and time`);
  }

  const hashed = contentHashInput(event);
  if (sha256Hex(hashed) !== event.contentHash) {
    return reject('hash_mismatch', 'the content hash does not match the event: it was changed after it was made');
  }
  return { ok: true, event, hashed };
}

/** Events checked between turns of the event loop (about a millisecond's work). */
const CHECK_SLICE = 32;

/**
 * Checks a batch a slice at a time, letting the event loop run between slices: other pushes'
 * statements (one of them may hold the log head lock until its COMMIT is sent) are not kept waiting
 * while a 500-event batch is checked.
 */
export async function checkEvents(raws: readonly unknown[], ctx: CheckContext): Promise<EventCheck[]> {
  const checks: EventCheck[] = [];
  for (let at = 0; at < raws.length; at += CHECK_SLICE) {
    if (at > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const raw of raws.slice(at, at + CHECK_SLICE)) checks.push(checkEvent(raw, ctx));
  }
  return checks;
}

// SHA-256 (hex) of an event's canonical encoding: computed when a local event is made and checked
// whenever one arrives, here and at the central alike.
import { createHash } from 'node:crypto';
import { contentHashInput, type UnhashedEvent } from '../contract/sync/content-hash';
import type { ClinicalEvent } from '../contract/sync/events';

export function eventContentHash(event: UnhashedEvent | ClinicalEvent): string {
  return createHash('sha256').update(contentHashInput(event)).digest('hex');
}

export function contentHashVerifies(event: ClinicalEvent): boolean {
  return eventContentHash(event) === event.contentHash;
}

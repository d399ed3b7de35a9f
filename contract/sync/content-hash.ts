// What an event's content hash covers: every field but the hash itself, canonically encoded.
// Both ends compute SHA-256 (hex) over this text with their platform's crypto and compare, so a
// payload changed in transit or at rest is refused by name.
import { canonicalJson } from './canonical-json';
import type { ClinicalEvent } from './events';

export type UnhashedEvent = ClinicalEvent extends infer E ? (E extends ClinicalEvent ? Omit<E, 'contentHash'> : never) : never;

export function contentHashInput(event: UnhashedEvent | ClinicalEvent): string {
  const { contentHash: _omitted, ...rest } = event as ClinicalEvent;
  return canonicalJson(rest);
}

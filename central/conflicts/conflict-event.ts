// The `conflict.detected` event the central writes into the log when it finds competing edits, so
// every subscribed site learns of the conflict through the same pull as everything else. Authored
// by the central itself (role `system`, origin CENTRAL) and content-hashed like any site's event.
import { contentHashInput } from '../../contract/sync/content-hash';
import type { ClinicalEvent, EventOf } from '../../contract/sync/events';
import { CENTRAL_ORIGIN } from '../../contract/sync/wire';
import { sha256Hex } from '../push/check-event';

export const CENTRAL_AUTHOR = { id: 'central', name: 'Central record', role: 'system' } as const;

export interface ConflictEventInput {
  eventId: string;
  conflictId: string;
  personId: string;
  recordType: string;
  recordId: string;
  /** The competing events, oldest first by HLC. */
  eventIds: string[];
  sensitivity: ClinicalEvent['sensitivity'];
  hlc: bigint;
  recordedAt: string;
}

export function conflictDetectedEvent(input: ConflictEventInput): EventOf<'conflict.detected'> {
  const unhashed = {
    eventId: input.eventId,
    personId: input.personId,
    recordId: input.conflictId,
    baseVersion: null,
    hlc: input.hlc.toString(),
    originSite: CENTRAL_ORIGIN,
    author: { ...CENTRAL_AUTHOR },
    recordedAt: input.recordedAt,
    sensitivity: input.sensitivity,
    type: 'conflict.detected' as const,
    recordType: 'conflict' as const,
    payload: { recordType: input.recordType, recordId: input.recordId, eventIds: input.eventIds },
  };
  return { ...unhashed, contentHash: sha256Hex(contentHashInput(unhashed as EventOf<'conflict.detected'>)) };
}

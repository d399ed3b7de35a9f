// A conflict is two events that change the same record from the same base version: each author
// saw version n and made their own version n+1. Appending facts never conflict; additions to a set
// never conflict; a single-valued change or a removal from a set does. The central records which
// event first built on each base version (table record_bases); a second claimant is the conflict.
// Because the test is "was this base already built on", it does not depend on the order events
// arrive in: a retried batch that overtakes a later one produces no false conflict.
import { conflictClassOf } from '../../contract/sync/conflict-class';
import type { ClinicalEvent } from '../../contract/sync/events';

/** Whether this event claims its base version (and so can conflict with another claimant). */
export function claimsBase(event: ClinicalEvent): event is ClinicalEvent & { baseVersion: number } {
  return event.baseVersion !== null && conflictClassOf[event.type] !== 'append';
}

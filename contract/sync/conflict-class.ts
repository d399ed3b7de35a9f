// How concurrent changes to one record are treated (docs/sync-protocol.md "Conflicts"). The HLC
// orders events; it never picks a winner between two clinicians' edits.
//  - append: a fact in its own right (a new record, a score, a note, a handover): never conflicts;
//  - single: changes the one current value of an existing record (demographics, a flag's state, a
//    task's outcome, an amendment): two such events from the same base version are a conflict that a
//    clinician resolves;
//  - set: adds to or removes from a set (identifiers, aliases): additions merge, a removal made
//    concurrently with other changes needs confirmation.
import type { EventType } from './events';

export type ConflictClass = 'append' | 'single' | 'set';

export const conflictClassOf: Record<EventType, ConflictClass> = {
  'person.registered': 'append',
  'person.demographics_changed': 'single',
  'identifier.added': 'set',
  'identifier.retired': 'set',
  'alias.added': 'set',
  'alias.retired': 'set',
  'stay.started': 'append',
  'stay.ended': 'single',
  'flag.raised': 'append',
  'flag.updated': 'single',
  'flag.ended': 'single',
  'task.created': 'append',
  'task.closed': 'single',
  'form.recorded': 'append',
  'form.amended': 'single',
  'form.entered_in_error': 'single',
  'handover.recorded': 'append',
  'referral.made': 'append',
  'referral.outcome_recorded': 'single',
  'consent.recorded': 'append',
  'conflict.detected': 'append',
  'conflict.resolved': 'single',
  // A keyworker slot, a treatment's end, a care plan and a release plan each have one current value;
  // reviews and starts are facts in their own right.
  'caseload.assigned': 'single',
  'caseload.ended': 'single',
  'treatment.started': 'append',
  'treatment.ended': 'single',
  'review.completed': 'append',
  'care_plan.recorded': 'single',
  'release_plan.recorded': 'single',
  'task.assigned': 'single',
  'task.rescheduled': 'single',
};

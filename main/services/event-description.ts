// An event's value in words, for the two sides of a conflict: what each clinician set, so the one
// who resolves it can read both without opening the log.
import type { ClinicalEvent } from '../../contract/sync/events';
import { formatClinicalDate } from '../../domain/person/clinical-date';
import { formatClinicalDateTime } from '../../domain/person/clinical-time';

export function describeEventValue(e: ClinicalEvent): string {
  switch (e.type) {
    case 'person.registered':
    case 'person.demographics_changed':
      return `${e.payload.familyName.toUpperCase()}, ${e.payload.givenNames}${e.payload.title ? ` (${e.payload.title})` : ''}, born ${formatClinicalDate(e.payload.birthDate)}, ${e.payload.sex}`;
    case 'flag.raised':
    case 'flag.updated':
      return `${e.payload.label}: ${e.payload.severity}, because ${e.payload.reason}`;
    case 'flag.ended':
      return `Flag ended, because ${e.payload.reason}`;
    case 'task.closed':
      return `Task ${e.payload.outcome === 'done' ? 'done' : 'cancelled'}${e.payload.note ? `: ${e.payload.note}` : ''}`;
    case 'stay.ended':
      return `Left ${formatClinicalDateTime(e.payload.exitedAt)}: ${e.payload.exitReason}, to ${e.payload.exitDestination}`;
    case 'referral.outcome_recorded':
      return `Referral ${e.payload.outcome}${e.payload.note ? `: ${e.payload.note}` : ''}`;
    case 'identifier.retired':
    case 'alias.retired':
      return `Retired, because ${e.payload.reason}`;
    case 'form.amended':
    case 'form.entered_in_error': {
      const r = e.payload.response;
      const scores = r.scores.map((s) => `${s.label} ${s.value}${s.band ? ` (${s.band.label})` : ''}`).join('; ');
      const why = r.amendReason ?? r.enteredInErrorReason;
      return `${e.type === 'form.amended' ? 'Amended' : 'Marked entered in error'} (version ${r.version})${why ? `, because ${why}` : ''}${scores ? `: ${scores}` : ''}`;
    }
    default:
      return e.type.replace(/[._]/g, ' ');
  }
}

/** Event types whose value can simply be stated again to make it the record's current value. */
export const RESTATABLE = new Set<ClinicalEvent['type']>([
  'person.demographics_changed',
  'flag.updated',
  'flag.ended',
  'task.closed',
  'stay.ended',
  'referral.outcome_recorded',
  'identifier.retired',
  'alias.retired',
]);

// An event's value in words, for the two sides of a conflict: what each clinician set, so the one
// who resolves it can read both without opening the log. Substance misuse detail (care plan goals,
// the release destination, TOP answers) is stated only to roles that see it (substance-use-scope.ts).
import type { ClinicalEvent } from '../../contract/sync/events';
import { templateNeedsDetail, type SubstanceUseScope } from '../../domain/access/substance-use-scope';
import { teamLabels } from '../../domain/access/teams';
import { formatClinicalDate } from '../../domain/person/clinical-date';
import { formatClinicalDateTime } from '../../domain/person/clinical-time';

const WITHHELD = 'substance misuse detail withheld for your role';
const NALOXONE = { issued: 'issued', 'offered-declined': 'offered and declined', 'not-offered': 'not offered' } as const;

export function describeEventValue(e: ClinicalEvent, scope: SubstanceUseScope): string {
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
      if (scope === 'summary' && templateNeedsDetail(r.templateId)) return `${e.type === 'form.amended' ? 'Amended' : 'Marked entered in error'} (version ${r.version}): ${WITHHELD}`;
      const scores = r.scores.map((s) => `${s.label} ${s.value}${s.band ? ` (${s.band.label})` : ''}`).join('; ');
      const why = r.amendReason ?? r.enteredInErrorReason;
      return `${e.type === 'form.amended' ? 'Amended' : 'Marked entered in error'} (version ${r.version})${why ? `, because ${why}` : ''}${scores ? `: ${scores}` : ''}`;
    }
    case 'caseload.assigned':
      return `${e.payload.kind === 'clinical' ? 'Clinical' : 'Psychosocial'} keyworker ${e.payload.worker.name}${e.payload.reason ? `, because ${e.payload.reason}` : ''}`;
    case 'caseload.ended':
      return `Keyworker ended, because ${e.payload.reason}`;
    case 'treatment.ended':
      return `Treatment ended ${formatClinicalDate(e.payload.endedOn)}: ${e.payload.reason}${e.payload.note ? `, ${e.payload.note}` : ''}`;
    case 'care_plan.recorded':
      return `Care plan${scope === 'detail' ? `: ${e.payload.goals.map((g) => g.goal).join('; ')}` : ` (${WITHHELD})`}; review by ${formatClinicalDate(e.payload.reviewOn)}`;
    case 'release_plan.recorded': {
      const ost = e.payload.ost ? `; ${e.payload.ost.medicine} ${e.payload.ost.doseMg} mg, last dose ${formatClinicalDateTime(e.payload.ost.lastDoseAt)}` : '; no OST';
      return `Release ${formatClinicalDate(e.payload.releaseOn)}${scope === 'detail' ? ` to ${e.payload.destination}` : ''}; naloxone ${NALOXONE[e.payload.naloxone]}${ost}`;
    }
    case 'task.assigned':
      return `Task given to ${e.payload.assignee?.name ?? 'no one'}${e.payload.team ? ` (${teamLabels[e.payload.team]})` : ''}${e.payload.note ? `: ${e.payload.note}` : ''}`;
    case 'task.rescheduled':
      return `Task due ${e.payload.dueOn ? formatClinicalDate(e.payload.dueOn) : formatClinicalDateTime(e.payload.dueAt)}, because ${e.payload.reason}`;
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
  'caseload.assigned',
  'caseload.ended',
  'treatment.ended',
  'care_plan.recorded',
  'release_plan.recorded',
  'task.assigned',
  'task.rescheduled',
]);

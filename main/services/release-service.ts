// Release and continuity of care. A release plan (date, destination, OST dose and the time of the
// last dose, naloxone, the community treatment referral) creates the follow-up task to confirm
// community engagement within 3 weeks of release (the national continuity measure); a changed
// release date moves it. When a stay ends, substance misuse work due at the site is closed or
// handed over with its outcome; a release with no plan still gets the follow-up (never silence).
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { StoreWrites } from '../../db/store';
import { formatClinicalDate } from '../../domain/person/clinical-date';
import { formatClinicalDateTime } from '../../domain/person/clinical-time';
import { keyService, keyServiceCode } from '../../domain/sms/referral-services';
import { addCalendarDays, calendarDaysBetween, siteDateOf } from '../../domain/sms/review-schedule';
import { PATHWAY_OUTCOMES, RELEASE_FOLLOW_UP_KIND, taskSensitivity } from '../../domain/tasks/task-kinds';
import type { Call } from './call';
import { leadKeyworker } from './care-plan-service';
import { slotId } from './caseload-service';
import { ServiceError } from './service-error';
import { createTaskIn, dueOnDay } from './tasks-service';
import { endTreatmentIn } from './treatment-service';

/** Days after release by which engagement with community treatment is confirmed. */
export const CONTINUITY_DAYS = 21;

const FOLLOW_UP_TITLE = 'Confirm engagement with community treatment within 3 weeks of release';

export function recordReleasePlan(input: ParsedInput<'sms.recordReleasePlan'>, call: Call): ChannelOutput<'sms.recordReleasePlan'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const site = call.site.siteCode;
  const current = call.reads.sms.releasePlanFor(input.personId, site);
  if ((current?.version ?? null) !== input.baseVersion) throw new ServiceError('conflict', 'The release plan was changed by someone else while you were working. Reload it and try again.');
  const now = call.env.now();
  const today = siteDateOf(now);
  if (calendarDaysBetween(input.releaseOn, today) > 28) throw new ServiceError('invalid_input', 'Enter a release date no more than 28 days ago.', 'releaseOn');
  if (input.ost && Date.parse(input.ost.lastDoseAt) > Date.parse(`${addCalendarDays(input.releaseOn, 1)}T12:00:00Z`)) {
    throw new ServiceError('invalid_input', 'The last dose cannot be after the day of release.', 'ost.lastDoseAt');
  }
  const naloxoneNote = input.naloxoneNote.trim() || null;
  if (input.naloxone === 'not-offered' && !naloxoneNote) throw new ServiceError('invalid_input', 'Enter why naloxone was not offered.', 'naloxoneNote');
  const planId = current?.id ?? call.env.newId();
  const followDue = dueOnDay(addCalendarDays(input.releaseOn, CONTINUITY_DAYS));
  const referral = input.communityReferral;
  const result = call.write(
    (w) => {
      w.emit({
        type: 'release_plan.recorded',
        recordType: 'release_plan',
        recordId: planId,
        personId: input.personId,
        baseVersion: current?.version ?? null,
        sensitivity: 'substance_use',
        payload: {
          siteCode: site,
          stayId: w.stays.openAt(input.personId, site)?.id ?? current?.stayId ?? null,
          releaseOn: input.releaseOn,
          destination: input.destination,
          ost: input.ost ? { ...input.ost, lastDoseAt: new Date(input.ost.lastDoseAt).toISOString() } : null,
          naloxone: input.naloxone,
          naloxoneNote,
          communityReferral: referral
            ? { ...referral, firstAppointmentAt: referral.firstAppointmentAt ? new Date(referral.firstAppointmentAt).toISOString() : null, code: keyServiceCode(referral.service) }
            : null,
          notes: input.notes.trim() || null,
        },
      });
      const open = w.tasks.openAbout('release_plan', planId).find((t) => t.kind === RELEASE_FOLLOW_UP_KIND);
      if (open) {
        if (open.dueOn !== followDue.dueOn) {
          w.emit({
            type: 'task.rescheduled',
            recordType: 'task',
            recordId: open.id,
            personId: input.personId,
            baseVersion: open.version,
            sensitivity: taskSensitivity(open.kind),
            payload: { ...followDue, reason: `Release date changed to ${formatClinicalDate(input.releaseOn)}` },
          });
        }
        return { taskId: open.id, dueOn: followDue.dueOn };
      }
      const where = referral ? `referred to ${referral.provider} (${keyService(referral.service)?.label ?? referral.service})` : 'no community referral recorded';
      const taskId = createTaskIn(w, call, {
        personId: input.personId,
        stayId: w.stays.openAt(input.personId, site)?.id ?? null,
        kind: RELEASE_FOLLOW_UP_KIND,
        title: FOLLOW_UP_TITLE,
        detail: `Release ${formatClinicalDate(input.releaseOn)} to ${input.destination}; ${where}`,
        forRole: null,
        sourceResponseId: null,
        ...followDue,
        team: 'sms',
        assignee: leadKeyworker(call, input.personId),
        about: { type: 'release_plan', id: planId, step: null },
      });
      return { taskId, dueOn: followDue.dueOn };
    },
    (f) => ({ personId: input.personId, detail: { releasePlan: planId, version: (current?.version ?? 0) + 1, followUp: f.taskId } }),
  );
  return { planId, followUp: result };
}

/** How a stay ended, read from its reason: a transfer hands work over, a release ends it here. */
export function exitKind(exitReason: string): 'transfer' | 'release' | 'other' {
  if (/transfer/i.test(exitReason)) return 'transfer';
  if (/releas/i.test(exitReason)) return 'release';
  return 'other';
}

/**
 * Inside the write that ends a stay: the open treatment ends and its due reviews are closed as
 * handed over (transfer) or released, naming what was due; on transfer the keyworkers are ended
 * too; on release without a release plan the continuity follow-up is still created.
 */
export function closeSmsWorkOnExit(w: StoreWrites, call: Call, personId: string, exit: { exitedAt: string; exitReason: string; exitDestination: string }): void {
  const site = call.site.siteCode;
  const kind = exitKind(exit.exitReason);
  const left = `${exit.exitReason} to ${exit.exitDestination}, ${formatClinicalDateTime(exit.exitedAt)}`;
  const treatment = w.sms.openTreatment(personId, site);
  if (treatment) {
    const outcome = kind === 'transfer' ? PATHWAY_OUTCOMES.handedOver : kind === 'release' ? PATHWAY_OUTCOMES.released : PATHWAY_OUTCOMES.treatmentEnded;
    const endedOn = siteDateOf(exit.exitedAt) < treatment.startedOn ? treatment.startedOn : siteDateOf(exit.exitedAt);
    endTreatmentIn(w, call, treatment, { endedOn, reason: kind === 'transfer' ? 'transferred' : kind === 'release' ? 'released' : 'other', note: `Left: ${left}` }, outcome, kind === 'transfer' ? `Handed over on transfer (${left})` : `Left the site (${left})`);
  }
  if (kind === 'transfer') {
    for (const a of w.sms.currentKeyworkers(personId, site)) {
      const slot = w.sms.slot(slotId(site, a.kind, personId));
      if (slot) w.emit({ type: 'caseload.ended', recordType: 'caseload', recordId: slot.id, personId, baseVersion: slot.version, sensitivity: 'substance_use', payload: { reason: `Transferred: ${left}` } });
    }
  }
  const plan = w.sms.releasePlanFor(personId, site);
  if (kind === 'release' && treatment && !plan) {
    const releasedOn = siteDateOf(exit.exitedAt);
    createTaskIn(w, call, {
      personId,
      stayId: null,
      kind: RELEASE_FOLLOW_UP_KIND,
      title: FOLLOW_UP_TITLE,
      detail: `Released in treatment WITHOUT a release plan (${left}): find out where the person is and whether they reached community treatment`,
      forRole: null,
      sourceResponseId: null,
      ...dueOnDay(addCalendarDays(releasedOn, CONTINUITY_DAYS)),
      team: 'sms',
      assignee: leadKeyworker(call, personId),
      about: { type: 'treatment', id: treatment.id, step: null },
    });
  }
}

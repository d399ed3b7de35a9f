// Substance misuse treatment and its reviews as scheduled work. Starting treatment schedules the
// first review (5-day by default) as a task; completing a review records it, has the care plan
// confirmed or updated, and schedules the next (28-day, then 13-weekly from the start) in the same
// transaction, so a review can never be ticked off without the next one existing. Ending treatment,
// a transfer or a release closes (or hands over) what is due, each with its outcome.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { TreatmentRow } from '../../db/sms-repo';
import type { StoreWrites } from '../../db/store';
import { formatClinicalDate } from '../../domain/person/clinical-date';
import { calendarDaysBetween, nextReview, reviewTimersSchema, scheduledReview, siteDateOf, type ReviewTimers } from '../../domain/sms/review-schedule';
import { PATHWAY_OUTCOMES, SMS_REVIEW_KIND } from '../../domain/tasks/task-kinds';
import type { Call } from './call';
import { checkReviewOn, closePlanReviewIn, leadKeyworker, recordCarePlanIn } from './care-plan-service';
import { ServiceError } from './service-error';
import { closeTaskIn, createTaskIn, dueOnDay } from './tasks-service';

export function siteTimers(call: Call): ReviewTimers {
  const s = call.site;
  return reviewTimersSchema.parse({ firstReviewDays: s.smsFirstReviewDays, secondReviewDays: s.smsSecondReviewDays, intervalWeeks: s.smsReviewIntervalWeeks });
}

export function timersOf(row: TreatmentRow): ReviewTimers {
  return reviewTimersSchema.parse(row.timers);
}

/** Schedules review `step` of a treatment as a task inside a write. */
function scheduleReviewIn(w: StoreWrites, call: Call, treatment: { id: string; personId: string; stayId: string | null; startedOn: string; timers: ReviewTimers }, step: number) {
  const review = scheduledReview(treatment.startedOn, step, treatment.timers);
  createTaskIn(w, call, {
    personId: treatment.personId,
    stayId: treatment.stayId,
    kind: SMS_REVIEW_KIND,
    title: `${review.label} (substance misuse)`,
    detail: `Treatment started ${formatClinicalDate(treatment.startedOn)}; ${review.label} due ${formatClinicalDate(review.dueOn)}`,
    forRole: null,
    sourceResponseId: null,
    ...dueOnDay(review.dueOn),
    team: 'sms',
    assignee: leadKeyworker(call, treatment.personId),
    about: { type: 'treatment', id: treatment.id, step },
  });
  return review;
}

export function startTreatment(input: ParsedInput<'sms.startTreatment'>, call: Call): ChannelOutput<'sms.startTreatment'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const site = call.site.siteCode;
  if (call.reads.sms.openTreatment(input.personId, site)) throw new ServiceError('conflict', 'This person is already in treatment at this site. End that treatment before starting another.');
  const today = siteDateOf(call.env.now());
  if (input.startedOn > today) throw new ServiceError('invalid_input', 'Treatment cannot start in the future.', 'startedOn');
  if (calendarDaysBetween(input.startedOn, today) > 365) throw new ServiceError('invalid_input', 'Enter a start date within the last year.', 'startedOn');
  if (input.referralId) {
    const referral = call.reads.sms.referral(input.referralId);
    if (!referral || referral.personId !== input.personId || referral.toService !== 'substance_misuse') throw new ServiceError('invalid_input', 'That is not this person’s substance misuse referral.', 'referralId');
  }
  const treatment = { id: call.env.newId(), personId: input.personId, stayId: call.reads.stays.openAt(input.personId, site)?.id ?? null, startedOn: input.startedOn, timers: siteTimers(call) };
  const review = call.write(
    (w) => {
      w.emit({
        type: 'treatment.started',
        recordType: 'treatment',
        recordId: treatment.id,
        personId: input.personId,
        baseVersion: null,
        sensitivity: 'substance_use',
        payload: { siteCode: site, stayId: treatment.stayId, startedOn: input.startedOn, interventions: input.interventions, substances: input.substances, referralId: input.referralId, timers: treatment.timers },
      });
      return scheduleReviewIn(w, call, treatment, 0);
    },
    (r) => ({ personId: input.personId, detail: { treatment: treatment.id, firstReviewDue: r.dueOn } }),
  );
  return { treatmentId: treatment.id, review: { label: review.label, dueOn: review.dueOn } };
}

type EndReason = ParsedInput<'sms.endTreatment'>['reason'];

/** Ends a treatment inside a write and closes what it had due (reviews, the care plan review) with `outcome`. */
export function endTreatmentIn(
  w: StoreWrites,
  call: Call,
  treatment: TreatmentRow,
  end: { endedOn: string; reason: EndReason; note: string | null },
  outcome: { value: string; status: 'done' | 'cancelled' },
  closeNote: string,
): number {
  w.emit({ type: 'treatment.ended', recordType: 'treatment', recordId: treatment.id, personId: treatment.personId, baseVersion: treatment.version, sensitivity: 'substance_use', payload: end });
  let closed = 0;
  for (const task of w.tasks.openAbout('treatment', treatment.id)) {
    closeTaskIn(w, task, outcome, `${closeNote}: ${task.title} was due ${task.dueOn ? formatClinicalDate(task.dueOn) : task.dueAt}`);
    closed++;
  }
  const plan = w.sms.carePlanFor(treatment.personId, treatment.siteCode);
  if (plan) closed += closePlanReviewIn(w, plan.id, closeNote, outcome);
  return closed;
}

function openTreatmentOf(call: Call, personId: string, treatmentId: string): TreatmentRow {
  const treatment = call.reads.sms.treatment(treatmentId);
  if (!treatment || treatment.personId !== personId || treatment.siteCode !== call.site.siteCode) throw new ServiceError('not_found', 'No such treatment for this person at this site.');
  if (treatment.endedOn) throw new ServiceError('conflict', 'This treatment has already ended.');
  return treatment;
}

function checkDay(call: Call, day: string, notBefore: string, path: string, what: string): void {
  if (day > siteDateOf(call.env.now())) throw new ServiceError('invalid_input', `${what} cannot be in the future.`, path);
  if (day < notBefore) throw new ServiceError('invalid_input', `${what} cannot be before the treatment started (${formatClinicalDate(notBefore)}).`, path);
}

export function endTreatment(input: ParsedInput<'sms.endTreatment'>, call: Call): ChannelOutput<'sms.endTreatment'> {
  const treatment = openTreatmentOf(call, input.personId, input.treatmentId);
  checkDay(call, input.endedOn, treatment.startedOn, 'endedOn', 'The end date');
  const note = input.note.trim() || null;
  const tasksClosed = call.write(
    (w) => endTreatmentIn(w, call, treatment, { endedOn: input.endedOn, reason: input.reason, note }, PATHWAY_OUTCOMES.treatmentEnded, 'Treatment ended'),
    (n) => ({ personId: input.personId, detail: { treatment: treatment.id, reason: input.reason, tasksClosed: n } }),
  );
  return { ended: true, tasksClosed };
}

export function completeReview(input: ParsedInput<'sms.completeReview'>, call: Call): ChannelOutput<'sms.completeReview'> {
  const task = call.reads.tasks.get(input.taskId);
  if (!task || task.siteCode !== call.site.siteCode || task.personId !== input.personId || task.kind !== SMS_REVIEW_KIND || task.aboutType !== 'treatment' || !task.aboutId) {
    throw new ServiceError('not_found', 'No such review for this person at this site.');
  }
  if (task.status !== 'open') throw new ServiceError('conflict', 'This review has already been completed or closed.');
  const treatment = openTreatmentOf(call, input.personId, task.aboutId);
  checkDay(call, input.reviewedOn, treatment.startedOn, 'reviewedOn', 'The review date');
  const plan = call.reads.sms.carePlanFor(input.personId, call.site.siteCode);
  if (input.carePlan.kind === 'none-yet' && plan) {
    throw new ServiceError('invalid_input', 'The care plan is reviewed at each review: confirm it is unchanged or update it.', 'carePlan');
  }
  if (input.carePlan.kind === 'unchanged' && !plan) throw new ServiceError('invalid_input', 'There is no care plan yet: record one, or say there is none yet.', 'carePlan');
  if (input.carePlan.kind === 'updated') checkReviewOn(call, input.carePlan.reviewOn, 'carePlan.reviewOn');
  const timers = timersOf(treatment);
  const step = task.aboutStep ?? 0;
  const current = scheduledReview(treatment.startedOn, step, timers);
  const reviewId = call.env.newId();
  const ending = input.decision === 'end-treatment';
  const result = call.write(
    (w) => {
      let carePlanVersion: number | null = plan?.version ?? null;
      if (input.carePlan.kind === 'updated') {
        carePlanVersion = recordCarePlanIn(w, call, input.personId, plan, { goals: input.carePlan.goals, reviewOn: input.carePlan.reviewOn, note: `Updated at the ${current.label}` }, reviewId).version;
      } else if (input.carePlan.kind === 'unchanged' && plan) {
        closePlanReviewIn(w, plan.id, `Reviewed unchanged at the ${current.label}`);
      }
      w.emit({
        type: 'review.completed',
        recordType: 'review',
        recordId: reviewId,
        personId: input.personId,
        baseVersion: null,
        sensitivity: 'substance_use',
        payload: {
          siteCode: call.site.siteCode,
          treatmentId: treatment.id,
          taskId: task.id,
          step,
          label: current.label,
          dueOn: task.dueOn ?? current.dueOn,
          reviewedOn: input.reviewedOn,
          summary: input.summary,
          decision: input.decision,
          carePlan: input.carePlan.kind,
          carePlanVersion: input.carePlan.kind === 'none-yet' ? null : carePlanVersion,
        },
      });
      closeTaskIn(w, w.tasks.get(task.id)!, PATHWAY_OUTCOMES.reviewCompleted, `Reviewed ${formatClinicalDate(input.reviewedOn)}`);
      if (ending) {
        endTreatmentIn(w, call, w.sms.treatment(treatment.id)!, { endedOn: input.reviewedOn, reason: 'completed', note: `Ended at the ${current.label}` }, PATHWAY_OUTCOMES.treatmentEnded, 'Treatment ended at review');
        return null;
      }
      const next = nextReview(treatment.startedOn, step, timers);
      scheduleReviewIn(w, call, { ...treatment, timers }, next.step);
      return next;
    },
    (next) => ({ personId: input.personId, detail: { review: reviewId, step, decision: input.decision, next: next?.dueOn ?? null } }),
  );
  return { reviewId, next: result ? { label: result.label, dueOn: result.dueOn } : null, treatmentEnded: ending };
}

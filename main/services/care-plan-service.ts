// Care plans: goals, each with actions and who does them, and a review date; every version kept.
// A version is reviewed by the next: recording one closes the open care plan review and schedules a
// new one for its review date, so a plan's review is a task like any other (never lost). At each
// treatment review the plan is confirmed unchanged (which also closes its open review) or updated.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { CarePlanRow } from '../../db/sms-repo';
import type { StoreWrites } from '../../db/store';
import { formatClinicalDate } from '../../domain/person/clinical-date';
import { siteDateOf } from '../../domain/sms/review-schedule';
import { SMS_SENSITIVITY } from '../../domain/access/substance-use-scope';
import { CARE_PLAN_REVIEW_KIND, PATHWAY_OUTCOMES } from '../../domain/tasks/task-kinds';
import type { Call } from './call';
import { ServiceError } from './service-error';
import { closeTaskIn, createTaskIn, dueOnDay } from './tasks-service';

export interface CarePlanContent {
  goals: { goal: string; actions: { action: string; owner: string; by: string | null }[] }[];
  reviewOn: string;
  note: string | null;
}

/** The keyworker substance misuse work goes to: the clinical one, else the psychosocial one. */
export function leadKeyworker(call: Call, personId: string): { id: string; name: string } | null {
  const current = call.reads.sms.currentKeyworkers(personId, call.site.siteCode);
  const lead = current.find((a) => a.kind === 'clinical') ?? current.find((a) => a.kind === 'psychosocial');
  return lead ? { id: lead.workerId, name: lead.workerName } : null;
}

/** Closes the plan's open review task(s) inside a write. */
export function closePlanReviewIn(w: StoreWrites, planId: string, note: string, outcome: { value: string; status: 'done' | 'cancelled' } = PATHWAY_OUTCOMES.carePlanReviewed): number {
  const open = w.tasks.openAbout('care_plan', planId);
  for (const task of open) closeTaskIn(w, task, outcome, note);
  return open.length;
}

/** Records a new version (or the first) inside a write; returns the plan id and its new version. */
export function recordCarePlanIn(w: StoreWrites, call: Call, personId: string, current: CarePlanRow | null, content: CarePlanContent, reviewId: string | null): { planId: string; version: number } {
  const planId = current?.id ?? call.env.newId();
  const version = (current?.version ?? 0) + 1;
  w.emit({
    type: 'care_plan.recorded',
    recordType: 'care_plan',
    recordId: planId,
    personId,
    baseVersion: current?.version ?? null,
    // An SMS care plan's goals are substance-use detail: shared and withheld as such.
    sensitivity: SMS_SENSITIVITY,
    payload: { siteCode: call.site.siteCode, goals: content.goals, reviewOn: content.reviewOn, reviewId, note: content.note },
  });
  if (current) closePlanReviewIn(w, planId, `Replaced by care plan version ${version}`);
  createTaskIn(w, call, {
    personId,
    stayId: call.reads.stays.openAt(personId, call.site.siteCode)?.id ?? null,
    kind: CARE_PLAN_REVIEW_KIND,
    title: 'Review the care plan',
    detail: `Care plan version ${version}, ${content.goals.length} goal${content.goals.length === 1 ? '' : 's'}, to be reviewed by ${formatClinicalDate(content.reviewOn)}`,
    forRole: null,
    sourceResponseId: null,
    ...dueOnDay(content.reviewOn),
    team: 'sms',
    assignee: leadKeyworker(call, personId),
    about: { type: 'care_plan', id: planId, step: null },
  });
  return { planId, version };
}

export function checkReviewOn(call: Call, reviewOn: string, path = 'reviewOn'): void {
  if (reviewOn < siteDateOf(call.env.now())) throw new ServiceError('invalid_input', 'The care plan review date cannot be in the past.', path);
}

export function recordCarePlan(input: ParsedInput<'sms.recordCarePlan'>, call: Call): ChannelOutput<'sms.recordCarePlan'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const current = call.reads.sms.carePlanFor(input.personId, call.site.siteCode);
  if ((current?.version ?? null) !== input.baseVersion) {
    throw new ServiceError('conflict', 'The care plan was changed by someone else while you were working. Reload it and try again.');
  }
  checkReviewOn(call, input.reviewOn);
  const result = call.write(
    (w) => recordCarePlanIn(w, call, input.personId, current, { goals: input.goals, reviewOn: input.reviewOn, note: input.note.trim() || null }, null),
    (r) => ({ personId: input.personId, detail: { carePlan: r.planId, version: r.version } }),
  );
  return { ...result, reviewOn: input.reviewOn };
}

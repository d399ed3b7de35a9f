// The clinical events of one synthetic substance misuse episode at a site, in the shapes the app's
// services emit them (referrals-service, caseload-service, treatment-service, care-plan-service,
// release-service, tasks-service): a referral and its decision; for one accepted, two keyworkers
// (sometimes one reassigned), treatment with its start TOP, each scheduled review as a task that is
// completed (with a review TOP, mostly) and schedules the next, a care plan reviewed when due, and
// at the end the treatment ended, open work closed, the caseload emptied and, for some, a release
// plan with a community referral; besides, healthcare work (hospital letters, results,
// appointments, recalls) given to workers and mostly closed. Anything still due at `endsAt` stays
// open, so some of it is overdue. Events come in the order they were made for each record (a task
// is created before it is closed), which is all the projector needs.
import type { ClinicalEvent } from '../contract/sync/events';
import type { EventDraft } from '../db/store';
import { eventContentHash } from '../db/event-hash';
import { keyServiceCode, keyServiceList, referralSourceSchema, referralSubstanceValues } from '../domain/sms/referral-services';
import { DEFAULT_REVIEW_TIMERS, endOfSiteDay, nextReview, scheduledReview, siteDateOf } from '../domain/sms/review-schedule';
import { CARE_PLAN_REVIEW_KIND, PATHWAY_OUTCOMES, RELEASE_FOLLOW_UP_KIND, SMS_REVIEW_KIND, taskKind, taskSensitivity } from '../domain/tasks/task-kinds';
import { templateRegistry } from '../domain/templates/library';
import { TOP_SUBSTANCES, weekItemIds } from '../domain/templates/library/top-items';
import { finaliseResponse } from '../domain/templates/response';
import type { Answers } from '../domain/templates/answers';
import type { Author } from '../contract/sync/envelope';
import type { Prng } from './prng';

const DAY = 86_400_000;

let made = 0;
/**
 * A UUIDv7 for the instant `msecs`, as the app makes them (time-ordered), with its random bits
 * from a counter and the bench's seeded source: the uuid package draws 16 bytes from the OS for
 * each, which would be most of the load's time here.
 */
function uuidv7(options: { msecs: number }, rng: Prng): string {
  const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, '0');
  const time = hex(options.msecs, 12);
  const seq = ++made;
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(rng.next() * 0x1000, 3)}-${hex(0x8000 + (seq / 0x1000000000000) % 0x4000, 4)}-${hex(seq % 0x1000000000000, 12)}`;
}
const HOUR = 3_600_000;

export interface Worker {
  id: string;
  name: string;
}

export interface EpisodeContext {
  siteCode: string;
  endsAt: number;
  rng: Prng;
  clinical: readonly Worker[];
  psychosocial: readonly Worker[];
  healthcare: readonly Worker[];
}

const REFERRER: Author = { id: 'bench-nurse', name: 'Bench Nurse', role: 'prison_nurse' };
const SOURCES = referralSourceSchema.options;
const SOURCE_WEIGHTS = [40, 8, 8, 15, 15, 7, 7];
const HEALTHCARE_KINDS = ['hospital-letter', 'test-result', 'external-appointment', 'recall'] as const;
const CODED_SERVICES = keyServiceList.services.map((s) => s.value);
const TOP = templateRegistry.latest('top-secure')!;

function weighted<T>(rng: Prng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}

/** A complete secure-setting TOP (as the TOP form's rules accept): opiates and crack use, tobacco, the three ratings. */
export function topAnswers(rng: Prng, stage: 'start' | 'review', interviewDate: string, better: number): Answers {
  const a: Answers = { stage, 'interview-date': interviewDate, 'recall-period': stage === 'start' ? 'before-custody' : 'last-4-weeks' };
  for (const s of [...TOP_SUBSTANCES.map((x) => x.key), 'tobacco']) for (const id of weekItemIds(s)) a[id] = 0;
  const week = (max: number) => Math.max(0, Math.min(7, Math.round(rng.next() * max)));
  // A substance's amount is asked only when it was used.
  const use = (key: string, max: number, amount: number) => {
    const weeks = weekItemIds(key).map((id) => [id, week(max)] as const);
    Object.assign(a, Object.fromEntries(weeks));
    const used = weeks.reduce((n, [, d]) => n + d, 0);
    if (used > 0) a[`${key}-amount`] = amount;
    return used;
  };
  const opioidDays = use('opioids', 7 - better * 5, 0.5);
  use('crack', 3 - better * 2, 0.2);
  use('tobacco', 7.4, 15);
  a['injecting-days'] = opioidDays;
  if (opioidDays > 0) Object.assign(a, { 'shared-needles': false, 'shared-equipment': rng.chance(0.3) });
  Object.assign(a, { 'shoplifting-days': week(7), 'drug-selling-days': 0, 'other-theft-days': 0, 'assault-violence': false });
  Object.assign(a, { 'psychological-health': Math.round(4 + better * 8 + rng.next() * 6), 'paid-work-days': 0, 'education-days': 0, 'housing-acute-problem': rng.chance(0.4), 'housing-eviction-risk': false });
  Object.assign(a, { 'physical-health': Math.round(5 + better * 6 + rng.next() * 6), 'quality-of-life': Math.round(4 + better * 8 + rng.next() * 6) });
  return a;
}

/** An event as made, before the clock stamp and content hash it gets when it is applied (in time order). */
export type Unstamped = Omit<ClinicalEvent, 'hlc' | 'contentHash'>;
export interface TimedEvent {
  atMs: number;
  /** Made in this order: ties in time keep it. */
  seq: number;
  event: Unstamped;
}

/** Stamps an event with the next clock value and its content hash, as the store does when it emits one. */
export function stamp(event: Unstamped, hlc: bigint): ClinicalEvent {
  const unhashed = { ...event, hlc: hlc.toString() } as ClinicalEvent;
  return { ...unhashed, contentHash: eventContentHash(unhashed) } as ClinicalEvent;
}

/** One episode's events (all at or after `referredAtMs`). `personId` must be held at the site. */
export function episodeEvents(ctx: EpisodeContext, personId: string, referredAtMs: number): TimedEvent[] {
  const { rng, siteCode, endsAt } = ctx;
  const events: TimedEvent[] = [];
  // A change to a record is never made before the change it follows (a task closed before it was
  // made): applied in time order across episodes, each record's events stay in this order.
  const lastOf = new Map<string, number>();
  const emit = (draft: EventDraft, wantedMs: number, author: Author): TimedEvent | null => {
    const atMs = Math.max(wantedMs, lastOf.get(draft.recordId) ?? wantedMs);
    if (atMs > endsAt) return null;
    lastOf.set(draft.recordId, atMs);
    const event: TimedEvent = { atMs, seq: ++made, event: { ...draft, eventId: uuidv7({ msecs: atMs }, rng), originSite: siteCode, author, recordedAt: new Date(atMs).toISOString() } as Unstamped };
    events.push(event);
    return event;
  };
  const day = (ms: number) => siteDateOf(new Date(ms));
  const pick = <T>(list: readonly T[]) => list[rng.int(list.length)]!;

  // Tasks: created open at version 1; each change moves the version on, as the projector does.
  const openTasks = new Map<string, { kind: string; version: number; dueAtMs: number }>();
  const createTask = (atMs: number, author: Author, t: { kind: string; title: string; dueOn: string | null; dueAt: string; assignee: Worker | null; team: 'sms' | 'healthcare' | null; about: { type: 'treatment' | 'care_plan' | 'release_plan'; id: string; step: number | null } | null }): string | null => {
    const id = uuidv7({ msecs: atMs }, rng);
    const made = emit(
      {
        type: 'task.created',
        recordType: 'task',
        recordId: id,
        personId,
        baseVersion: null,
        sensitivity: taskSensitivity(t.kind),
        payload: { siteCode, stayId: null, kind: t.kind, title: t.title, detail: null, forRole: null, dueAt: t.dueAt, sourceResponseId: null, assignee: t.assignee, team: t.team, dueOn: t.dueOn, about: t.about },
      },
      atMs,
      author,
    );
    if (!made) return null;
    openTasks.set(id, { kind: t.kind, version: 1, dueAtMs: Date.parse(t.dueAt) });
    return id;
  };
  const closeTask = (id: string | null, atMs: number, author: Author, outcome: { value: string; status: 'done' | 'cancelled' }, note: string | null) => {
    const task = id ? openTasks.get(id) : undefined;
    if (!id || !task) return;
    const closed = emit({ type: 'task.closed', recordType: 'task', recordId: id, personId, baseVersion: task.version, sensitivity: taskSensitivity(task.kind), payload: { outcome: outcome.status, note, result: outcome.value } }, atMs, author);
    if (closed) openTasks.delete(id);
  };

  // Healthcare work besides the pathway: given to a worker (or only to the team), mostly closed within days.
  for (let n = rng.int(3); n > 0; n--) {
    const kind = taskKind(pick(HEALTHCARE_KINDS));
    const createdMs = referredAtMs + rng.between(0, 120) * DAY;
    const dueMs = createdMs + rng.between(1, 28) * DAY;
    const dueOn = kind.due === 'date' ? day(dueMs) : null;
    const worker = rng.chance(0.8) ? pick(ctx.healthcare) : null;
    const id = createTask(createdMs, REFERRER, { kind: kind.kind, title: kind.label, dueOn, dueAt: dueOn ? endOfSiteDay(dueOn) : new Date(dueMs).toISOString(), assignee: worker, team: 'healthcare', about: null });
    const lateDays = rng.chance(0.85) ? rng.next() * 3 : rng.next() * 40;
    closeTask(id, Math.max(createdMs + HOUR, dueMs - 2 * DAY + lateDays * DAY), REFERRER, kind.outcomes[0]!, 'Done');
  }

  const referralId = uuidv7({ msecs: referredAtMs }, rng);
  const substances = [pick(referralSubstanceValues), ...(rng.chance(0.4) ? [pick(referralSubstanceValues)] : [])];
  emit(
    {
      type: 'referral.made',
      recordType: 'referral',
      recordId: referralId,
      personId,
      baseVersion: null,
      sensitivity: 'substance_use',
      payload: { siteCode, toService: 'substance_misuse', reason: 'Referred at reception for substance misuse assessment', sourceResponseId: null, source: weighted(rng, SOURCES, SOURCE_WEIGHTS), urgency: rng.chance(0.2) ? 'urgent' : 'routine', substances: [...new Set(substances)] },
    },
    referredAtMs,
    REFERRER,
  );
  const decidedMs = referredAtMs + rng.between(2, 120) * HOUR;
  const outcome = weighted(rng, ['accepted', 'declined', 'referred_on', 'closed', 'open'] as const, [72, 8, 12, 3, 5]);
  if (outcome === 'open') return events;
  const lead = pick(ctx.clinical);
  const leadAuthor: Author = { id: lead.id, name: lead.name, role: 'sms_clinical' };
  const referredOnTo = outcome === 'referred_on' ? weighted(rng, CODED_SERVICES, [40, 20, 10, 10, 10, 10]) : null;
  emit(
    {
      type: 'referral.outcome_recorded',
      recordType: 'referral',
      recordId: referralId,
      personId,
      baseVersion: 1,
      sensitivity: 'substance_use',
      payload: { outcome, note: null, decidedOn: day(decidedMs), decidedBy: lead.name, referredOnTo, code: referredOnTo ? keyServiceCode(referredOnTo) : null },
    },
    decidedMs,
    leadAuthor,
  );
  if (outcome !== 'accepted') return events;

  // Keyworkers: one slot per kind; a reassignment moves the slot's version on.
  const slots = (['clinical', 'psychosocial'] as const).map((kind) => {
    const slot = { kind, id: uuidv7({ msecs: decidedMs }, rng), version: 0, worker: kind === 'clinical' ? lead : pick(ctx.psychosocial) };
    if (emit({ type: 'caseload.assigned', recordType: 'caseload', recordId: slot.id, personId, baseVersion: null, sensitivity: 'substance_use', payload: { siteCode, kind, worker: slot.worker, referralId, reason: null } }, decidedMs + HOUR, leadAuthor)) slot.version = 1;
    return slot;
  });
  const startedMs = decidedMs + rng.between(1, 4) * DAY;
  const startedOn = day(startedMs);
  const treatmentId = uuidv7({ msecs: startedMs }, rng);
  const timers = DEFAULT_REVIEW_TIMERS;
  if (!emit({ type: 'treatment.started', recordType: 'treatment', recordId: treatmentId, personId, baseVersion: null, sensitivity: 'substance_use', payload: { siteCode, stayId: null, startedOn, interventions: rng.chance(0.6) ? ['pharmacological', 'psychosocial'] : ['psychosocial'], substances: [...new Set(substances)], referralId, timers } }, startedMs, leadAuthor)) {
    return events;
  }
  const top = (atMs: number, stage: 'start' | 'review', better: number) => {
    const id = uuidv7({ msecs: atMs }, rng);
    const saved = finaliseResponse(TOP, topAnswers(rng, stage, day(atMs), better), { id, at: new Date(atMs).toISOString(), by: lead.id });
    if (!saved.ok) throw new Error(`bench TOP did not finalise: ${JSON.stringify(saved)}`);
    emit({ type: 'form.recorded', recordType: 'form_response', recordId: id, personId, baseVersion: null, sensitivity: 'substance_use', payload: { stayId: null, response: saved.response } }, atMs, leadAuthor);
  };
  top(startedMs + 2 * HOUR, 'start', 0);

  const endMs = startedMs + rng.between(14, 300) * DAY;
  const reviewTask = (atMs: number, step: number) => {
    const review = scheduledReview(startedOn, step, timers);
    const id = createTask(atMs, leadAuthor, { kind: SMS_REVIEW_KIND, title: `${review.label} (substance misuse)`, dueOn: review.dueOn, dueAt: review.overdueFrom, assignee: slots[0]!.worker, team: 'sms', about: { type: 'treatment', id: treatmentId, step } });
    return { id, review };
  };
  let due = reviewTask(startedMs, 0);
  const planId = uuidv7({ msecs: startedMs }, rng);
  const care: { plan: { version: number; taskId: string | null; reviewOnMs: number } | null } = { plan: null };
  const recordPlan = (atMs: number, reviewId: string | null) => {
    const reviewOnMs = atMs + rng.between(28, 90) * DAY;
    const reviewOn = day(reviewOnMs);
    const made = emit(
      { type: 'care_plan.recorded', recordType: 'care_plan', recordId: planId, personId, baseVersion: care.plan ? care.plan.version : null, sensitivity: 'substance_use', payload: { siteCode, goals: [{ goal: 'Stabilise on treatment', actions: [{ action: 'Attend keywork sessions weekly', owner: 'Keyworker', by: null }] }], reviewOn, reviewId, note: null } },
      atMs,
      leadAuthor,
    );
    if (!made) return;
    const taskId = createTask(atMs, leadAuthor, { kind: CARE_PLAN_REVIEW_KIND, title: 'Review the care plan', dueOn: reviewOn, dueAt: endOfSiteDay(reviewOn), assignee: slots[0]!.worker, team: 'sms', about: { type: 'care_plan', id: planId, step: null } });
    care.plan = { version: (care.plan?.version ?? 0) + 1, taskId, reviewOnMs };
  };
  let reassigned = !rng.chance(0.15);
  for (let better = 0.2; ; better = Math.min(1, better + 0.2)) {
    // Reviews are done around when they fall due: most within a few days, some late.
    const doneMs = Date.parse(due.review.overdueFrom) - 12 * HOUR + (rng.chance(0.8) ? rng.next() * 3 : rng.next() * 20) * DAY;
    if (doneMs > endMs || doneMs > endsAt) break;
    for (let plan = care.plan; plan && plan.reviewOnMs < doneMs && plan.taskId; plan = care.plan) {
      closeTask(plan.taskId, plan.reviewOnMs, leadAuthor, PATHWAY_OUTCOMES.carePlanReviewed, 'Care plan reviewed');
      recordPlan(plan.reviewOnMs, null);
    }
    const reviewId = uuidv7({ msecs: doneMs }, rng);
    const firstPlan = care.plan === null;
    if (firstPlan) recordPlan(doneMs, reviewId);
    emit(
      {
        type: 'review.completed',
        recordType: 'review',
        recordId: reviewId,
        personId,
        baseVersion: null,
        sensitivity: 'substance_use',
        payload: { siteCode, treatmentId, taskId: due.id!, step: due.review.step, label: due.review.label, dueOn: due.review.dueOn, reviewedOn: day(doneMs), summary: 'Engaging; stable on treatment.', decision: 'continue', carePlan: firstPlan ? 'updated' : 'unchanged', carePlanVersion: care.plan ? care.plan.version : null },
      },
      doneMs,
      leadAuthor,
    );
    closeTask(due.id, doneMs, leadAuthor, PATHWAY_OUTCOMES.reviewCompleted, `Reviewed ${day(doneMs)}`);
    if (rng.chance(0.7)) top(doneMs + HOUR, 'review', better);
    if (!reassigned && doneMs + 7 * DAY < Math.min(endMs, endsAt)) {
      const slot = slots[1]!;
      slot.worker = pick(ctx.psychosocial);
      if (emit({ type: 'caseload.assigned', recordType: 'caseload', recordId: slot.id, personId, baseVersion: slot.version, sensitivity: 'substance_use', payload: { siteCode, kind: slot.kind, worker: slot.worker, referralId, reason: 'Caseload balanced across the team' } }, doneMs + 7 * DAY, leadAuthor)) slot.version++;
      reassigned = true;
    }
    due = reviewTask(doneMs + 2 * HOUR, nextReview(startedOn, due.review.step, timers).step);
  }
  if (endMs > endsAt) return events;

  emit({ type: 'treatment.ended', recordType: 'treatment', recordId: treatmentId, personId, baseVersion: 1, sensitivity: 'substance_use', payload: { endedOn: day(endMs), reason: weighted(rng, ['completed', 'released', 'transferred', 'declined'] as const, [40, 40, 10, 10]), note: null } }, endMs, leadAuthor);
  for (const [id, task] of [...openTasks]) if (task.kind === SMS_REVIEW_KIND || task.kind === CARE_PLAN_REVIEW_KIND) closeTask(id, endMs, leadAuthor, PATHWAY_OUTCOMES.treatmentEnded, 'Treatment ended');
  for (const slot of slots) emit({ type: 'caseload.ended', recordType: 'caseload', recordId: slot.id, personId, baseVersion: slot.version, sensitivity: 'substance_use', payload: { reason: 'Discharged from the caseload' } }, endMs + HOUR, leadAuthor);
  if (rng.chance(0.35)) {
    const service = weighted(rng, CODED_SERVICES, [55, 15, 5, 5, 10, 10]);
    const plannedMs = endMs - rng.between(2, 10) * DAY;
    const releasePlanId = uuidv7({ msecs: plannedMs }, rng);
    emit(
      {
        type: 'release_plan.recorded',
        recordType: 'release_plan',
        recordId: releasePlanId,
        personId,
        baseVersion: null,
        sensitivity: 'substance_use',
        payload: { siteCode, stayId: null, releaseOn: day(endMs), destination: 'Home address', ost: null, naloxone: 'issued', naloxoneNote: null, communityReferral: { service, provider: 'Forward Leeds', referredOn: day(plannedMs), firstAppointmentAt: null, code: keyServiceCode(service) }, notes: null },
      },
      plannedMs,
      leadAuthor,
    );
    const followUpOn = day(endMs + 21 * DAY);
    const followUp = createTask(endMs + 2 * HOUR, leadAuthor, { kind: RELEASE_FOLLOW_UP_KIND, title: 'Follow up 3 weeks after release', dueOn: followUpOn, dueAt: endOfSiteDay(followUpOn), assignee: slots[0]!.worker, team: 'sms', about: { type: 'release_plan', id: releasePlanId, step: null } });
    closeTask(followUp, endMs + rng.between(20, 26) * DAY, leadAuthor, taskKind(RELEASE_FOLLOW_UP_KIND).outcomes[0]!, 'Community service confirmed the first appointment was attended');
  }
  return events;
}

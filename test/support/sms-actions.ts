// The substance misuse pathway's writing channels as random actions for the event-log property
// tests (event-actions.ts runs them): referrals and decisions, keyworkers, treatment and reviews,
// care and release plans, and tasks made, given, moved and closed with their kind's outcomes.
import fc from 'fast-check';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../contract/channels';
import type { RpcResult } from '../../contract/result';
import { addCalendarDays, siteDateOf } from '../../domain/sms/review-schedule';
import { taskKind } from '../../domain/tasks/task-kinds';

export type SmsAction =
  | { kind: 'refer'; p: number; urgent: boolean }
  | { kind: 'decideReferral'; i: number; outcome: number }
  | { kind: 'assignKeyworker'; p: number; psych: boolean; w: number }
  | { kind: 'endKeyworker'; p: number; psych: boolean }
  | { kind: 'startTreatment'; p: number }
  | { kind: 'completeReview'; p: number; plan: number; end: boolean }
  | { kind: 'endTreatment'; p: number }
  | { kind: 'carePlan'; p: number }
  | { kind: 'releasePlan'; p: number; days: number }
  | { kind: 'createTask'; p: number; k: number }
  | { kind: 'assignTask'; i: number; w: number }
  | { kind: 'rescheduleTask'; i: number; days: number };

const idx = fc.nat(50);
export const smsActionArbitrary: fc.Arbitrary<SmsAction> = fc.oneof(
  fc.record({ kind: fc.constant('refer' as const), p: idx, urgent: fc.boolean() }),
  fc.record({ kind: fc.constant('decideReferral' as const), i: idx, outcome: fc.nat(2) }),
  fc.record({ kind: fc.constant('assignKeyworker' as const), p: idx, psych: fc.boolean(), w: fc.nat(1) }),
  fc.record({ kind: fc.constant('endKeyworker' as const), p: idx, psych: fc.boolean() }),
  fc.record({ kind: fc.constant('startTreatment' as const), p: idx }),
  fc.record({ kind: fc.constant('completeReview' as const), p: idx, plan: fc.nat(2), end: fc.boolean() }),
  fc.record({ kind: fc.constant('endTreatment' as const), p: idx }),
  fc.record({ kind: fc.constant('carePlan' as const), p: idx }),
  fc.record({ kind: fc.constant('releasePlan' as const), p: idx, days: fc.nat(30) }),
  fc.record({ kind: fc.constant('createTask' as const), p: idx, k: fc.nat(3) }),
  fc.record({ kind: fc.constant('assignTask' as const), i: idx, w: fc.nat(1) }),
  fc.record({ kind: fc.constant('rescheduleTask' as const), i: idx, days: fc.nat(20) }),
);

export const SMS_WRITING_CHANNELS = [
  'referrals.make',
  'referrals.decide',
  'caseload.assign',
  'caseload.end',
  'sms.startTreatment',
  'sms.completeReview',
  'sms.endTreatment',
  'sms.recordCarePlan',
  'sms.recordReleasePlan',
  'tasks.create',
  'tasks.assign',
  'tasks.reschedule',
] as const;

/** Every SMS writing channel once, on the first person (run before their stay ends). */
export const smsTour: SmsAction[] = [
  { kind: 'refer', p: 0, urgent: true },
  { kind: 'decideReferral', i: 0, outcome: 0 },
  { kind: 'assignKeyworker', p: 0, psych: false, w: 0 },
  { kind: 'assignKeyworker', p: 0, psych: false, w: 1 },
  { kind: 'assignKeyworker', p: 0, psych: true, w: 0 },
  { kind: 'startTreatment', p: 0 },
  { kind: 'carePlan', p: 0 },
  { kind: 'completeReview', p: 0, plan: 0, end: false },
  { kind: 'releasePlan', p: 0, days: 10 },
  { kind: 'createTask', p: 0, k: 0 },
  { kind: 'assignTask', i: 0, w: 0 },
  { kind: 'rescheduleTask', i: 0, days: 3 },
  { kind: 'endKeyworker', p: 0, psych: true },
  { kind: 'endTreatment', p: 0 },
];

export interface SmsContext {
  now(): Date;
  pickPerson(p: number): string | null;
  nth<T>(list: readonly T[], i: number): T | null;
  /** A call that counts its outcome (and fails the test on `internal`). */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): Promise<RpcResult<ChannelOutput<C>>>;
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string): Promise<ChannelOutput<C>>;
  /** An SMS clinical worker's session, and the ids of the two SMS workers. */
  smsToken: string;
  workers: readonly string[];
}

const TASK_KINDS = ['hospital-letter', 'test-result', 'external-appointment', 'recall'];
const goals = [{ goal: 'Stay stable on OST', actions: [{ action: 'Daily supervised dose', owner: 'Prescriber', by: null }] }];

export async function runSmsAction(ctx: SmsContext, action: SmsAction): Promise<void> {
  const today = siteDateOf(ctx.now());
  const t = ctx.smsToken;
  const personId = 'p' in action ? ctx.pickPerson(action.p) : null;
  switch (action.kind) {
    case 'refer':
      if (personId) {
        await ctx.call('referrals.make', { personId, toService: 'substance_misuse', source: 'reception', urgency: action.urgent ? 'urgent' : 'routine', reason: 'Uses heroin daily', substances: ['opioids'] }, t);
      }
      return;
    case 'decideReferral': {
      const { referrals } = await ctx.ok('referrals.inbox', { service: 'substance_misuse' }, t);
      const r = ctx.nth(referrals, action.i);
      if (!r) return;
      const outcome = (['accepted', 'declined', 'referred_on'] as const)[action.outcome]!;
      await ctx.call('referrals.decide', { referralId: r.id, outcome, decidedOn: today, decidedBy: 'Team lead', note: 'Decided in test', referredOnTo: outcome === 'referred_on' ? 'community-drug-alcohol-team' : null }, t);
      return;
    }
    case 'assignKeyworker':
      if (personId) await ctx.call('caseload.assign', { personId, kind: action.psych ? 'psychosocial' : 'clinical', workerId: ctx.workers[action.w % ctx.workers.length]!, reason: 'Change of worker' }, t);
      return;
    case 'endKeyworker':
      if (personId) await ctx.call('caseload.end', { personId, kind: action.psych ? 'psychosocial' : 'clinical', reason: 'Discharged' }, t);
      return;
    case 'startTreatment':
      if (personId) await ctx.call('sms.startTreatment', { personId, startedOn: today, interventions: ['pharmacological'], substances: ['opioids'] }, t);
      return;
    case 'endTreatment': {
      if (!personId) return;
      const record = await ctx.ok('sms.record', { personId }, t);
      if (record.treatment) await ctx.call('sms.endTreatment', { personId, treatmentId: record.treatment.id, endedOn: today, reason: 'completed', note: '' }, t);
      return;
    }
    case 'completeReview': {
      if (!personId) return;
      const record = await ctx.ok('sms.record', { personId }, t);
      const next = record.treatment?.nextReview;
      if (!next) return;
      const carePlan = action.plan === 0 ? { kind: 'unchanged' as const } : action.plan === 1 ? { kind: 'none-yet' as const } : { kind: 'updated' as const, goals, reviewOn: addCalendarDays(today, 28) };
      await ctx.call('sms.completeReview', { personId, taskId: next.taskId, reviewedOn: today, summary: 'Reviewed in test', decision: action.end ? 'end-treatment' : 'continue', carePlan }, t);
      return;
    }
    case 'carePlan': {
      if (!personId) return;
      const record = await ctx.ok('sms.record', { personId }, t);
      await ctx.call('sms.recordCarePlan', { personId, baseVersion: record.carePlan?.version ?? null, goals, reviewOn: addCalendarDays(today, 14), note: '' }, t);
      return;
    }
    case 'releasePlan': {
      if (!personId) return;
      const record = await ctx.ok('sms.record', { personId }, t);
      await ctx.call(
        'sms.recordReleasePlan',
        {
          personId,
          baseVersion: record.releasePlan?.version ?? null,
          releaseOn: addCalendarDays(today, action.days),
          destination: 'Home address',
          ost: { medicine: 'Methadone', doseMg: 60, lastDoseAt: ctx.now().toISOString() },
          naloxone: 'issued',
          naloxoneNote: '',
          communityReferral: { service: 'community-drug-alcohol-team', provider: 'Local CDAT', referredOn: today, firstAppointmentAt: null },
          notes: '',
        },
        t,
      );
      return;
    }
    case 'createTask': {
      if (!personId) return;
      const kind = TASK_KINDS[action.k % TASK_KINDS.length]!;
      const dated = taskKind(kind).due === 'date';
      await ctx.call(
        'tasks.create',
        { personId, kind, title: `Test ${kind}`, detail: 'Made in test', dueOn: dated ? addCalendarDays(today, 2) : null, dueAt: dated ? null : new Date(ctx.now().getTime() + 86_400_000).toISOString() },
        t,
      );
      return;
    }
    case 'assignTask':
    case 'rescheduleTask': {
      const { tasks } = await ctx.ok('tasks.list', { personId: null, status: 'open' }, t);
      const task = ctx.nth(tasks, action.i);
      if (!task) return;
      if (action.kind === 'assignTask') {
        await ctx.call('tasks.assign', { taskId: task.id, team: 'sms', assigneeId: ctx.workers[action.w % ctx.workers.length]!, note: '' }, t);
      } else {
        const dated = taskKind(task.kind).due === 'date';
        await ctx.call(
          'tasks.reschedule',
          { taskId: task.id, dueOn: dated ? addCalendarDays(today, action.days) : null, dueAt: dated ? null : new Date(ctx.now().getTime() + (action.days + 1) * 86_400_000).toISOString(), reason: 'Moved in test' },
          t,
        );
      }
      return;
    }
  }
}

// Random sequences of real channel calls over every clinical writing channel, for the property
// tests of the event log and its projection. Each action picks its target from what earlier actions
// made (by index, modulo), so any sequence is meaningful; a call the service refuses is fine (it
// must change nothing), a call that fails with `internal` is a bug.
import fc from 'fast-check';
import type { ChannelInput, ChannelName } from '../../contract/channels';
import { nhsCheckDigit } from '../../domain/identifiers/nhs-number';
import { templateRegistry } from '../../domain/templates/library';
import { closingOutcome, taskKind } from '../../domain/tasks/task-kinds';
import { runSmsAction, SMS_WRITING_CHANNELS, smsActionArbitrary, smsTour, type SmsAction } from './sms-actions';
import { completeAnswers } from './complete-answers';
import type { TempSite } from './temp-site';

export type Action =
  | { kind: 'register'; given: number; nhs: boolean }
  | { kind: 'addIdentifier'; p: number; n: number }
  | { kind: 'addAlias'; p: number }
  | { kind: 'retireIdentifier'; p: number; i: number }
  | { kind: 'retireAlias'; p: number; i: number }
  | { kind: 'startStay'; p: number }
  | { kind: 'endStay'; p: number }
  | { kind: 'raiseFlag'; p: number; code: number }
  | { kind: 'endFlag'; p: number; i: number }
  | { kind: 'saveForm'; p: number; template: number; seed: number }
  | { kind: 'amendForm'; p: number; i: number; seed: number }
  | { kind: 'enteredInError'; p: number; i: number }
  | { kind: 'closeTask'; i: number; done: boolean }
  | { kind: 'handover'; p: number }
  | { kind: 'consent'; p: number; share: boolean }
  | SmsAction;

const idx = fc.nat(50);
export const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('register' as const), given: fc.nat(9), nhs: fc.boolean() }) },
  fc.record({ kind: fc.constant('addIdentifier' as const), p: idx, n: fc.nat(1_000_000) }),
  fc.record({ kind: fc.constant('addAlias' as const), p: idx }),
  fc.record({ kind: fc.constant('retireIdentifier' as const), p: idx, i: idx }),
  fc.record({ kind: fc.constant('retireAlias' as const), p: idx, i: idx }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('startStay' as const), p: idx }) },
  fc.record({ kind: fc.constant('endStay' as const), p: idx }),
  fc.record({ kind: fc.constant('raiseFlag' as const), p: idx, code: fc.nat(3) }),
  fc.record({ kind: fc.constant('endFlag' as const), p: idx, i: idx }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('saveForm' as const), p: idx, template: fc.nat(20), seed: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amendForm' as const), p: idx, i: idx, seed: fc.nat() }) },
  fc.record({ kind: fc.constant('handover' as const), p: idx }),
  fc.record({ kind: fc.constant('enteredInError' as const), p: idx, i: idx }),
  fc.record({ kind: fc.constant('closeTask' as const), i: idx, done: fc.boolean() }),
  fc.record({ kind: fc.constant('handover' as const), p: idx }),
  fc.record({ kind: fc.constant('consent' as const), p: idx, share: fc.boolean() }),
  { weight: 6, arbitrary: smsActionArbitrary },
);

const GIVEN = ['Amir', 'Beth', 'Carl', 'Dana', 'Eoin', 'Fay', 'Gus', 'Hana', 'Ivor', 'Jude'];
const FORMS = ['cows', 'ciwa-ar', 'audit-c', 'audit', 'custody-hcp-assessment', 'dual-diagnosis', 'risk-assessment', 'prison-reception-screen'];

/** Every channel that changes clinical data: the property tests must see each succeed. */
export const WRITING_CHANNELS = [
  'patients.register',
  'patients.addIdentifier',
  'patients.addAlias',
  'patients.retireIdentifier',
  'patients.retireAlias',
  'stays.start',
  'stays.end',
  'flags.raise',
  'flags.end',
  'tasks.close',
  'forms.save',
  'forms.amend',
  'forms.markEnteredInError',
  'handover.record',
  'consent.record',
  ...SMS_WRITING_CHANNELS,
] as const;

/** A walk through every writing channel, run before the random part so each is always exercised. */
export function tour(siteType: 'custody' | 'prison'): Action[] {
  return [
    { kind: 'register', given: 0, nhs: true },
    { kind: 'startStay', p: 0 },
    { kind: 'saveForm', p: 0, template: siteType === 'prison' ? 7 : 4, seed: 1 },
    { kind: siteType === 'prison' ? 'closeTask' : 'handover', p: 0, i: 0, done: true } as Action,
    { kind: 'raiseFlag', p: 0, code: 0 },
    { kind: 'endFlag', p: 0, i: 0 },
    { kind: 'saveForm', p: 0, template: 0, seed: 2 },
    { kind: 'amendForm', p: 0, i: 0, seed: 3 },
    { kind: 'enteredInError', p: 0, i: 1 },
    { kind: 'addIdentifier', p: 0, n: 42 },
    { kind: 'retireIdentifier', p: 0, i: 0 },
    { kind: 'addAlias', p: 0 },
    { kind: 'retireAlias', p: 0, i: 0 },
    { kind: 'consent', p: 0, share: false },
    ...smsTour,
    { kind: 'endStay', p: 0 },
  ];
}

function validNhsNumber(n: number): string {
  for (let k = n; ; k++) {
    const nine = String(400_000_000 + (k % 500_000_000)).padStart(9, '0');
    const check = nhsCheckDigit(nine);
    if (check !== null) return nine + String(check);
  }
}

export interface ActionRunner {
  run(action: Action): Promise<void>;
  /** How many calls succeeded and how many the service refused, by channel. */
  readonly counts: Record<string, { ok: number; refused: number }>;
}

/** Who does the substance misuse team's work: an SMS clinical worker's session and the SMS workers' ids. */
export interface SmsTeam {
  token: string;
  workers: readonly string[];
}

export function actionRunner(site: TempSite, token: string, advance: () => string, team?: SmsTeam): ActionRunner {
  const people: string[] = [];
  const counts: Record<string, { ok: number; refused: number }> = {};
  let registered = 0;
  const pickPerson = (p: number) => (people.length === 0 ? null : people[p % people.length]!);
  const nth = <T>(list: readonly T[], i: number): T | null => (list.length === 0 ? null : list[i % list.length]!);

  async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>, as: string = token) {
    const result = await site.call(channel, input, as);
    const c = (counts[channel] ??= { ok: 0, refused: 0 });
    if (result.ok) c.ok++;
    else {
      if (result.error.code === 'internal') throw new Error(`${channel} failed inside: ${result.error.message}`);
      c.refused++;
    }
    return result;
  }

  async function run(action: Action): Promise<void> {
    const at = advance();
    switch (action.kind) {
      case 'register': {
        const n = registered++;
        // A birth date of its own, so the likely-duplicate check never stops a registration.
        const birthDate = new Date(Date.UTC(1950, 0, 1 + n * 37)).toISOString().slice(0, 10);
        const r = await call('patients.register', {
          familyName: `Prop${n}`,
          givenNames: GIVEN[action.given]!,
          title: null,
          birthDate,
          sex: n % 2 ? 'female' : 'male',
          nhsNumber: action.nhs ? validNhsNumber(n * 7919 + 13) : null,
          otherIdentifiers: [{ type: 'custody_record_number', value: `CR${String(n).padStart(6, '0')}` }],
          aliases: n % 3 === 0 ? [{ familyName: `Alias${n}`, givenNames: 'Al' }] : [],
          reviewedDuplicates: [],
        });
        if (r.ok) people.push(r.value.personId);
        return;
      }
      case 'addIdentifier': {
        const personId = pickPerson(action.p);
        if (personId) await call('patients.addIdentifier', { personId, identifier: { type: 'local_id', value: `LOC${action.n}` } });
        return;
      }
      case 'addAlias': {
        const personId = pickPerson(action.p);
        if (personId) await call('patients.addAlias', { personId, alias: { familyName: 'Known', givenNames: `As${action.p}` } });
        return;
      }
      case 'retireIdentifier':
      case 'retireAlias': {
        const personId = pickPerson(action.p);
        if (!personId) return;
        const record = await site.ok('patients.get', { personId }, token);
        if (action.kind === 'retireIdentifier') {
          const target = nth(record.identifiers, action.i);
          if (target) await call('patients.retireIdentifier', { personId, identifierId: target.id, reason: 'Recorded in error' });
        } else {
          const target = nth(record.aliases, action.i);
          if (target) await call('patients.retireAlias', { personId, aliasId: target.id, reason: 'Recorded in error' });
        }
        return;
      }
      case 'startStay': {
        const personId = pickPerson(action.p);
        if (personId) await call('stays.start', { personId, arrivedAt: at, arrivalReason: 'Arrested' });
        return;
      }
      case 'endStay': {
        const personId = pickPerson(action.p);
        if (!personId) return;
        const { stays } = await site.ok('stays.list', { personId }, token);
        const open = stays.find((s) => s.exitedAt === null);
        if (open) await call('stays.end', { stayId: open.id, exitedAt: at, exitReason: 'Released', exitDestination: 'Home address' });
        return;
      }
      case 'raiseFlag': {
        const personId = pickPerson(action.p);
        if (personId) {
          await call('flags.raise', { personId, code: ['VIOLENCE', 'ALLERGY', 'SEIZURE_RISK', 'DIABETES'][action.code]!, label: 'Raised by hand', severity: 'high', reason: 'Seen at reception', partnerAdvice: null });
        }
        return;
      }
      case 'endFlag': {
        const personId = pickPerson(action.p);
        if (!personId) return;
        const { flags } = await site.ok('flags.list', { personId }, token);
        const flag = nth(flags, action.i);
        if (flag) await call('flags.end', { flagId: flag.id, reason: 'No longer applies' });
        return;
      }
      case 'saveForm': {
        const personId = pickPerson(action.p);
        const id = FORMS[action.template % FORMS.length]!;
        const template = templateRegistry.latest(id)!;
        if (personId) await call('forms.save', { personId, templateId: id, templateVersion: template.version, answers: completeAnswers(template, action.seed, at) });
        return;
      }
      case 'amendForm':
      case 'enteredInError': {
        const personId = pickPerson(action.p);
        if (!personId) return;
        const { responses } = await site.ok('forms.list', { personId, templateId: null }, token);
        const target = nth(responses.filter((r) => r.status !== 'entered_in_error'), action.i);
        if (!target) return;
        if (action.kind === 'enteredInError') {
          await call('forms.markEnteredInError', { responseId: target.id, reason: 'Wrong person' });
        } else {
          const template = templateRegistry.get(target.templateId, target.templateVersion)!;
          await call('forms.amend', { responseId: target.id, answers: completeAnswers(template, action.seed, at), reason: 'Corrected on review' });
        }
        return;
      }
      case 'closeTask': {
        const { tasks } = await site.ok('tasks.list', { personId: null, status: 'open' }, token);
        const task = nth(tasks, action.i);
        if (!task) return;
        // One of the kind's own outcomes (the first, or the last when not `done`).
        const outcomes = taskKind(task.kind).outcomes;
        const chosen = outcomes[action.done ? 0 : outcomes.length - 1]!;
        const rebookAt = closingOutcome(task.kind, chosen.value)?.rebook ? new Date(Date.parse(at) + 7 * 86_400_000).toISOString() : null;
        await call('tasks.close', { taskId: task.id, outcome: chosen.value, note: 'Closed in test', rebookAt });
        return;
      }
      case 'handover': {
        const personId = pickPerson(action.p);
        if (!personId) return;
        const { responses } = await site.ok('forms.list', { personId, templateId: 'custody-hcp-assessment' }, token);
        const current = responses.find((r) => r.status !== 'entered_in_error');
        if (current) await call('handover.record', { personId, responseId: current.id, officerName: 'PC Test', officerId: null, acknowledgedAt: at });
        return;
      }
      case 'refer':
      case 'decideReferral':
      case 'assignKeyworker':
      case 'endKeyworker':
      case 'startTreatment':
      case 'completeReview':
      case 'endTreatment':
      case 'carePlan':
      case 'releasePlan':
      case 'createTask':
      case 'assignTask':
      case 'rescheduleTask': {
        if (!team) return;
        await runSmsAction(
          {
            now: () => new Date(at),
            pickPerson,
            nth,
            call: (channel, input, as) => call(channel, input, as),
            ok: (channel, input, as) => site.ok(channel, input, as ?? token),
            smsToken: team.token,
            workers: team.workers,
          },
          action,
        );
        return;
      }
      case 'consent': {
        const personId = pickPerson(action.p);
        if (personId) {
          await call('consent.record', { personId, decision: action.share ? 'share' : 'do_not_share', categories: ['substance_use'], legalBasis: 'direct_care', decidedOn: at.slice(0, 10), notes: null });
        }
        return;
      }
    }
  }

  return { run, counts };
}

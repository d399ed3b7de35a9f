// A hand-counted history for the custody and reception KPIs at the central: two police custody
// suites (CUSTA, CUSTB) and a prison (PRISA), March 2025, described stay by stay. The tests push it
// through the real push path and compare every figure with counts written out by hand in the test
// (central/reports/central-kpis.test.ts), never with figures worked out from this file.
// Each stay is its own person unless it says otherwise.
import { v7 as uuidv7 } from 'uuid';
import type { ClinicalEvent } from '../../../contract/sync/events';
import type { Answers } from '../../../domain/templates/answers';
import { SiteEvents } from './events';

type Kind = 'custody' | 'prison';
interface FormSpec {
  template: 'custody-hcp-assessment' | 'prison-reception-screen' | 'prison-second-stage-assessment';
  version?: number;
  /** Minutes after arrival it was recorded; `observedMin` when the observation was made earlier (a late entry). */
  atMin: number;
  observedMin?: number;
  answers?: Answers;
  enteredInErrorAtMin?: number;
  amend?: { atMin: number; answers: Answers };
}
interface ReferralSpec {
  service: 'mental_health_inreach' | 'substance_misuse';
  atMin: number;
  outcome?: 'accepted' | 'declined' | 'closed';
  /** Made by another site than the stay's. */
  bySite?: string;
}
export interface StaySpec {
  label: string;
  site: string;
  kind: Kind;
  arrivedAt: string;
  exit?: { afterMin: number; reason: string; destination: string };
  forms?: FormSpec[];
  /** The 7-day second-stage task; closed as done this many minutes after arrival, or left open. */
  secondStageTask?: { doneAtMin?: number };
  referrals?: ReferralSpec[];
  /** Another stay's label: this stay is the same person's. */
  samePersonAs?: string;
}

const H = 60;
const D = 24 * H;
const released = (afterMin: number) => ({ afterMin, reason: 'Released', destination: 'Home' });

/** A custody assessment's answers: fit, no PACE rousing criterion, unless `extra` says otherwise. */
export const custodyAnswers = (level: string, rousing: string, extra: Answers = {}): Answers => ({
  'fit-to-detain': 'fit',
  'observation-level': level,
  rousing,
  intoxicated: false,
  'may-have-swallowed-drugs': false,
  'consciousness-concern': false,
  'has-injuries': false,
  ...extra,
});
const annexH = (wakes: boolean, answers: boolean, commands: boolean): Answers => ({ 'rouse-wakes': wakes, 'rouse-answers': answers, 'rouse-commands': commands });
const assess = (atMin: number, answers: Answers, more: Partial<FormSpec> = {}): FormSpec => ({ template: 'custody-hcp-assessment', atMin, answers, ...more });
const screen = (atMin: number): FormSpec => ({ template: 'prison-reception-screen', atMin, answers: { 'reception-notes': 'Seen at reception' } });
const secondStage = (atMin: number, more: Partial<FormSpec> = {}): FormSpec => ({ template: 'prison-second-stage-assessment', atMin, answers: { summary: 'Second-stage done' }, ...more });

const cA = (n: number) => `2025-03-${String(n).padStart(2, '0')}T10:00:00.000Z`;
const pA = (n: number) => `2025-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;

export const KPI_FIXTURE: StaySpec[] = [
  // CUSTA: 12 detentions in the period (A1-A12) and one the day before (A13).
  { label: 'A1', site: 'CUSTA', kind: 'custody', arrivedAt: cA(1), exit: released(300), forms: [assess(20, custodyAnswers('1', 'not-required')), assess(240, custodyAnswers('1', 'not-required'))], referrals: [{ service: 'mental_health_inreach', atMin: 400 }] },
  { label: 'A2', site: 'CUSTA', kind: 'custody', arrivedAt: cA(2), exit: released(600), forms: [assess(25, custodyAnswers('2', '30', { intoxicated: true }))], referrals: [{ service: 'mental_health_inreach', atMin: 60 }, { service: 'substance_misuse', atMin: 70, outcome: 'accepted' }] },
  { label: 'A3', site: 'CUSTA', kind: 'custody', arrivedAt: cA(3), exit: released(600), forms: [assess(45, custodyAnswers('2', '60', { 'has-injuries': true, 'head-injury': true }))] },
  { label: 'A4', site: 'CUSTA', kind: 'custody', arrivedAt: cA(4), exit: { afterMin: 120, reason: 'Transferred to Hospital', destination: 'Royal Infirmary' }, forms: [assess(50, custodyAnswers('1', '15', { 'may-have-swallowed-drugs': true, 'fit-to-detain': 'not-fit-hospital' }))] },
  { label: 'A5', site: 'CUSTA', kind: 'custody', arrivedAt: cA(5), exit: released(600), forms: [assess(90, custodyAnswers('3', '30', { avpu: 'voice', ...annexH(true, true, true) }), { version: 2 })], referrals: [{ service: 'substance_misuse', atMin: 100, outcome: 'declined' }, { service: 'mental_health_inreach', atMin: 110, bySite: 'CUSTB' }] },
  { label: 'A6', site: 'CUSTA', kind: 'custody', arrivedAt: cA(6), exit: released(600), forms: [assess(150, custodyAnswers('1', 'not-required', { avpu: 'alert', gcs: 15, ...annexH(true, true, true) }), { version: 2 })] },
  { label: 'A7', site: 'CUSTA', kind: 'custody', arrivedAt: cA(7), exit: { afterMin: 400, reason: 'Released', destination: 'A&E, City Hospital' }, forms: [assess(300, custodyAnswers('4', '15', { 'consciousness-concern': true, 'fit-to-detain': 'not-fit-hospital', ...annexH(false, false, false) }), { version: 2 })], referrals: [{ service: 'mental_health_inreach', atMin: 30, outcome: 'closed' }] },
  { label: 'A8', site: 'CUSTA', kind: 'custody', arrivedAt: cA(8), exit: released(900), forms: [assess(600, custodyAnswers('1', '60', { gcs: 13, 'fit-to-detain': 'not-fit-hospital' }), { version: 2 })] },
  { label: 'A9', site: 'CUSTA', kind: 'custody', arrivedAt: cA(9), exit: released(600), forms: [assess(-15, custodyAnswers('1', 'not-required'))] },
  { label: 'A10', site: 'CUSTA', kind: 'custody', arrivedAt: cA(10), exit: { afterMin: 500, reason: 'Charged', destination: 'Court' } },
  {
    label: 'A11',
    site: 'CUSTA',
    kind: 'custody',
    arrivedAt: cA(11),
    exit: released(600),
    forms: [assess(10, custodyAnswers('4', '15', { 'fit-to-detain': 'not-fit-hospital' }), { enteredInErrorAtMin: 30 }), assess(40, custodyAnswers('2', '30', { intoxicated: true }))],
  },
  {
    label: 'A12',
    site: 'CUSTA',
    kind: 'custody',
    arrivedAt: cA(12),
    forms: [assess(200, custodyAnswers('1', '60', { intoxicated: true }), { observedMin: 35, amend: { atMin: 260, answers: custodyAnswers('2', '30', { intoxicated: true }) } })],
    referrals: [{ service: 'substance_misuse', atMin: 300 }],
  },
  { label: 'A13', site: 'CUSTA', kind: 'custody', arrivedAt: '2025-02-28T23:30:00.000Z', exit: released(300), forms: [assess(20, custodyAnswers('1', 'not-required'))], referrals: [{ service: 'substance_misuse', atMin: 60 }] },

  // CUSTB: 6 detentions in the period; B7 arrived 00:30 BST on 1 April, after the period.
  { label: 'B1', site: 'CUSTB', kind: 'custody', arrivedAt: '2025-03-01T00:10:00+00:00', exit: released(300), forms: [assess(15, custodyAnswers('1', 'not-required'))] },
  { label: 'B2', site: 'CUSTB', kind: 'custody', arrivedAt: '2025-03-14T12:00:00.000Z', exit: { afterMin: 90, reason: 'Transferred to hospital', destination: 'General Hospital' }, forms: [assess(20, custodyAnswers('1', 'not-required', { 'fit-to-detain': 'not-fit-hospital' }))] },
  { label: 'B3', site: 'CUSTB', kind: 'custody', arrivedAt: '2025-03-15T12:00:00.000Z', exit: released(600), forms: [assess(28, custodyAnswers('2', '30', { intoxicated: true }))], referrals: [{ service: 'substance_misuse', atMin: 100, outcome: 'accepted' }] },
  { label: 'B4', site: 'CUSTB', kind: 'custody', arrivedAt: '2025-03-16T12:00:00.000Z', exit: released(600), forms: [assess(70, custodyAnswers('1', '60'))], referrals: [{ service: 'substance_misuse', atMin: 200 }] },
  { label: 'B5', site: 'CUSTB', kind: 'custody', arrivedAt: '2025-03-17T12:00:00.000Z', exit: released(600), forms: [assess(130, custodyAnswers('1', 'not-required'))] },
  { label: 'B6', site: 'CUSTB', kind: 'custody', arrivedAt: '2025-03-31T23:59:00+01:00', exit: released(300), forms: [assess(5, custodyAnswers('1', 'not-required'))] },
  { label: 'B7', site: 'CUSTB', kind: 'custody', arrivedAt: '2025-03-31T23:30:00.000Z', exit: released(300), forms: [assess(10, custodyAnswers('2', '30', { intoxicated: true }))] },

  // PRISA: 9 prison stays in the period. The report runs at 12:00 UTC on 3 April 2025 in the figures test.
  { label: 'P1', site: 'PRISA', kind: 'prison', arrivedAt: pA(1), exit: released(20 * D), forms: [screen(60), secondStage(3 * D)], secondStageTask: { doneAtMin: 3 * D }, referrals: [{ service: 'mental_health_inreach', atMin: D, outcome: 'accepted' }, { service: 'substance_misuse', atMin: D, outcome: 'accepted' }] },
  { label: 'P2', site: 'PRISA', kind: 'prison', arrivedAt: pA(2), exit: released(10 * D), forms: [screen(20), secondStage(9 * D)], secondStageTask: { doneAtMin: 9 * D }, referrals: [{ service: 'substance_misuse', atMin: 2 * D }] },
  {
    label: 'P3',
    site: 'PRISA',
    kind: 'prison',
    arrivedAt: pA(3),
    forms: [screen(100)],
    secondStageTask: { doneAtMin: 5 * D },
    referrals: [{ service: 'mental_health_inreach', atMin: 2 * D }, { service: 'mental_health_inreach', atMin: 4 * D, outcome: 'declined' }],
  },
  { label: 'P4', site: 'PRISA', kind: 'prison', arrivedAt: pA(4), exit: { afterMin: 30 * D, reason: 'Transferred to hospital (secure)', destination: 'Broadmoor Hospital' }, forms: [screen(240)], secondStageTask: {} },
  { label: 'P5', site: 'PRISA', kind: 'prison', arrivedAt: pA(5), exit: released(3 * D), forms: [screen(500)], secondStageTask: {} },
  { label: 'P6', site: 'PRISA', kind: 'prison', arrivedAt: '2025-03-30T09:00:00.000Z', secondStageTask: {} },
  { label: 'P7', site: 'PRISA', kind: 'prison', arrivedAt: pA(7), exit: released(14 * D), forms: [screen(45), secondStage(2 * D, { enteredInErrorAtMin: 3 * D })], secondStageTask: { doneAtMin: 2 * D } },
  { label: 'P8', site: 'PRISA', kind: 'prison', arrivedAt: pA(8), exit: released(8 * D), forms: [screen(10), secondStage(8 * D, { observedMin: 7 * D })], secondStageTask: { doneAtMin: 8 * D } },
  { label: 'P9', site: 'PRISA', kind: 'prison', arrivedAt: pA(9), exit: released(12 * D), forms: [screen(30), secondStage(6 * D, { amend: { atMin: 10 * D, answers: { summary: 'Second-stage done, corrected' } } })], secondStageTask: { doneAtMin: 6 * D }, referrals: [{ service: 'substance_misuse', atMin: D, outcome: 'closed' }] },
];

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

/** Every site's events for the fixture (each site pushes only its own), in the order each site made them. */
export function kpiFixtureEvents(stays: readonly StaySpec[] = KPI_FIXTURE): Map<string, ClinicalEvent[]> {
  const sites = new Map<string, SiteEvents>();
  const out = new Map<string, ClinicalEvent[]>();
  const site = (code: string) => {
    if (!sites.has(code)) {
      sites.set(code, new SiteEvents(code));
      out.set(code, []);
    }
    return { events: sites.get(code) as SiteEvents, list: out.get(code) as ClinicalEvent[] };
  };
  const persons = new Map<string, string>();
  for (const stay of stays) {
    const personId = stay.samePersonAs ? (persons.get(stay.samePersonAs) as string) : uuidv7();
    persons.set(stay.label, personId);
    const { events: s, list } = site(stay.site);
    const arrival = Date.parse(stay.arrivedAt);
    const ms = (min: number) => arrival + min * 60_000;
    if (!stay.samePersonAs) list.push(s.register(personId, `PERSON${stay.label}`, 'Test'));
    const stayId = uuidv7();
    const common = (recordId: string, baseVersion: number | null, sensitivity: 'demographics' | 'assessments' | 'care_plan' | 'mental_health' | 'substance_use') => ({ personId, recordId, baseVersion, sensitivity });
    list.push(s.make('stay.started', 'stay', common(stayId, null, 'demographics'), { siteCode: stay.site, kind: stay.kind, arrivedAt: stay.arrivedAt, arrivalReason: null }, ms(0)));
    for (const f of stay.forms ?? []) {
      const entryId = uuidv7();
      const observedAt = f.observedMin === undefined ? {} : { observedAt: at(stay.arrivedAt, f.observedMin).toISOString() };
      const base = { entryId, templateId: f.template, templateVersion: f.version ?? 1, scores: [], flags: [], codes: [], recordedBy: 'u1', ...observedAt };
      const v1 = { ...base, id: entryId, version: 1, answers: f.answers ?? {}, status: 'final' as const, recordedAt: at(stay.arrivedAt, f.atMin).toISOString() };
      list.push(s.make('form.recorded', 'form_response', common(entryId, null, 'assessments'), { stayId, response: v1 }, ms(f.atMin)));
      // Later versions keep when the observation was made, as domain/templates/response.ts does.
      const kept = { observedAt: 'observedAt' in observedAt ? observedAt.observedAt : v1.recordedAt };
      if (f.amend) {
        const v2 = { ...base, ...kept, id: uuidv7(), version: 2, supersedes: v1.id, answers: f.amend.answers, status: 'amended' as const, recordedAt: at(stay.arrivedAt, f.amend.atMin).toISOString(), amendReason: 'Corrected after review' };
        list.push(s.make('form.amended', 'form_response', common(entryId, 1, 'assessments'), { stayId, response: v2 }, ms(f.amend.atMin)));
      }
      if (f.enteredInErrorAtMin !== undefined) {
        const eie = { ...v1, ...kept, id: uuidv7(), version: 2, supersedes: v1.id, status: 'entered_in_error' as const, recordedAt: at(stay.arrivedAt, f.enteredInErrorAtMin).toISOString(), enteredInErrorReason: 'Wrong detainee' };
        list.push(s.make('form.entered_in_error', 'form_response', common(entryId, 1, 'assessments'), { stayId, response: eie }, ms(f.enteredInErrorAtMin)));
      }
    }
    if (stay.secondStageTask) {
      const taskId = uuidv7();
      list.push(
        s.make(
          'task.created',
          'task',
          common(taskId, null, 'care_plan'),
          { siteCode: stay.site, stayId, kind: 'second-stage-assessment', title: 'Second-stage health assessment (NICE NG57)', detail: null, forRole: null, dueAt: at(stay.arrivedAt, 7 * D).toISOString(), sourceResponseId: null },
          ms(1),
        ),
      );
      if (stay.secondStageTask.doneAtMin !== undefined) list.push(s.make('task.closed', 'task', common(taskId, 1, 'care_plan'), { outcome: 'done', note: null }, ms(stay.secondStageTask.doneAtMin)));
    }
    for (const r of stay.referrals ?? []) {
      const by = site(r.bySite ?? stay.site);
      const referralId = uuidv7();
      const sensitivity = r.service === 'substance_misuse' ? 'substance_use' : 'mental_health';
      by.list.push(by.events.make('referral.made', 'referral', common(referralId, null, sensitivity), { siteCode: r.bySite ?? stay.site, toService: r.service, reason: 'Needs assessment', sourceResponseId: null }, ms(r.atMin)));
      if (r.outcome) by.list.push(by.events.make('referral.outcome_recorded', 'referral', common(referralId, 1, sensitivity), { outcome: r.outcome, note: null }, ms(r.atMin + 60)));
    }
    if (stay.exit) {
      list.push(s.make('stay.ended', 'stay', common(stayId, 1, 'demographics'), { exitedAt: at(stay.arrivedAt, stay.exit.afterMin).toISOString(), exitReason: stay.exit.reason, exitDestination: stay.exit.destination }, ms(stay.exit.afterMin)));
    }
  }
  return out;
}

/** Anything that can push a batch for one site (the site's real sync client). */
export interface Pusher {
  push(batch: { batchSeq: number; auditHead: { count: number; hash: string }; events: readonly unknown[] }): Promise<{ results: { status: string; reason?: string }[] }>;
}

/** Pushes each site's fixture events in batches, as the site's sync would; throws unless every event is accepted. */
export async function pushKpiFixture(pusherFor: (site: string) => Pusher, stays: readonly StaySpec[] = KPI_FIXTURE): Promise<number> {
  let accepted = 0;
  for (const [site, events] of kpiFixtureEvents(stays)) {
    const pusher = pusherFor(site);
    for (let i = 0, batch = 1; i < events.length; i += 200, batch++) {
      const response = await pusher.push({ batchSeq: batch, auditHead: { count: batch, hash: String(batch % 10).repeat(64) }, events: events.slice(i, i + 200) });
      const refused = response.results.filter((r) => r.status !== 'accepted');
      if (refused.length > 0) throw new Error(`${site}: ${refused.length} events not accepted: ${JSON.stringify(refused.slice(0, 3))}`);
      accepted += response.results.length;
    }
  }
  return accepted;
}

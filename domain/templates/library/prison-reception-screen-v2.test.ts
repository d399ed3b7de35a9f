// Issue 14 item 3 (NICE NG57 1.1.1-1.1.4 and Table 1; QS156) and issue 8 item 7: worked examples,
// answers in, flags, tasks, referrals and advice out.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { templateItems } from '../template-schema';
import { validateTemplate } from '../validate-template';
import { templateRegistry } from './index';
import { prisonReceptionScreen as v1 } from './prison-reception-screen';
import { prisonReceptionScreenV2 as t } from './prison-reception-screen-v2';
import { TABLE_1_CONDITIONS } from './reception-rules-v2';

const well: Answers = {
  'serious-offence': false,
  'has-medicines': false,
  'on-ost': false,
  allergies: false,
  'physical-conditions': ['none'],
  pregnancy: 'not-applicable',
  injuries: false,
  'drinks-alcohol': false,
  'withdrawal-fits-history': false,
  'uses-drugs': false,
  'mental-health-problems': false,
  'current-self-harm-thoughts': false,
  'previous-self-harm-attempts': false,
  'self-harm-risk-factors': ['none'],
  'per-checked': true,
  'per-self-harm-warning': false,
  csra: 'standard',
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...well, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const tasks = (a: Answers) => evaluate(a).effects.filter((e) => e.kind === 'task').map((e) => (e.kind === 'task' ? e.taskKind : ''));
const flagCodes = (a: Answers) => evaluate(a).flags.map((f) => f.code);
const adviceIds = (a: Answers) => evaluate(a).advice.map((x) => x.ruleId);

const METHADONE_60 = {
  'on-ost': true,
  'ost-medicine': 'methadone-1mg-ml',
  'ost-dose-mg': 60,
  'ost-last-dose': '2026-12-01T08:30:00Z',
  'ost-prescriber': 'Anytown CDT; Lloyds pharmacy, Market St',
  'ost-verified': true,
};

describe('prison reception screen version 2', () => {
  it('is the latest version and valid; the second-stage task is still set, due in 7 days', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
    expect(templateRegistry.latest('prison-reception-screen')).toEqual(t);
    const e = evaluate({});
    expect(e.flags).toEqual([]);
    expect(e.advice).toEqual([]);
    expect(e.effects).toEqual([
      { kind: 'task', ruleId: 'second-stage-assessment', taskKind: 'second-stage-assessment', title: 'Second-stage health assessment (NICE NG57)', dueInDays: 7, because: 'always on completion' },
    ]);
  });

  it('methadone 60 mg: a continuity-of-treatment task for the prescriber, due today, carrying the dose (version 1: free text, no task)', () => {
    const old = evaluateResponse(v1, { 'physical-conditions': false, injuries: false, pregnancy: 'not-applicable', 'drinks-alcohol': false, 'uses-drugs': false, 'on-ost': true, 'ost-dose': 'Methadone 60 mg', 'mental-health-problems': false, 'current-self-harm-thoughts': false, 'previous-self-harm-attempts': false, 'self-harm-risk-factors': ['none'], 'has-medicines': false, 'per-checked': true, csra: 'standard' });
    expect(old.effects.map((x) => x.ruleId)).toEqual(['second-stage-assessment']);

    const e = evaluate(METHADONE_60);
    const task = e.effects.find((x) => x.ruleId === 'ost-continuity');
    expect(task).toEqual({
      kind: 'task',
      ruleId: 'ost-continuity',
      taskKind: 'ost-continuity',
      title: 'Continuity of opioid substitution treatment: confirm the dose and prescribe the next one',
      dueInDays: 0,
      forRole: 'prescriber',
      because:
        'Is the person on opioid substitution treatment (methadone or buprenorphine)?: Yes. Opioid substitution medicine: Methadone oral solution 1 mg/ml; ' +
        'Daily dose (for an injection, the dose given): 60 mg; Date and time of the last dose: 01-Dec-2026 08:30; ' +
        'Prescriber or treatment service, and dispensing pharmacy: Anytown CDT; Lloyds pharmacy, Market St; ' +
        'Dose and last dose confirmed with the prescriber or dispensing pharmacy?: Yes',
    });
    expect(e.flags.map((f) => f.code)).toEqual(['OST_CONTINUITY']);
    expect(e.advice.map((a) => a.ruleId)).toEqual(['ost-continuity']);
    // The dose is a number in mg: "60 ml" is refused at the item.
    expect(evaluateResponse(t, { ...well, ...METHADONE_60, 'ost-dose-mg': '60 ml' }).issues).toEqual([{ itemId: 'ost-dose-mg', kind: 'invalid', message: 'Enter a number' }]);
  });

  it('medicines: next dose, prescriber and reconciliation; time-critical medicines are an emergency with a task due today', () => {
    const meds = { 'has-medicines': true, 'medicines-details': 'Levetiracetam 500 mg twice daily, last 08:00', 'time-critical-medicines': ['antiepileptic'], 'next-dose-given': 'not-arranged' };
    const e = evaluate(meds);
    expect(e.effects.map((x) => x.ruleId)).toEqual(['second-stage-assessment', 'time-critical-medicines', 'medicines-reconciliation']);
    expect(e.effects.filter((x) => x.kind === 'task' && x.forRole === 'prescriber').map((x) => x.ruleId)).toEqual(['time-critical-medicines', 'medicines-reconciliation']);
    expect(e.advice.map((a) => [a.ruleId, a.urgency])).toEqual([
      ['time-critical', 'emergency'],
      ['next-dose', 'action'],
    ]);
    expect(tasks({ ...meds, 'time-critical-medicines': ['none'] })).toEqual(['second-stage-assessment', 'medicines-reconciliation']);
  });

  it('murder, manslaughter or a long sentence prompts an in-reach referral, made when the clinician confirms it', () => {
    expect(evaluateResponse(t, { ...well, 'serious-offence': true }).issues.map((i) => i.itemId)).toEqual(['refer-inreach-for-offence']);
    const e = evaluate({ 'serious-offence': true, 'refer-inreach-for-offence': true });
    expect(e.advice.map((a) => a.ruleId)).toEqual(['inreach-offence']);
    expect(e.effects).toContainEqual(expect.objectContaining({ kind: 'referral', toService: 'mental_health_inreach', reason: expect.stringMatching(/murder, manslaughter or a long sentence/) }));
    const declined = evaluateResponse(t, { ...well, 'serious-offence': true, 'refer-inreach-for-offence': false });
    expect(declined.issues.map((i) => i.itemId)).toEqual(['no-inreach-reason']);
  });

  it('a self-harm warning on the PER raises the self-harm flag and the ACCT prompt; an unchecked PER is a task due today', () => {
    const warned = evaluate({ 'per-self-harm-warning': true });
    expect(warned.flags).toEqual([expect.objectContaining({ code: 'SELF_HARM_RISK', because: 'Does the PER carry a self-harm or suicide warning?: Yes' })]);
    expect(warned.advice.map((a) => a.ruleId)).toEqual(['open-acct']);
    // Version 1 had no such question: a PER warning went into free text and raised nothing.
    expect(templateItems(v1).map((i) => i.id)).not.toContain('per-self-harm-warning');

    const unchecked: Answers = { ...well, 'per-checked': false };
    delete unchecked['per-self-harm-warning'];
    const e = evaluateResponse(t, unchecked);
    expect(e.issues).toEqual([]);
    expect(e.effects).toContainEqual(expect.objectContaining({ kind: 'task', taskKind: 'per-check', dueInDays: 0 }));
    expect(e.advice.map((a) => a.ruleId)).toEqual(['check-per']);
  });

  it('allergies and every Table 1 condition are items; each condition that calls for something says what', () => {
    expect(TABLE_1_CONDITIONS).toEqual(expect.arrayContaining(['tuberculosis', 'sickle-cell', 'epilepsy', 'learning-disability', 'diabetes', 'hiv', 'hepatitis']));
    expect(evaluateResponse(t, { ...well, allergies: true }).issues.map((i) => i.itemId)).toEqual(['allergy-details']);
    const conditions = (c: string[]) => adviceIds({ 'physical-conditions': c, 'physical-conditions-details': 'details' });
    expect(conditions(['tuberculosis'])).toEqual(['tb']);
    expect(conditions(['sickle-cell'])).toEqual(['sickle-cell']);
    expect(conditions(['epilepsy', 'diabetes'])).toEqual(['epilepsy', 'diabetes']);
    expect(conditions(['learning-disability'])).toEqual(['communication']);
  });

  it('injuries with a body map: a head injury (asked, or marked on the head) flags; abdominal, fracture and assault each advise', () => {
    const injured = { injuries: true, 'injury-types': ['abdominal', 'assault-allegation'], 'injury-sites': ['abdomen'], 'injuries-details': 'Bruise 4 cm left upper abdomen; says kicked at court' };
    expect(flagCodes(injured)).toEqual([]);
    expect(adviceIds(injured)).toEqual(['abdominal-or-fracture', 'assault-allegation']);
    const head = evaluate({ ...injured, 'injury-types': ['other'], 'injury-sites': ['head-front'] });
    expect(head.flags.map((f) => f.code)).toEqual(['HEAD_INJURY']);
    expect(head.advice.map((a) => a.ruleId)).toEqual(['head-injury']);
    expect(evaluateResponse(t, { ...well, injuries: true }).issues.map((i) => `${i.itemId} ${i.message}`)).toEqual([
      'injury-types Select at least one option',
      'injury-sites Mark at least one area of the body',
      'injuries-details Enter an answer',
    ]);
  });

  it('the last drink and last drug use are asked; withdrawal fits, benzodiazepines and gabapentinoids flag their withdrawal risk', () => {
    expect(evaluateResponse(t, { ...well, 'drinks-alcohol': true }).issues.map((i) => i.itemId)).toEqual(['alcohol-units-per-day', 'last-drink', 'alcohol-withdrawal-symptoms']);
    expect(evaluateResponse(t, { ...well, 'uses-drugs': true }).issues.map((i) => i.itemId)).toEqual(['drugs-used', 'last-drug-use', 'injects-drugs']);
    const drugs = (used: string[]) => ({ 'uses-drugs': true, 'drugs-used': used, 'last-drug-use': '2026-11-30T22:00:00Z', 'injects-drugs': false });
    expect(flagCodes(drugs(['benzodiazepines']))).toEqual(['SEDATIVE_WITHDRAWAL_RISK']);
    expect(flagCodes(drugs(['gabapentinoids']))).toEqual(['SEDATIVE_WITHDRAWAL_RISK']);
    expect(adviceIds(drugs(['gabapentinoids']))).toEqual(['sedative-withdrawal']);
    expect(flagCodes({ 'withdrawal-fits-history': true })).toEqual(['WITHDRAWAL_SEIZURE_RISK']);
    expect(flagCodes(drugs(['opioids']))).toEqual(['OPIOID_WITHDRAWAL_RISK']);
    expect(flagCodes({ ...drugs(['opioids']), ...METHADONE_60 })).toEqual(['OST_CONTINUITY']);
  });
});

// Custody healthcare assessment, version 2. Version 1's questions are kept (same ids and values);
// added, each from its source (docs/clinical-content.md lists them item by item):
// - PACE Code C 9.3 and Annex H: head injury is a rousing trigger in its own right and is asked of
//   every detainee, not only after "has injuries"; the rousing check is Annex H's three checks
//   (rousability, response to questions, response to commands), and an inadequate response is an
//   emergency; a drowsy detainee who smells of alcohol may have a head injury, diabetes, epilepsy
//   or an overdose, so consciousness (AVPU, GCS), pulse, blood pressure, respiratory rate, oxygen
//   saturation, temperature and blood glucose are recorded (or why not);
//   the rousing flag carries the HCP's clinical direction and rationale (9.3: "subject to any
//   clinical directions").
// - FFLM head injury warning: the warning signs are named in the flag, its partner advice and the
//   advice (worsening headache, vomiting, visual disturbance, fits, confusion, drowsiness).
// - FFLM / RCPsych substance misuse detainees in police custody: prescribed OST (medicine, dose,
//   last dose, prescriber, confirmed), previous withdrawal fits or delirium tremens, pregnancy,
//   each with what it calls for.
// - Current thoughts of self-harm or suicide with observation level 1 warns, as the rousing rule
//   does (OBSERVATION_BELOW_RISK, severe).
// Rules that need "A and (B or C)" use anyOf, so each is one rule with one reason.
import type { Section, Template } from '../template-schema';
import { custodyHcpAssessment as v1 } from './custody-hcp-assessment';
import {
  CONSCIOUSNESS_ITEMS,
  HEAD_INJURY_ITEMS,
  HEAD_INJURY_TRIGGER,
  INJURY_ITEMS,
  OST_ITEMS,
  PREGNANCY_ITEMS,
  ROUSING_BELOW_30,
  ROUSING_CHECK_ITEMS,
  ROUSING_CRITERIA,
  ROUSING_DIRECTION_ITEM,
  VITAL_SIGN_ITEMS,
  WITHDRAWAL_HISTORY_ITEMS,
} from './custody-items-v2';
import { CUSTODY_ADVICE_V2 } from './custody-advice-v2';
import { chosen, isYes } from './screening-options';
import { HEAD_INJURY_FLAG, OST_CONTINUITY_FLAG, PREGNANCY_FLAG, WITHDRAWAL_SEIZURE_RISK_FLAG } from './shared-flags';

function section(id: string): Section {
  const s = v1.sections.find((x) => x.id === id);
  if (!s) throw new Error(`custody assessment version 1 has no section ${id}`);
  return s;
}

const flagV1 = (id: string) => v1.flags.find((f) => f.id === id)!;

const ANNEX_H_PARTNER =
  'At each visit: go into the cell, call their name and shake gently; ask their name, where they live and where they think they are; ask them to open ' +
  'their eyes and lift one arm, then the other. If they fail any of these, call an ambulance and the healthcare professional now.';

export const custodyHcpAssessmentV2: Template = {
  ...v1,
  version: 2,
  sections: [
    section('presenting-needs'),
    { ...section('intoxication'), items: [...section('intoxication').items, ...CONSCIOUSNESS_ITEMS] },
    { id: 'vital-signs-section', title: 'Vital signs', items: VITAL_SIGN_ITEMS },
    { id: 'injuries', title: 'Head injury and other injuries', items: [...HEAD_INJURY_ITEMS, ...INJURY_ITEMS] },
    { ...section('medication'), items: [...section('medication').items, ...OST_ITEMS] },
    section('mental-health'),
    section('self-harm'),
    { ...section('substance-use'), items: [...section('substance-use').items, ...WITHDRAWAL_HISTORY_ITEMS] },
    { id: 'pregnancy-section', title: 'Pregnancy', items: PREGNANCY_ITEMS },
    section('fitness'),
    {
      ...section('observation'),
      title: 'Observation and rousing (PACE Code C Annex H)',
      items: [...section('observation').items, ...ROUSING_CHECK_ITEMS, ROUSING_DIRECTION_ITEM],
    },
    section('directions'),
  ],
  flags: [
    flagV1('not-fit-to-detain'),
    flagV1('possible-drug-swallowing'),
    {
      id: 'rousing-below-pace-minimum',
      code: 'ROUSING_BELOW_PACE_MINIMUM',
      partnerAdvice: `Rouse at least every 30 minutes (PACE Code C) and speak to the healthcare professional now. ${ANNEX_H_PARTNER}`,
      severity: 'severe',
      label: 'Rousing below the PACE Code C minimum',
      reason:
        'The detainee may be intoxicated, may have swallowed drugs, has a head injury, or their level of consciousness causes concern, but rousing is set ' +
        'less often than every 30 minutes. PACE Code C requires rousing at least every 30 minutes.',
      when: { kind: 'anyOf', triggers: ROUSING_CRITERIA.map((c) => ({ kind: 'answers' as const, match: 'all' as const, conditions: [c, ...ROUSING_BELOW_30] })) },
      withAnswers: ['rousing-direction'],
    },
    {
      id: 'observation-below-risk',
      code: 'OBSERVATION_BELOW_RISK',
      partnerAdvice: 'Current thoughts of self-harm or suicide with general observation only: speak to the healthcare professional now about a higher level; remove ligature risks.',
      severity: 'severe',
      label: 'Observation level 1 with current thoughts of self-harm or suicide',
      reason: 'The detainee has current thoughts of self-harm or suicide but observation is set at level 1 (general, hourly). Review the level now.',
      when: { kind: 'answers', match: 'all', conditions: [isYes('current-self-harm-thoughts'), chosen('observation-level', '1')] },
    },
    flagV1('self-harm-risk'),
    { ...HEAD_INJURY_FLAG, when: HEAD_INJURY_TRIGGER, withAnswers: ['head-injury-details'] },
    flagV1('heightened-observation'),
    {
      ...flagV1('rouse-30-minutes'),
      partnerAdvice: `Rouse at least every 30 minutes, as the healthcare professional directed. ${ANNEX_H_PARTNER}`,
      reason: 'The healthcare professional directed rousing every 30 minutes or every 15 minutes. Their direction and its rationale follow.',
      withAnswers: ['rousing-direction'],
    },
    { ...OST_CONTINUITY_FLAG, when: { kind: 'answers', match: 'all', conditions: [isYes('on-ost')] }, withAnswers: ['ost-medicine', 'ost-dose-mg', 'ost-last-dose'] },
    { ...WITHDRAWAL_SEIZURE_RISK_FLAG, when: { kind: 'answers', match: 'all', conditions: [isYes('withdrawal-fits-history')] } },
    { ...PREGNANCY_FLAG, when: { kind: 'answers', match: 'any', conditions: [chosen('pregnancy', 'yes'), chosen('pregnancy', 'possibly')] } },
  ],
  advice: CUSTODY_ADVICE_V2,
  effects: [
    {
      kind: 'task',
      id: 'ost-continuity',
      taskKind: 'ost-continuity',
      title: 'Continuity of opioid substitution treatment: confirm the dose and arrange the next one',
      dueInDays: 0,
      forRole: 'prescriber',
      when: { kind: 'answers', match: 'all', conditions: [isYes('on-ost')] },
      withAnswers: ['ost-medicine', 'ost-dose-mg', 'ost-last-dose', 'ost-prescriber', 'ost-verified'],
    },
  ],
};

// Dual diagnosis screen: mental health and substance use asked together (the SMS Toolkit pathway:
// reception -> referral -> dual diagnosis -> risk assessment). Saving it refers the person on, by
// data rules (effects):
// - to mental health in-reach when the mental health criteria are positive: a current diagnosis,
//   any symptom in the last month, or a current risk to self or others;
// - to substance misuse services when the substance criteria are positive: any substance used in
//   the last month, daily use, or injecting. (Daily use and injecting are asked only after a
//   substance is chosen, so they add nothing to "any substance" today; they are kept in the rule so
//   it still reads as the criteria if the questions are ever asked of everyone.)
// Medication for mental health and past contact with services do not refer on their own: in-reach
// teams take current need, and a person well on an antidepressant from their GP is not one.
//
// Codes: none. 417096006 is "referral to community drug and alcohol team", which an in-prison or
// custody referral is not, and the code list has no concept for a referral to prison mental health
// in-reach or to a prison substance misuse service. The referral itself is recorded by the effect.
import type { Template } from '../template-schema';
import { anyChosen, isYes, MENTAL_HEALTH_SYMPTOMS, NONE, SUBSTANCES, whenAnyChosen, whenYes } from './screening-options';

export const dualDiagnosis: Template = {
  id: 'dual-diagnosis',
  version: 1,
  use: { category: 'screen', siteTypes: ['custody', 'prison'] },
  title: 'Dual diagnosis screen (mental health and substance use)',
  description: 'Ask about the last month unless a question says otherwise. Saving refers the person on when the criteria below are met.',
  sections: [
    {
      id: 'mental-health',
      title: 'Mental health',
      items: [
        { id: 'mh-current-diagnosis', kind: 'yesNo', label: 'Does the person have a current mental health diagnosis?', required: true },
        { id: 'mh-diagnosis-details', kind: 'text', label: 'Diagnosis: details', help: 'What, and who made the diagnosis if known.', required: true, enableWhen: whenYes('mh-current-diagnosis') },
        { id: 'mh-medication', kind: 'yesNo', label: 'Does the person take medication for their mental health?', required: true },
        { id: 'mh-medication-details', kind: 'text', label: 'Mental health medication: name, dose and prescriber', required: true, enableWhen: whenYes('mh-medication') },
        { id: 'mh-symptoms', kind: 'multiChoice', label: 'Mental health symptoms in the last month', required: true, options: MENTAL_HEALTH_SYMPTOMS },
        {
          id: 'mh-previous-contact',
          kind: 'yesNo',
          label: 'Has the person been in contact with mental health services before?',
          help: 'Including community mental health teams, crisis teams, hospital admission and prison in-reach.',
          required: true,
        },
        {
          id: 'mh-current-risk',
          kind: 'yesNo',
          label: 'Is there a current risk to self or to others?',
          help: 'If yes, act now: complete the risk assessment and, in prison, consider opening an ACCT.',
          required: true,
        },
      ],
    },
    {
      id: 'substance-use',
      title: 'Substance use',
      items: [
        { id: 'substances-last-month', kind: 'multiChoice', label: 'Substances used in the last month', help: 'Not counting tobacco.', required: true, options: SUBSTANCES },
        { id: 'daily-use', kind: 'yesNo', label: 'Does the person use any of these daily?', required: true, enableWhen: whenAnyChosen('substances-last-month', SUBSTANCES) },
        { id: 'injecting', kind: 'yesNo', label: 'Has the person injected drugs in the last month?', required: true, enableWhen: whenAnyChosen('substances-last-month', SUBSTANCES) },
        { id: 'previous-treatment', kind: 'yesNo', label: 'Has the person had treatment for drug or alcohol use before?', required: true },
      ],
    },
    {
      id: 'outcome',
      title: 'Outcome',
      items: [
        {
          id: 'referral-rules',
          kind: 'info',
          label:
            'Saving refers to mental health in-reach when there is a current diagnosis, a symptom in the last month or a current risk; ' +
            'and to substance misuse services when any substance was used in the last month.',
          required: false,
        },
        {
          id: 'outcome-actions',
          kind: 'multiChoice',
          label: 'Outcome and actions agreed',
          required: true,
          options: [
            { value: 'joint-care-plan', label: 'Joint care plan between mental health and substance misuse teams' },
            { value: 'same-day-mh-review', label: 'Same-day mental health review requested' },
            { value: 'gp-review', label: 'GP review requested' },
            { value: 'harm-reduction', label: 'Harm reduction advice given' },
            { value: 'naloxone-offered', label: 'Naloxone offered' },
            { value: 'bbv-testing-offered', label: 'Blood-borne virus testing offered' },
            { value: 'declined', label: 'The person declined further support' },
            { value: NONE, label: 'No further action' },
          ],
        },
        { id: 'outcome-notes', kind: 'text', label: 'Outcome notes', multiline: true, required: false },
      ],
    },
  ],
  scores: [],
  flags: [],
  codes: [],
  effects: [
    {
      kind: 'referral',
      id: 'refer-mental-health-inreach',
      toService: 'mental_health_inreach',
      reason: 'Dual diagnosis screen: mental health needs identified',
      when: {
        kind: 'answers',
        match: 'any',
        conditions: [isYes('mh-current-diagnosis'), ...anyChosen('mh-symptoms', MENTAL_HEALTH_SYMPTOMS), isYes('mh-current-risk')],
      },
    },
    {
      kind: 'referral',
      id: 'refer-substance-misuse',
      toService: 'substance_misuse',
      reason: 'Dual diagnosis screen: substance use needs identified',
      when: {
        kind: 'answers',
        match: 'any',
        conditions: [isYes('daily-use'), isYes('injecting'), ...anyChosen('substances-last-month', SUBSTANCES)],
      },
    },
  ],
};

// The NICE NG57 first-stage health screen, done at prison reception before the person is
// allocated a cell: physical health, alcohol, drugs, mental health, self-harm and suicide risk,
// medicines, the Person Escort Record (PER), the cell-sharing risk assessment (CSRA) and
// outstanding appointments. Saving it always creates the second-stage assessment task, due within
// 7 days (NICE QS156).
//
// Choices made here (clinical safety):
// - Opioid substitution therapy is asked of everyone, not only of someone who says they use drugs:
//   a person on prescribed methadone who uses nothing else may answer "no" to drug use, and a
//   missed OST dose is a withdrawal and overdose risk.
// - "Uses opioids" is one option of the drug list (heroin, or opioids not prescribed to them), so
//   OPIOID_WITHDRAWAL_RISK is one rule: opioids chosen AND not on OST.
// - Alcohol: more than 15 units a day is the level at which NICE CG115 (alcohol-use disorders)
//   considers medically assisted withdrawal; 15 itself does not flag.
// - No codes: a screen answer is not a diagnosis, and nothing here is a coded act from the code list.
import type { Template } from '../template-schema';
import { chosen, DRUGS, isYes, NONE, whenYes } from './screening-options';

export const prisonReceptionScreen: Template = {
  id: 'prison-reception-screen',
  version: 1,
  use: { category: 'screen', siteTypes: ['prison'] },
  title: 'Reception health screen (first stage, NICE NG57)',
  description:
    'Complete at reception, before the person is allocated a cell. Check the Person Escort Record first. ' +
    'The second-stage health assessment is due within 7 days.',
  sections: [
    {
      id: 'physical-health',
      title: 'Physical health',
      items: [
        {
          id: 'physical-conditions',
          kind: 'yesNo',
          label: 'Any current physical health conditions?',
          help: 'For example epilepsy, diabetes, asthma or other chest problems, heart problems, blood-borne viruses, disability.',
          required: true,
        },
        { id: 'physical-conditions-details', kind: 'text', label: 'Physical health conditions: details', multiline: true, required: true, enableWhen: whenYes('physical-conditions') },
        { id: 'injuries', kind: 'yesNo', label: 'Any injuries, including any from before arrest?', required: true },
        { id: 'injuries-details', kind: 'text', label: 'Injuries: details', multiline: true, required: true, enableWhen: whenYes('injuries') },
        {
          id: 'pregnancy',
          kind: 'choice',
          label: 'Could the person be pregnant?',
          required: true,
          options: [
            { value: 'not-applicable', label: 'Not applicable' },
            { value: 'no', label: 'No' },
            { value: 'yes', label: 'Yes, pregnant' },
            { value: 'possibly', label: 'Possibly: not sure' },
          ],
        },
        {
          id: 'pregnancy-details',
          kind: 'text',
          label: 'Pregnancy: weeks, antenatal care, and what has been arranged',
          multiline: true,
          required: true,
          enableWhen: { match: 'any', conditions: [chosen('pregnancy', 'yes'), chosen('pregnancy', 'possibly')] },
        },
      ],
    },
    {
      id: 'alcohol',
      title: 'Alcohol',
      items: [
        { id: 'drinks-alcohol', kind: 'yesNo', label: 'Does the person drink alcohol?', required: true },
        {
          id: 'alcohol-units-per-day',
          kind: 'number',
          label: 'Units of alcohol on a typical drinking day',
          help: 'A pint of strong lager is about 3 units; a 750 ml bottle of 13% wine about 10; a litre of 40% spirits 40.',
          unit: 'units/day',
          min: 0,
          max: 200,
          required: true,
          enableWhen: whenYes('drinks-alcohol'),
        },
        {
          id: 'alcohol-withdrawal-symptoms',
          kind: 'yesNo',
          label: 'Any alcohol withdrawal symptoms now, or a history of withdrawal fits or delirium tremens?',
          help: 'Symptoms include tremor, sweating, nausea, anxiety and agitation. Record CIWA-Ar if withdrawal is present.',
          required: true,
          enableWhen: whenYes('drinks-alcohol'),
        },
      ],
    },
    {
      id: 'drugs',
      title: 'Drugs',
      items: [
        { id: 'uses-drugs', kind: 'yesNo', label: 'Does the person use illicit drugs, or medicines not prescribed to them?', required: true },
        { id: 'drugs-used', kind: 'multiChoice', label: 'Drugs used', required: true, enableWhen: whenYes('uses-drugs'), options: DRUGS },
        {
          id: 'injects-drugs',
          kind: 'yesNo',
          label: 'Does the person inject drugs?',
          help: 'Offer blood-borne virus testing and harm reduction advice.',
          required: true,
          enableWhen: whenYes('uses-drugs'),
        },
        {
          id: 'on-ost',
          kind: 'yesNo',
          label: 'Is the person on opioid substitution therapy (methadone or buprenorphine)?',
          help: 'Ask everyone, whether or not they use other drugs. Confirm the dose with the prescriber or dispensing pharmacy before it is given.',
          required: true,
        },
        {
          id: 'ost-dose',
          kind: 'text',
          label: 'Opioid substitution therapy: medicine, daily dose, prescriber and date and time of the last dose',
          multiline: true,
          required: true,
          enableWhen: whenYes('on-ost'),
        },
      ],
    },
    {
      id: 'mental-health',
      title: 'Mental health',
      items: [
        {
          id: 'mental-health-problems',
          kind: 'yesNo',
          label: 'Any current or past mental health problems, or contact with mental health services?',
          required: true,
        },
        { id: 'mental-health-details', kind: 'text', label: 'Mental health: details', multiline: true, required: true, enableWhen: whenYes('mental-health-problems') },
      ],
    },
    {
      id: 'self-harm',
      title: 'Self-harm and suicide risk',
      items: [
        { id: 'current-self-harm-thoughts', kind: 'yesNo', label: 'Does the person have current thoughts of self-harm or suicide?', required: true },
        { id: 'previous-self-harm-attempts', kind: 'yesNo', label: 'Has the person ever harmed themselves or tried to take their own life?', required: true },
        {
          id: 'self-harm-risk-factors',
          kind: 'multiChoice',
          label: 'Other risk factors',
          help: 'The first days and weeks in custody are the riskiest: about half of prison suicides happen in the first 28 days.',
          required: true,
          options: [
            { value: NONE, label: 'None of these' },
            { value: 'first-time-in-custody', label: 'First time in custody' },
            { value: 'recent-bereavement', label: 'Recent bereavement or loss' },
            { value: 'relationship-breakdown', label: 'Recent relationship breakdown' },
            { value: 'worried-about-children', label: 'Worried about children or other dependants' },
          ],
        },
        {
          id: 'acct-prompt',
          kind: 'info',
          label: 'Consider opening an ACCT now (any member of staff can) and tell the reception officer before a cell is allocated.',
          required: false,
          enableWhen: { match: 'any', conditions: [isYes('current-self-harm-thoughts'), isYes('previous-self-harm-attempts')] },
        },
      ],
    },
    {
      id: 'medicines',
      title: 'Medicines',
      items: [
        { id: 'has-medicines', kind: 'yesNo', label: 'Has the person brought medicines in, or are they prescribed any?', required: true },
        {
          id: 'medicines-details',
          kind: 'text',
          label: 'Medicines brought in and prescribed',
          help: 'Name, dose, how often and the last dose; check against the PER and the GP record.',
          multiline: true,
          required: true,
          enableWhen: whenYes('has-medicines'),
        },
      ],
    },
    {
      id: 'per-and-csra',
      title: 'Person Escort Record and cell sharing',
      items: [
        { id: 'per-checked', kind: 'yesNo', label: 'Person Escort Record (PER) checked?', required: true },
        {
          id: 'per-warnings',
          kind: 'text',
          label: 'Health or risk warnings on the PER',
          help: 'Self-harm, medical, medication and other warnings. Leave blank if there are none.',
          multiline: true,
          required: false,
          enableWhen: whenYes('per-checked'),
        },
        {
          id: 'per-not-checked',
          kind: 'info',
          label: 'Check the PER before the person is allocated a cell: it may carry self-harm or medical warnings from police custody or court.',
          required: false,
          enableWhen: { match: 'all', conditions: [{ item: 'per-checked', op: 'equals', value: false }] },
        },
        {
          id: 'csra',
          kind: 'choice',
          label: 'Cell-sharing risk assessment (CSRA) outcome',
          required: true,
          options: [
            { value: 'standard', label: 'Standard' },
            { value: 'high', label: 'High' },
          ],
        },
      ],
    },
    {
      id: 'appointments',
      title: 'Outstanding appointments',
      items: [
        { id: 'outstanding-appointments', kind: 'text', label: 'Outstanding hospital or other health appointments', multiline: true, required: false },
      ],
    },
  ],
  scores: [],
  flags: [
    {
      id: 'self-harm-risk',
      code: 'SELF_HARM_RISK',
      partnerAdvice: 'Risk of self-harm: consider opening an ACCT; tell healthcare of any change.',
      severity: 'high',
      label: 'Self-harm risk',
      reason: 'The person reports current thoughts of self-harm or suicide, or has harmed themselves or tried to take their own life before.',
      when: { kind: 'answers', match: 'any', conditions: [isYes('current-self-harm-thoughts'), isYes('previous-self-harm-attempts')] },
    },
    {
      id: 'csra-high',
      code: 'CSRA_HIGH',
      partnerAdvice: 'High cell-sharing risk: single cell unless the CSRA is reviewed.',
      severity: 'high',
      label: 'Cell-sharing risk high',
      reason: 'The cell-sharing risk assessment (CSRA) outcome is high.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('csra', 'high')] },
    },
    {
      id: 'alcohol-withdrawal-risk',
      code: 'ALCOHOL_WITHDRAWAL_RISK',
      severity: 'high',
      label: 'Alcohol withdrawal risk',
      reason: 'The person has alcohol withdrawal symptoms (or a history of withdrawal fits or delirium tremens), or drinks more than 15 units a day.',
      when: {
        kind: 'answers',
        match: 'any',
        conditions: [isYes('alcohol-withdrawal-symptoms'), { item: 'alcohol-units-per-day', op: 'greaterThan', value: 15 }],
      },
    },
    {
      id: 'opioid-withdrawal-risk',
      code: 'OPIOID_WITHDRAWAL_RISK',
      severity: 'high',
      label: 'Opioid withdrawal risk',
      reason: 'The person uses heroin or other opioids not prescribed to them and is not on opioid substitution therapy.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('drugs-used', 'opioids'), { item: 'on-ost', op: 'equals', value: false }] },
    },
  ],
  codes: [],
  effects: [
    {
      kind: 'task',
      id: 'second-stage-assessment',
      taskKind: 'second-stage-assessment',
      title: 'Second-stage health assessment (NICE NG57)',
      dueInDays: 7,
    },
  ],
};

// Risk assessment, version 2: self-harm and suicide, ACCT, withdrawal, overdose on release, and
// violence and cell sharing, as FACTORS and the ACTIONS they call for. Version 1 added weighted
// criteria into a total with Low / Medium / High bands, so "current thoughts of suicide" on its own
// scored 3, "Medium", and raised nothing.
//
// NICE NG225 (Self-harm: assessment, management and preventing recurrence, September 2022),
// recommendations 1.5.16-1.5.18: do not use risk assessment tools and scales, or global
// stratification into low, medium or high risk, to predict suicide or repetition of self-harm or to
// decide who is offered treatment; focus on the person's needs and how to support their safety.
// So this version has no self-harm total and no band: the factors present are listed in the
// record, and each one that calls for something says what (advice, saved with the response).
//
// - Current thoughts of suicide, a plan or stated intent, or self-harm / a suicide attempt in the
//   last month each raise SUICIDE_SELF_HARM_RISK_HIGH (severe) on their own, and prompt opening
//   an ACCT in prison (unless one is open) or a higher observation level in police custody.
// - Overdose on release is factor-based too (no total): opioid use with reduced tolerance, a
//   previous overdose, or release within 4 weeks raises OVERDOSE_ON_RELEASE_RISK; no naloxone yet
//   for someone who uses opioids prompts its supply.
// Option values are those of version 1, so a report can count a factor across both versions.
import type { Condition, Template, Trigger } from '../template-schema';
import { chosen, NONE } from './screening-options';

const ACCT_OPENED = { match: 'all' as const, conditions: [chosen('acct-status', 'opened')] };

/** Any of the factors that call for immediate protective action, whatever else is present. */
const IMMEDIATE: Condition[] = [
  chosen('self-harm-factors', 'current-suicidal-thoughts'),
  chosen('self-harm-factors', 'plan-or-intent'),
  chosen('self-harm-factors', 'recent-self-harm'),
];

/** Any immediate factor, with the ACCT status one of `statuses`: one situation per pair. */
function immediateWithAcct(...statuses: string[]): Trigger {
  return {
    kind: 'anyOf',
    triggers: statuses.flatMap((status) => IMMEDIATE.map((c) => ({ kind: 'answers' as const, match: 'all' as const, conditions: [c, chosen('acct-status', status)] }))),
  };
}

export const riskAssessmentV2: Template = {
  id: 'risk-assessment',
  version: 2,
  use: { category: 'assessment', siteTypes: ['custody', 'prison'] },
  title: 'Risk assessment',
  description:
    'Self-harm and suicide, ACCT, withdrawal, overdose on release, and violence and cell sharing. Record every factor present; ' +
    'the form shows what each calls for. It gives no risk score or low, medium or high grade (NICE NG225).',
  sections: [
    {
      id: 'self-harm',
      title: 'Self-harm and suicide',
      items: [
        {
          id: 'self-harm-caution',
          kind: 'info',
          label:
            'Do not grade the risk as low, medium or high, and do not use a score to decide care (NICE NG225). Record the factors present, ' +
            'act on each, and write your own judgement of what keeps the person safe now.',
          required: false,
        },
        {
          id: 'self-harm-factors',
          kind: 'multiChoice',
          label: 'Self-harm and suicide factors present',
          required: true,
          options: [
            { value: NONE, label: 'None of these' },
            { value: 'current-suicidal-thoughts', label: 'Current thoughts of suicide' },
            { value: 'plan-or-intent', label: 'A plan or stated intent to end their life' },
            { value: 'recent-self-harm', label: 'Self-harm or a suicide attempt in the last month' },
            { value: 'previous-attempt', label: 'A previous suicide attempt (more than a month ago)' },
            { value: 'first-time-in-custody', label: 'First time in custody' },
            { value: 'first-28-days', label: 'Within the first 28 days of this time in custody' },
            { value: 'recent-loss', label: 'Recent loss or bereavement (a death, a relationship ending, loss of home or of contact with children)' },
            { value: 'mental-illness', label: 'Mental illness, diagnosed or with current symptoms' },
            { value: 'substance-withdrawal', label: 'Withdrawing, or expected to withdraw, from alcohol or drugs' },
            { value: 'isolation', label: 'Isolated: no family or friends in contact' },
          ],
        },
      ],
    },
    {
      id: 'acct',
      title: 'ACCT (prison)',
      items: [
        {
          id: 'acct-status',
          kind: 'choice',
          label: 'ACCT status',
          help: 'Assessment, Care in Custody and Teamwork: opened by any member of prison staff on a low threshold.',
          required: true,
          options: [
            { value: 'not-open', label: 'Not open' },
            { value: 'opened', label: 'Open (opened now or already open)' },
            { value: 'closed', label: 'Closed' },
            { value: 'not-applicable', label: 'Not applicable: police custody' },
          ],
        },
        { id: 'acct-conversations-per-day', kind: 'number', label: 'ACCT conversations per day', help: 'As set at the case review.', integer: true, min: 0, max: 24, required: true, enableWhen: ACCT_OPENED },
        {
          id: 'acct-observations-per-night',
          kind: 'number',
          label: 'ACCT observations per night',
          help: 'As set at the case review. Record constant supervision in the summary.',
          integer: true,
          min: 0,
          max: 120,
          required: true,
          enableWhen: ACCT_OPENED,
        },
        { id: 'acct-next-case-review', kind: 'date', label: 'Next ACCT case review', required: true, enableWhen: ACCT_OPENED },
      ],
    },
    {
      id: 'withdrawal',
      title: 'Withdrawal',
      items: [
        {
          id: 'withdrawal-risk',
          kind: 'choice',
          label: 'Withdrawal risk',
          help: 'Monitor with COWS (opiates) or CIWA-Ar (alcohol).',
          required: true,
          options: [
            { value: 'none', label: 'None: no regular alcohol or drug use' },
            { value: 'low', label: 'Low: regular use, no signs of withdrawal' },
            { value: 'high', label: 'High: signs of withdrawal, daily heavy use, or past withdrawal fits or delirium tremens' },
          ],
        },
      ],
    },
    {
      id: 'overdose-on-release',
      title: 'Overdose on release',
      items: [
        {
          id: 'overdose-factors',
          kind: 'multiChoice',
          label: 'Overdose-on-release factors present',
          required: true,
          options: [
            { value: NONE, label: 'None of these' },
            { value: 'opioid-use-history', label: 'History of opioid use (heroin or other opioids)' },
            { value: 'reduced-tolerance', label: 'Reduced tolerance: detoxified from, or abstinent from, opioids in custody' },
            { value: 'release-within-4-weeks', label: 'Release expected within 4 weeks' },
            { value: 'previous-overdose', label: 'A previous overdose' },
            { value: 'no-naloxone', label: 'Not yet supplied with naloxone to take on release' },
          ],
        },
      ],
    },
    {
      id: 'cell-sharing',
      title: 'Violence and cell sharing',
      items: [
        {
          id: 'cell-sharing-risk',
          kind: 'choice',
          label: 'Violence and cell-sharing risk',
          required: true,
          options: [
            { value: 'standard', label: 'Standard' },
            { value: 'high', label: 'High: a risk of serious harm to a cellmate' },
          ],
        },
        {
          id: 'cell-sharing-reason',
          kind: 'text',
          label: 'Reason the cell-sharing risk is high',
          help: 'The facts behind it, for example violence to a cellmate or staff, or a stated intent to harm.',
          multiline: true,
          required: true,
          enableWhen: { match: 'all', conditions: [chosen('cell-sharing-risk', 'high')] },
        },
      ],
    },
    {
      id: 'summary',
      title: 'Summary and actions',
      items: [
        {
          id: 'risk-summary',
          kind: 'text',
          label: 'Your judgement of what keeps the person safe now, and the actions taken',
          help: 'What the person told you, who was told, the observation level or ACCT plan, and when this will be reviewed.',
          multiline: true,
          required: true,
        },
      ],
    },
  ],
  scores: [],
  flags: [
    {
      id: 'suicide-self-harm-risk-high',
      code: 'SUICIDE_SELF_HARM_RISK_HIGH',
      partnerAdvice: 'High risk of self-harm: follow the observation level or ACCT plan set, remove ligature risks, and tell healthcare of any change now.',
      severity: 'severe',
      label: 'Suicide and self-harm risk high',
      reason:
        'Current thoughts of suicide, a plan or stated intent, or self-harm or a suicide attempt in the last month: each calls for protective action ' +
        'on its own. In prison open an ACCT (unless one is open); in police custody raise the observation level with the custody officer.',
      when: { kind: 'answers', match: 'any', conditions: IMMEDIATE },
    },
    {
      id: 'acct-open',
      code: 'ACCT_OPEN',
      partnerAdvice: 'ACCT open: follow the ACCT observation and conversation plan.',
      severity: 'high',
      label: 'ACCT open',
      reason: 'An ACCT is open for this person.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('acct-status', 'opened')] },
    },
    {
      id: 'overdose-on-release-risk',
      code: 'OVERDOSE_ON_RELEASE_RISK',
      partnerAdvice: 'High risk of overdose after release: make sure healthcare know the release date so naloxone and a treatment appointment go with the person.',
      severity: 'high',
      label: 'Overdose risk on release',
      reason:
        'Opioid use with reduced tolerance or release within 4 weeks, or a previous overdose with release within 4 weeks. Supply naloxone, ' +
        'arrange community treatment before release and tell the person their tolerance is lower.',
      when: {
        kind: 'anyOf',
        triggers: [
          { kind: 'answers', match: 'all', conditions: [chosen('overdose-factors', 'opioid-use-history'), chosen('overdose-factors', 'reduced-tolerance')] },
          { kind: 'answers', match: 'all', conditions: [chosen('overdose-factors', 'opioid-use-history'), chosen('overdose-factors', 'release-within-4-weeks')] },
          { kind: 'answers', match: 'all', conditions: [chosen('overdose-factors', 'previous-overdose'), chosen('overdose-factors', 'release-within-4-weeks')] },
        ],
      },
    },
    {
      id: 'cell-sharing-risk-high',
      code: 'CELL_SHARING_RISK_HIGH',
      partnerAdvice: 'High cell-sharing risk: single cell unless the CSRA is reviewed.',
      severity: 'high',
      label: 'Cell-sharing risk high',
      reason: 'The violence and cell-sharing risk is assessed as high.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('cell-sharing-risk', 'high')] },
    },
  ],
  codes: [],
  advice: [
    {
      id: 'open-acct',
      urgency: 'action',
      text: 'Open an ACCT now (any member of staff can) and tell the wing officer before the person is left alone.',
      when: immediateWithAcct('not-open', 'closed'),
    },
    {
      id: 'custody-observation',
      urgency: 'action',
      text: 'Police custody: ask the custody officer for constant observation (level 3) or close proximity (level 4), remove ligature risks, and refer to the liaison and diversion or mental health team.',
      when: immediateWithAcct('not-applicable'),
    },
    {
      id: 'previous-attempt',
      urgency: 'action',
      text: 'Ask about the previous attempt (when, how, what stopped it) and record it in the summary; previous self-harm is the strongest single factor.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('self-harm-factors', 'previous-attempt')] },
    },
    {
      id: 'early-custody',
      urgency: 'action',
      text: 'The first days in custody are the riskiest: arrange first-night support and a check before the end of the shift.',
      when: { kind: 'answers', match: 'any', conditions: [chosen('self-harm-factors', 'first-time-in-custody'), chosen('self-harm-factors', 'first-28-days')] },
    },
    {
      id: 'mental-illness',
      urgency: 'action',
      text: 'Refer to the mental health in-reach team (saving this assessment makes the referral).',
      when: { kind: 'answers', match: 'any', conditions: [chosen('self-harm-factors', 'mental-illness'), ...IMMEDIATE] },
    },
    {
      id: 'withdrawal',
      urgency: 'action',
      text: 'Assess and treat withdrawal now: COWS for opioids, CIWA-Ar for alcohol; withdrawal adds to the risk of self-harm.',
      when: { kind: 'anyOf', triggers: [{ kind: 'answers', match: 'all', conditions: [chosen('self-harm-factors', 'substance-withdrawal')] }, { kind: 'answers', match: 'all', conditions: [chosen('withdrawal-risk', 'high')] }] },
    },
    {
      id: 'support-contact',
      urgency: 'action',
      text: 'Offer contact with family or friends, a Listener or the Samaritans, and record it in the plan.',
      when: { kind: 'answers', match: 'any', conditions: [chosen('self-harm-factors', 'recent-loss'), chosen('self-harm-factors', 'isolation')] },
    },
    {
      id: 'naloxone',
      urgency: 'action',
      text: 'Supply naloxone and show the person how to use it before release.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('overdose-factors', 'opioid-use-history'), chosen('overdose-factors', 'no-naloxone')] },
    },
  ],
  effects: [
    {
      kind: 'referral',
      id: 'refer-mental-health-inreach',
      toService: 'mental_health_inreach',
      reason: 'Risk assessment: mental illness, or current thoughts of suicide, a plan or recent self-harm',
      when: { kind: 'answers', match: 'any', conditions: [chosen('self-harm-factors', 'mental-illness'), ...IMMEDIATE] },
    },
  ],
};

// Risk assessment in police custody and prison, from objective criteria: self-harm and suicide,
// ACCT status (prison), withdrawal, overdose on release, and violence / cell sharing.
//
// The two criteria lists are scored multi-choice items: each criterion chosen adds its points and
// the total falls in a band. The flags come from the bands, so the flag's `because` names only the
// total ("Self-harm and suicide risk criteria 7: High"); the option labels are written as the
// criteria themselves, so the response view shows exactly which were met.
//
// The weights and the cut-offs below are SONAR's defaults, not a published scale, and are
// CONFIGURABLE: a site that uses others publishes them as a new template version (bands are data,
// and responses keep their version, so earlier totals keep their band). Defaults:
// - Self-harm and suicide (0-18): Low 0-1, Medium 2-3, High 4+. A plan or stated intent (4) is
//   High on its own; current thoughts (3) or recent self-harm (3) with any other criterion is High.
// - Overdose on release (0-8): Low 0-2, Medium 3-4, High 5+. Opioid use with reduced tolerance and
//   release within 4 weeks (2 + 2 + 1) is High: the week after release is the riskiest time.
//
// NICE NG225 (self-harm, 2022) advises against using risk tools or low/medium/high stratification
// to predict suicide or to decide who gets care. The total here is a prompt to act on criteria that
// are present, never a reason to withhold care; the template says so and asks for the clinician's
// own summary and actions.
import type { ScoreBand, Template } from '../template-schema';
import { chosen, NONE } from './screening-options';

export const SELF_HARM_RISK_DEFAULT_BANDS: ScoreBand[] = [
  { min: 0, max: 1, label: 'Low', severity: 'low' },
  { min: 2, max: 3, label: 'Medium', severity: 'moderate' },
  { min: 4, max: 18, label: 'High', severity: 'high' },
];

export const OVERDOSE_RISK_DEFAULT_BANDS: ScoreBand[] = [
  { min: 0, max: 2, label: 'Low', severity: 'low' },
  { min: 3, max: 4, label: 'Medium', severity: 'moderate' },
  { min: 5, max: 8, label: 'High', severity: 'high' },
];

const ACCT_OPENED = { match: 'all' as const, conditions: [chosen('acct-status', 'opened')] };

export const riskAssessment: Template = {
  id: 'risk-assessment',
  version: 1,
  use: { category: 'assessment', siteTypes: ['custody', 'prison'] },
  title: 'Risk assessment',
  description: 'Self-harm and suicide, ACCT, withdrawal, overdose on release, and violence and cell sharing. Choose every criterion that applies now.',
  sections: [
    {
      id: 'self-harm',
      title: 'Self-harm and suicide',
      items: [
        {
          id: 'self-harm-caution',
          kind: 'info',
          label:
            'The total counts the criteria present; it does not predict suicide or self-harm (NICE NG225). A low total never overrides a concern: ' +
            'act on what the person tells you and what you observe.',
          required: false,
        },
        {
          id: 'self-harm-criteria',
          kind: 'multiChoice',
          label: 'Self-harm and suicide criteria present',
          help: 'Points: plan or intent 4; current thoughts of suicide 3; self-harm in the last month 3; previous suicide attempt 2; each other criterion 1.',
          required: true,
          options: [
            { value: NONE, label: 'None of these', score: 0 },
            { value: 'current-suicidal-thoughts', label: 'Current thoughts of suicide', score: 3 },
            { value: 'plan-or-intent', label: 'A plan or stated intent to end their life', score: 4 },
            { value: 'previous-attempt', label: 'A previous suicide attempt', score: 2 },
            { value: 'recent-self-harm', label: 'Self-harm in the last month', score: 3 },
            { value: 'first-time-in-custody', label: 'First time in custody', score: 1 },
            { value: 'first-28-days', label: 'Within the first 28 days of this time in custody', score: 1 },
            { value: 'recent-loss', label: 'Recent loss or bereavement (a death, a relationship ending, loss of home or of contact with children)', score: 1 },
            { value: 'mental-illness', label: 'Mental illness, diagnosed or with current symptoms', score: 1 },
            { value: 'substance-withdrawal', label: 'Withdrawing, or expected to withdraw, from alcohol or drugs', score: 1 },
            { value: 'isolation', label: 'Isolated: no family or friends in contact', score: 1 },
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
        {
          id: 'acct-conversations-per-day',
          kind: 'number',
          label: 'ACCT conversations per day',
          help: 'As set at the case review.',
          integer: true,
          min: 0,
          max: 24,
          required: true,
          enableWhen: ACCT_OPENED,
        },
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
          id: 'overdose-criteria',
          kind: 'multiChoice',
          label: 'Overdose-on-release criteria present',
          help: 'Points: opioid use history 2; reduced tolerance 2; previous overdose 2; release within 4 weeks 1; no naloxone 1.',
          required: true,
          options: [
            { value: NONE, label: 'None of these', score: 0 },
            { value: 'opioid-use-history', label: 'History of opioid use (heroin or other opioids)', score: 2 },
            { value: 'reduced-tolerance', label: 'Reduced tolerance: detoxified from, or abstinent from, opioids in custody', score: 2 },
            { value: 'release-within-4-weeks', label: 'Release expected within 4 weeks', score: 1 },
            { value: 'previous-overdose', label: 'A previous overdose', score: 2 },
            { value: 'no-naloxone', label: 'Not yet supplied with naloxone to take on release', score: 1 },
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
          label: 'Summary, your judgement and the actions taken',
          help: 'What keeps the person safe now, who was told, and when this will be reviewed.',
          multiline: true,
          required: true,
        },
      ],
    },
  ],
  scores: [
    { id: 'self-harm-risk', label: 'Self-harm and suicide risk criteria', items: ['self-harm-criteria'], max: 18, bands: SELF_HARM_RISK_DEFAULT_BANDS },
    { id: 'overdose-risk', label: 'Overdose-on-release risk criteria', items: ['overdose-criteria'], max: 8, bands: OVERDOSE_RISK_DEFAULT_BANDS },
  ],
  flags: [
    {
      id: 'suicide-self-harm-risk-high',
      code: 'SUICIDE_SELF_HARM_RISK_HIGH',
      partnerAdvice: 'High risk of self-harm: follow the observation level set and remove ligature risks.',
      severity: 'severe',
      label: 'Suicide and self-harm risk high',
      reason:
        'Self-harm and suicide criteria total 4 or more (for example a plan or intent, or current thoughts of suicide with another criterion). ' +
        'In prison open an ACCT; in police custody review the observation level.',
      when: { kind: 'scoreBand', score: 'self-harm-risk', bands: ['High'] },
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
      severity: 'high',
      label: 'Overdose risk on release',
      reason:
        'Overdose-on-release criteria total 5 or more (for example opioid use with reduced tolerance and release within 4 weeks). ' +
        'Supply naloxone and arrange community treatment before release.',
      when: { kind: 'scoreBand', score: 'overdose-risk', bands: ['High'] },
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
};

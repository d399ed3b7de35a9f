// Brief intervention (when required): a short structured conversation for alcohol or drug use that
// is harmful but does not need structured treatment, after a positive AUDIT-C/AUDIT or a screen. The
// components follow FRAMES (feedback, responsibility, advice, menu of options, empathy,
// self-efficacy). Recording that it was delivered for alcohol records SNOMED CT 366371000000105
// "Brief intervention for excessive alcohol consumption completed"; choosing a referral refers the
// person to the substance misuse team.
import type { Template } from '../template-schema';
import { isYes, whenYes } from './screening-options';
import { snomedCodeList } from './snomed-codes';

const BI_ALCOHOL = snomedCodeList.concepts.briefInterventionExcessiveAlcohol;

export const briefIntervention: Template = {
  id: 'brief-intervention',
  version: 1,
  title: 'Brief intervention (alcohol or drugs)',
  description: 'Record a brief intervention delivered (or offered and declined). Saving a referral sends it to the substance misuse team.',
  use: { category: 'assessment', siteTypes: ['custody', 'prison', 'community'] },
  sections: [
    {
      id: 'focus',
      title: 'What the intervention was about',
      items: [
        {
          id: 'focus',
          kind: 'multiChoice',
          label: 'Substance the intervention was about',
          required: true,
          options: [
            { value: 'alcohol', label: 'Alcohol' },
            { value: 'drugs', label: 'Drugs' },
          ],
        },
        { id: 'audit-score', kind: 'number', label: 'AUDIT or AUDIT-C score that prompted it', help: 'If a score prompted it.', integer: true, min: 0, max: 40, required: false },
      ],
    },
    {
      id: 'delivery',
      title: 'Delivery',
      items: [
        { id: 'delivered', kind: 'yesNo', label: 'Was the brief intervention delivered?', required: true },
        {
          id: 'components',
          kind: 'multiChoice',
          label: 'What was covered',
          required: true,
          enableWhen: whenYes('delivered'),
          options: [
            { value: 'feedback', label: 'Feedback on their risk (their score and what it means)' },
            { value: 'responsibility', label: 'Their responsibility for change' },
            { value: 'advice', label: 'Clear advice to change' },
            { value: 'menu', label: 'A menu of options for cutting down or stopping' },
            { value: 'empathy', label: 'An empathic, non-judgemental approach' },
            { value: 'self-efficacy', label: 'Their confidence that they can change' },
          ],
        },
        { id: 'leaflet', kind: 'yesNo', label: 'Written information given', required: true, enableWhen: whenYes('delivered') },
        {
          id: 'declined-reason',
          kind: 'text',
          label: 'Why it was not delivered',
          required: true,
          enableWhen: { match: 'all', conditions: [{ item: 'delivered', op: 'equals', value: false }] },
        },
      ],
    },
    {
      id: 'outcome',
      title: 'Outcome',
      items: [
        {
          id: 'outcome',
          kind: 'choice',
          label: 'What happens next',
          required: true,
          options: [
            { value: 'no-further-action', label: 'No further action' },
            { value: 'follow-up', label: 'Follow-up conversation offered' },
            { value: 'refer-sms', label: 'Refer to the substance misuse team for assessment' },
          ],
        },
        { id: 'notes', kind: 'text', label: 'Notes', multiline: true, maxLength: 2000, required: false },
      ],
    },
  ],
  scores: [],
  flags: [],
  codes: [
    {
      id: 'bi-alcohol-delivered',
      system: 'http://snomed.info/sct',
      code: BI_ALCOHOL.code,
      display: BI_ALCOHOL.display,
      when: { kind: 'answers', match: 'all', conditions: [isYes('delivered'), { item: 'focus', op: 'equals', value: 'alcohol' }] },
    },
  ],
  effects: [
    {
      kind: 'referral',
      id: 'refer-sms',
      toService: 'substance_misuse',
      reason: 'Brief intervention: referred for substance misuse assessment',
      when: { kind: 'answers', match: 'all', conditions: [{ item: 'outcome', op: 'equals', value: 'refer-sms' }] },
    },
  ],
};

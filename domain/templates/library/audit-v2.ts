// AUDIT and AUDIT-C as offered from issue 14 on, in two wordings chosen by the site (setting
// "alcohol-questions", wordings.ts): the UK (OHID) wording in units, the default for English
// sites, as audit@2 and audit-c@2; and the WHO wording in standard drinks, as audit-who@1 and
// audit-c-who@1. The questions, answer values, scores, skip rules, zones and cut-offs are the
// same data under both wordings (audit-questions.ts); only the words differ.
//
// Added to the full AUDIT (WHO, AUDIT Guidelines for Use in Primary Care, 2nd ed. 2001, Table 6
// and the note beneath it), as advice saved with the response:
// - the intervention for each zone (I education, II simple advice, III simple advice with brief
//   counselling and continued monitoring, IV referral to a specialist for diagnostic evaluation
//   and treatment);
// - the step-up: "provide the next highest level of intervention to patients who score 2 or
//   more on Questions 4, 5 and 6, or 4 on Questions 9 or 10". Read here as questions 4-6 adding up
//   to 2 or more, which includes any one of them scoring 2 or more, so it never steps up less
//   than the per-question reading; the sum is a score of its own so the form shows it;
// - morning drinking (question 6, any answer but Never) is a sign of dependence: it prompts an
//   alcohol withdrawal assessment (CIWA-Ar) as a task due today, which a CIWA-Ar completes.
//
// Codes as version 1: only what the clinician records doing (brief intervention, referral).
import type { Item, ScoreRule, Template } from '../template-schema';
import { AUDIT_Q1_TO_Q3, AUDIT_Q4_TO_Q10 } from './audit-questions';
import { AUDIT_UK_Q1_TO_Q3, AUDIT_UK_Q4_TO_Q10 } from './audit-questions-uk';
import { audit } from './audit';
import { auditC } from './audit-c';
import { ALCOHOL_QUESTIONS } from './wordings';

export const ALCOHOL_WITHDRAWAL_ASSESSMENT_TASK = 'alcohol-withdrawal-assessment';

const DEPENDENCE_SYMPTOMS: ScoreRule = {
  id: 'dependence-symptoms',
  label: 'Dependence symptoms (questions 4 to 6)',
  items: ['q4', 'q5', 'q6'],
  max: 12,
  bands: [
    { min: 0, max: 1, label: 'Below 2', severity: 'none' },
    { min: 2, max: 12, label: '2 or more', severity: 'moderate' },
  ],
};

const zone = (band: string) => ({ kind: 'scoreBand' as const, score: 'audit-total', bands: [band] });

function fullAudit(id: string, version: number, option: string, title: string, q1to3: Item[], q4to10: Item[]): Template {
  return {
    ...audit,
    id,
    version,
    title,
    use: { ...audit.use!, wording: { setting: ALCOHOL_QUESTIONS.id, option } },
    sections: [{ id: 'questions', title: 'Questions', items: [...q1to3, ...q4to10] }, audit.sections[1]!],
    scores: [...audit.scores, DEPENDENCE_SYMPTOMS],
    flags: audit.flags.map((f) =>
      f.severity === 'high' ? { ...f, partnerAdvice: 'Possible alcohol dependence: withdrawal can start within hours of the last drink; tell healthcare at once of shaking, sweating, confusion or a fit.' } : f,
    ),
    advice: [
      { id: 'zone-1', urgency: 'action', text: 'Zone I: alcohol education (lower risk).', when: zone('Lower risk') },
      { id: 'zone-2', urgency: 'action', text: 'Zone II: simple advice (a brief intervention).', when: zone('Increasing risk') },
      { id: 'zone-3', urgency: 'action', text: 'Zone III: simple advice plus brief counselling and continued monitoring.', when: zone('Higher risk') },
      { id: 'zone-4', urgency: 'action', text: 'Zone IV: refer to a specialist alcohol service for diagnostic evaluation and treatment.', when: zone('Possible dependence') },
      {
        id: 'step-up',
        urgency: 'action',
        text: 'Give the next level of intervention above the zone: dependence symptoms (questions 4 to 6 scoring 2 or more) or harm in the last year (question 9 or 10 scoring 4) call for more than the zone alone.',
        when: {
          kind: 'anyOf',
          triggers: [
            { kind: 'scoreBand', score: 'dependence-symptoms', bands: ['2 or more'] },
            { kind: 'answers', match: 'any', conditions: [{ item: 'q9', op: 'equals', value: 'yes-last-year' }, { item: 'q10', op: 'equals', value: 'yes-last-year' }] },
          ],
        },
      },
      {
        id: 'morning-drinking',
        urgency: 'action',
        text: 'Morning drinking is a sign of dependence: assess for alcohol withdrawal now with CIWA-Ar, and ask about past withdrawal fits or delirium tremens.',
        when: { kind: 'answers', match: 'all', conditions: [{ item: 'q6', op: 'notEquals', value: 'never' }] },
      },
    ],
    effects: [
      {
        kind: 'task',
        id: 'withdrawal-assessment',
        taskKind: ALCOHOL_WITHDRAWAL_ASSESSMENT_TASK,
        title: 'Alcohol withdrawal assessment (CIWA-Ar): morning drinking reported on AUDIT',
        dueInDays: 0,
        when: { kind: 'answers', match: 'all', conditions: [{ item: 'q6', op: 'notEquals', value: 'never' }] },
      },
    ],
  };
}

function auditCOf(id: string, version: number, option: string, title: string, q1to3: Item[]): Template {
  return {
    ...auditC,
    id,
    version,
    title,
    use: { ...auditC.use!, wording: { setting: ALCOHOL_QUESTIONS.id, option } },
    sections: [{ id: 'consumption', title: 'Alcohol consumption', items: q1to3 }],
  };
}

/** UK (OHID) wording: the default for English sites. */
export const auditUk = fullAudit('audit', 2, 'uk', 'AUDIT (Alcohol Use Disorders Identification Test), UK units', AUDIT_UK_Q1_TO_Q3, AUDIT_UK_Q4_TO_Q10);
export const auditCUk = auditCOf('audit-c', 2, 'uk', 'AUDIT-C (alcohol consumption screen), UK units', AUDIT_UK_Q1_TO_Q3);

/** WHO wording (standard drinks), for sites that choose it. */
export const auditWho = fullAudit('audit-who', 1, 'who', 'AUDIT (Alcohol Use Disorders Identification Test), WHO wording', AUDIT_Q1_TO_Q3, AUDIT_Q4_TO_Q10);
export const auditCWho = auditCOf('audit-c-who', 1, 'who', 'AUDIT-C (alcohol consumption screen), WHO wording', AUDIT_Q1_TO_Q3);

// What the NDTMS secure-setting return needs that the rest of the substance misuse pathway does not
// record, as two short forms for the SMS worker:
// - treatment details, at triage or the start of treatment: ethnicity (as the person states it),
//   whether they have ever injected (the TOP asks only about the last 4 weeks, which cannot tell
//   "previously" from "never"), and the sub-interventions and recovery support planned;
// - prison exit, when the person leaves: why and where to, as coded choices (the stay's own exit
//   reason is free text, which the return cannot carry).
// The values are SONAR's own; the return codes them from its versioned code list
// (domain/reports/ndtms/code-lists.ts). No SNOMED CT code is recorded: these are facts for a
// return, not clinical statements.
import type { Template } from '../template-schema';

const option = (value: string, label: string) => ({ value, label });

/** Ethnic category as the person states it (the NHS ethnic category list). */
export const ETHNICITY_OPTIONS = [
  option('white-british', 'White: British'),
  option('white-irish', 'White: Irish'),
  option('white-other', 'White: any other White background'),
  option('mixed-white-black-caribbean', 'Mixed: White and Black Caribbean'),
  option('mixed-white-black-african', 'Mixed: White and Black African'),
  option('mixed-white-asian', 'Mixed: White and Asian'),
  option('mixed-other', 'Mixed: any other mixed background'),
  option('asian-indian', 'Asian or Asian British: Indian'),
  option('asian-pakistani', 'Asian or Asian British: Pakistani'),
  option('asian-bangladeshi', 'Asian or Asian British: Bangladeshi'),
  option('asian-other', 'Asian or Asian British: any other Asian background'),
  option('black-caribbean', 'Black or Black British: Caribbean'),
  option('black-african', 'Black or Black British: African'),
  option('black-other', 'Black or Black British: any other Black background'),
  option('chinese', 'Other ethnic group: Chinese'),
  option('other', 'Other ethnic group: any other ethnic group'),
  option('not-stated', 'Not stated (the person chose not to say)'),
];

export const PHARMACOLOGICAL_SUB_INTERVENTIONS = [
  option('ost-maintenance', 'Opioid substitution: maintenance'),
  option('ost-reduction', 'Opioid substitution: reduction'),
  option('opioid-withdrawal', 'Opioid withdrawal (detoxification)'),
  option('alcohol-withdrawal', 'Alcohol withdrawal (detoxification)'),
  option('relapse-prevention-medication', 'Relapse prevention medication'),
  option('other-pharmacological', 'Another pharmacological intervention'),
];

export const PSYCHOSOCIAL_SUB_INTERVENTIONS = [
  option('motivational', 'Motivational interventions'),
  option('contingency-management', 'Contingency management'),
  option('family-social-network', 'Family and social network interventions'),
  option('cbt-relapse-prevention', 'Cognitive and behavioural relapse prevention'),
  option('mutual-aid-facilitation', 'Facilitated access to mutual aid'),
  option('other-psychosocial', 'Another psychosocial intervention'),
];

export const RECOVERY_SUPPORT = [
  option('peer-support', 'Peer support'),
  option('mutual-aid', 'Mutual aid groups'),
  option('housing-support', 'Housing support'),
  option('education-employment', 'Education, training or employment support'),
  option('family-support', 'Family support'),
  option('other-recovery-support', 'Other recovery support'),
];

export const PRISON_EXIT_REASONS = [
  option('released-end-of-sentence', 'Released at the end of sentence'),
  option('released-licence', 'Released on licence or home detention curfew'),
  option('released-court', 'Released from court, or on bail'),
  option('transferred-prison', 'Transferred to another prison'),
  option('transferred-hospital', 'Transferred to a secure hospital'),
  option('deported', 'Deported or removed'),
  option('died', 'Died in custody'),
  option('other', 'Another reason'),
];

export const PRISON_EXIT_DESTINATIONS = [
  option('own-home', 'Own or family home'),
  option('approved-premises', 'Approved premises (probation hostel)'),
  option('temporary-accommodation', 'Temporary or supported accommodation'),
  option('no-fixed-abode', 'No fixed abode'),
  option('another-prison', 'Another prison'),
  option('hospital', 'Hospital'),
  option('outside-uk', 'Outside the UK'),
  option('not-known', 'Not known'),
];

export const ndtmsTreatmentDetails: Template = {
  id: 'ndtms-treatment-details',
  version: 1,
  use: { category: 'assessment', siteTypes: ['prison'] },
  title: 'Treatment details for the NDTMS return',
  description:
    'Record at triage or when treatment starts, and again when the plan changes: the latest one is sent. Ask the person for their ethnicity and whether they have ever injected; choose the interventions planned.',
  sections: [
    {
      id: 'person',
      title: 'About the person',
      items: [
        { id: 'ethnicity', kind: 'choice', label: 'Ethnicity, as the person states it', required: true, options: ETHNICITY_OPTIONS },
        {
          id: 'injected-ever',
          kind: 'yesNo',
          label: 'Has the person ever injected drugs that were not prescribed to them?',
          help: 'Ever, not only in the last 4 weeks: the return records whether someone injects now, used to, or never has.',
          required: true,
          notDisclosed: true,
        },
      ],
    },
    {
      id: 'interventions',
      title: 'Interventions planned',
      items: [
        { id: 'pharmacological-sub', kind: 'choice', label: 'Pharmacological intervention', help: 'When the treatment includes a pharmacological intervention.', required: false, options: PHARMACOLOGICAL_SUB_INTERVENTIONS },
        { id: 'psychosocial-sub', kind: 'choice', label: 'Psychosocial intervention', help: 'When the treatment includes a psychosocial intervention.', required: false, options: PSYCHOSOCIAL_SUB_INTERVENTIONS },
        { id: 'recovery-support', kind: 'choice', label: 'Recovery support', required: false, options: RECOVERY_SUPPORT },
        { id: 'recovery-support-start', kind: 'date', label: 'Recovery support began on', required: true, enableWhen: { match: 'all', conditions: [{ item: 'recovery-support', op: 'answered' }] } },
      ],
    },
  ],
  scores: [],
  flags: [],
  codes: [],
  checks: [],
};

export const ndtmsPrisonExit: Template = {
  id: 'ndtms-prison-exit',
  version: 1,
  use: { category: 'assessment', siteTypes: ['prison'] },
  title: 'Prison exit for the NDTMS return',
  description: 'Record when a person in substance misuse treatment leaves the prison: why they left and where they went.',
  sections: [
    {
      id: 'exit',
      title: 'Leaving the prison',
      items: [
        { id: 'exit-reason', kind: 'choice', label: 'Why the person left', required: true, options: PRISON_EXIT_REASONS },
        { id: 'exit-destination', kind: 'choice', label: 'Where the person went', required: true, options: PRISON_EXIT_DESTINATIONS },
      ],
    },
  ],
  scores: [],
  flags: [],
  codes: [],
  checks: [],
};

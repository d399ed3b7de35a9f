// Items of the prison reception screen, version 2, that version 1 did not have or asked as free
// text (prison-reception-screen-v2.ts gives the NICE NG57 Table 1 row each answers). Option values
// are stored in responses: never rename or reuse one.
import type { ChoiceOption, Item } from '../template-schema';
import { chosen, NONE, whenAnyChosen, whenYes } from './screening-options';

export const SENTENCE_ITEMS: Item[] = [
  {
    id: 'serious-offence',
    kind: 'yesNo',
    label: 'Is the person charged with or sentenced for murder, manslaughter or another offence with a long sentence?',
    help: 'From the warrant, the PER or the person. A long or life sentence is a time of high risk.',
    required: true,
  },
  {
    id: 'refer-inreach-for-offence',
    kind: 'yesNo',
    label: 'Refer for a mental health assessment by the mental health in-reach team?',
    help: 'NICE NG57 Table 1: refer if necessary. Saving refers when you answer Yes.',
    required: true,
    enableWhen: whenYes('serious-offence'),
  },
  {
    id: 'no-inreach-reason',
    kind: 'text',
    label: 'Why no referral is needed',
    required: true,
    enableWhen: { match: 'all', conditions: [{ item: 'refer-inreach-for-offence', op: 'equals', value: false }] },
  },
];

export const TIME_CRITICAL: ChoiceOption[] = [
  { value: NONE, label: 'None of these' },
  { value: 'insulin', label: 'Insulin' },
  { value: 'antiepileptic', label: 'Medicines for epilepsy' },
  { value: 'parkinsons', label: "Medicines for Parkinson's disease" },
  { value: 'anticoagulant', label: 'Anticoagulants (for example warfarin, apixaban)' },
  { value: 'antiretroviral', label: 'HIV medicines (antiretrovirals)' },
  { value: 'tb-treatment', label: 'Tuberculosis treatment' },
  { value: 'antipsychotic', label: 'Antipsychotics, including clozapine and depot injections' },
  { value: 'steroid', label: 'Steroids taken every day (for example hydrocortisone, prednisolone)' },
  { value: 'immunosuppressant', label: 'Immunosuppressants (for example after a transplant)' },
  { value: 'other-time-critical', label: 'Another medicine where a missed or late dose could cause harm' },
];

export const MEDICINE_ITEMS: Item[] = [
  { id: 'has-medicines', kind: 'yesNo', label: 'Is the person taking any prescribed medicines or other treatment, or have they brought medicines in?', required: true },
  {
    id: 'medicines-details',
    kind: 'text',
    label: 'Medicines: name, strength, dose, how often and the last dose',
    help: 'Check against the PER, the medicines brought in and the GP record or Summary Care Record.',
    multiline: true,
    required: true,
    enableWhen: whenYes('has-medicines'),
  },
  { id: 'time-critical-medicines', kind: 'multiChoice', label: 'Time-critical medicines among them', required: true, enableWhen: whenYes('has-medicines'), options: TIME_CRITICAL },
  {
    id: 'next-dose-given',
    kind: 'choice',
    label: 'The next dose of each medicine',
    required: true,
    enableWhen: whenYes('has-medicines'),
    options: [
      { value: 'given', label: 'Given, or not due until after the prescriber has reviewed' },
      { value: 'arranged', label: 'Arranged with the prescriber for when it is due' },
      { value: 'not-arranged', label: 'Not yet arranged' },
    ],
  },
];

export const OST_RECEPTION_ITEMS: Item[] = [
  {
    id: 'on-ost',
    kind: 'yesNo',
    label: 'Is the person on opioid substitution treatment (methadone or buprenorphine)?',
    help: 'Ask everyone, whether or not they use other drugs. Confirm the dose with the prescriber or dispensing pharmacy before it is given.',
    required: true,
  },
  {
    id: 'ost-medicine',
    kind: 'choice',
    label: 'Opioid substitution medicine',
    required: true,
    enableWhen: whenYes('on-ost'),
    options: [
      { value: 'methadone-1mg-ml', label: 'Methadone oral solution 1 mg/ml' },
      { value: 'buprenorphine-sublingual', label: 'Buprenorphine sublingual' },
      { value: 'buprenorphine-naloxone', label: 'Buprenorphine with naloxone sublingual' },
      { value: 'buprenorphine-prolonged-release', label: 'Buprenorphine prolonged-release injection' },
    ],
  },
  {
    id: 'ost-dose-mg',
    kind: 'number',
    label: 'Daily dose (for an injection, the dose given)',
    help: 'In milligrams (mg), never millilitres.',
    unit: 'mg',
    min: 0.4,
    max: 400,
    required: true,
    enableWhen: whenYes('on-ost'),
  },
  { id: 'ost-last-dose', kind: 'dateTime', label: 'Date and time of the last dose', help: 'Including any dose given at court or by the escort.', required: true, enableWhen: whenYes('on-ost') },
  { id: 'ost-prescriber', kind: 'text', label: 'Prescriber or treatment service, and dispensing pharmacy', required: true, enableWhen: whenYes('on-ost') },
  { id: 'ost-verified', kind: 'yesNo', label: 'Dose and last dose confirmed with the prescriber or dispensing pharmacy?', required: true, enableWhen: whenYes('on-ost') },
];

export const PHYSICAL_CONDITIONS: ChoiceOption[] = [
  { value: NONE, label: 'None of these' },
  { value: 'asthma-copd', label: 'Asthma or COPD' },
  { value: 'diabetes', label: 'Diabetes' },
  { value: 'epilepsy', label: 'Epilepsy or fits' },
  { value: 'heart', label: 'Heart disease or chest pain' },
  { value: 'tuberculosis', label: 'Tuberculosis, or a cough for 3 weeks or more, fever, night sweats or weight loss' },
  { value: 'sickle-cell', label: 'Sickle cell disease' },
  { value: 'hepatitis', label: 'Hepatitis B or C' },
  { value: 'hiv', label: 'HIV' },
  { value: 'learning-disability', label: 'Learning disability' },
  { value: 'neurodevelopmental', label: 'Autism, ADHD or another neurodevelopmental condition' },
  { value: 'brain-injury', label: 'Acquired brain injury' },
  { value: 'physical-disability', label: 'Physical disability, or difficulty walking, seeing or hearing' },
  { value: 'other', label: 'Another condition' },
];

export const PHYSICAL_ITEMS: Item[] = [
  { id: 'allergies', kind: 'yesNo', label: 'Any allergies (medicines, food, latex) or past reactions to medicines?', required: true },
  { id: 'allergy-details', kind: 'text', label: 'Allergies: what, and the reaction', required: true, enableWhen: whenYes('allergies') },
  { id: 'physical-conditions', kind: 'multiChoice', label: 'Health conditions', required: true, options: PHYSICAL_CONDITIONS },
  {
    id: 'physical-conditions-details',
    kind: 'text',
    label: 'Health conditions: details and treatment',
    multiline: true,
    required: true,
    enableWhen: whenAnyChosen('physical-conditions', PHYSICAL_CONDITIONS),
  },
];

export const INJURY_TYPES: ChoiceOption[] = [
  { value: 'head', label: 'Head injury, or a blow to the head' },
  { value: 'abdominal', label: 'Abdominal injury' },
  { value: 'fracture', label: 'A possible fracture' },
  { value: 'assault-allegation', label: 'An allegation of assault' },
  { value: 'other', label: 'Another injury' },
];

export const INJURY_ITEMS: Item[] = [
  { id: 'injuries', kind: 'yesNo', label: 'Any injuries (including from before arrest), or an allegation of assault?', required: true },
  { id: 'injury-types', kind: 'multiChoice', label: 'Which', required: true, enableWhen: whenYes('injuries'), options: INJURY_TYPES },
  { id: 'injury-sites', kind: 'bodyMap', label: 'Body map: mark where each injury is', required: true, enableWhen: whenYes('injuries') },
  { id: 'injuries-details', kind: 'text', label: 'Injuries: describe each (size, appearance), and how and when it happened', multiline: true, required: true, enableWhen: whenYes('injuries') },
];

export const PREGNANCY_ITEMS: Item[] = [
  {
    id: 'pregnancy',
    kind: 'choice',
    label: 'Could the person be pregnant, or have they given birth in the last 6 weeks?',
    required: true,
    options: [
      { value: 'not-applicable', label: 'Not applicable' },
      { value: 'no', label: 'No' },
      { value: 'yes', label: 'Yes, pregnant' },
      { value: 'possibly', label: 'Possibly: not sure' },
      { value: 'recent-birth', label: 'Gave birth in the last 6 weeks' },
    ],
  },
  {
    id: 'pregnancy-details',
    kind: 'text',
    label: 'Pregnancy or birth: weeks, antenatal or postnatal care, and what has been arranged',
    multiline: true,
    required: true,
    enableWhen: { match: 'any', conditions: [chosen('pregnancy', 'yes'), chosen('pregnancy', 'possibly'), chosen('pregnancy', 'recent-birth')] },
  },
];

export const WITHDRAWAL_FITS_ITEM: Item = {
  id: 'withdrawal-fits-history',
  kind: 'yesNo',
  label: 'Has the person ever had a withdrawal fit (seizure) or delirium tremens, from alcohol or benzodiazepines?',
  required: true,
};

export const PER_ITEMS: Item[] = [
  { id: 'per-checked', kind: 'yesNo', label: 'Person Escort Record (PER) checked?', required: true },
  {
    id: 'per-self-harm-warning',
    kind: 'yesNo',
    label: 'Does the PER carry a self-harm or suicide warning?',
    required: true,
    enableWhen: whenYes('per-checked'),
  },
  {
    id: 'per-warnings',
    kind: 'text',
    label: 'Health or risk warnings on the PER',
    help: 'Self-harm, medical, medication and other warnings. Leave blank if there are none.',
    multiline: true,
    required: false,
    enableWhen: whenYes('per-checked'),
  },
];

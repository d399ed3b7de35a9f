// Prison reception first-stage health screen, version 2 (NICE NG57, November 2016, 1.1.1-1.1.4
// and Table 1; NICE QS156 statements 1-2). Version 1 asked medicines and OST as free text, asked
// nothing about the sentence, allergies or the Table 1 conditions, and did not act on a PER
// self-harm warning or an unchecked PER. Added, each with what the source says it calls for:
// - sentence: murder, manslaughter or a long sentence -> refer to mental health in-reach (the
//   clinician confirms, as Table 1 says "if necessary"; a reason is required for not referring);
// - medicines (1.1.2, Table 1): make sure the next dose is given, refer to the prescriber,
//   reconcile; time-critical medicines and OST are structured items that raise prescriber tasks
//   (OST: the continuity-of-treatment task, with the medicine, dose and last dose, due today);
// - allergies and the Table 1 conditions (TB, sickle cell, epilepsy, learning disability...);
// - head or abdominal injury, possible fracture, assault allegation, with a body map;
// - time of the last drink and the last drug use; withdrawal fits or delirium tremens; the
//   benzodiazepine and gabapentinoid withdrawal risk;
// - a PER self-harm warning raises SELF_HARM_RISK; "PER not checked" is a task due today.
// Saving still creates the second-stage assessment task, due within 7 days (QS156), which the
// second-stage health assessment (prison-second-stage-assessment) completes.
import type { Section, Template } from '../template-schema';
import { prisonReceptionScreen as v1 } from './prison-reception-screen';
import { RECEPTION_ADVICE_V2, RECEPTION_EFFECTS_V2, RECEPTION_FLAGS_V2 } from './reception-rules-v2';
import {
  INJURY_ITEMS,
  MEDICINE_ITEMS,
  OST_RECEPTION_ITEMS,
  PER_ITEMS,
  PHYSICAL_ITEMS,
  PREGNANCY_ITEMS,
  SENTENCE_ITEMS,
  WITHDRAWAL_FITS_ITEM,
} from './reception-items-v2';
import { whenYes } from './screening-options';

function section(id: string): Section {
  const s = v1.sections.find((x) => x.id === id);
  if (!s) throw new Error(`reception screen version 1 has no section ${id}`);
  return s;
}

const item = (sectionId: string, id: string) => section(sectionId).items.find((i) => i.id === id)!;

export const prisonReceptionScreenV2: Template = {
  ...v1,
  version: 2,
  description:
    'Complete at reception, before the person is allocated a cell. Check the Person Escort Record first. Saving sets the tasks the answers call for; ' +
    'the second-stage health assessment is due within 7 days.',
  sections: [
    { id: 'sentence', title: 'Offence and sentence', items: SENTENCE_ITEMS },
    { id: 'medicines', title: 'Medicines and opioid substitution treatment', items: [...MEDICINE_ITEMS, ...OST_RECEPTION_ITEMS] },
    { id: 'physical-health', title: 'Physical health', items: [...PHYSICAL_ITEMS, ...PREGNANCY_ITEMS] },
    { id: 'injuries-section', title: 'Injuries', items: INJURY_ITEMS },
    {
      id: 'alcohol',
      title: 'Alcohol',
      items: [
        item('alcohol', 'drinks-alcohol'),
        item('alcohol', 'alcohol-units-per-day'),
        { id: 'last-drink', kind: 'dateTime', label: 'When did the person last have a drink?', help: 'Alcohol withdrawal usually starts 6 to 24 hours after the last drink.', required: true, enableWhen: whenYes('drinks-alcohol') },
        { ...item('alcohol', 'alcohol-withdrawal-symptoms'), label: 'Any alcohol withdrawal symptoms now (tremor, sweating, nausea, anxiety, agitation)?' },
        WITHDRAWAL_FITS_ITEM,
      ],
    },
    {
      id: 'drugs',
      title: 'Drugs',
      items: [
        item('drugs', 'uses-drugs'),
        item('drugs', 'drugs-used'),
        { id: 'last-drug-use', kind: 'dateTime', label: 'When did the person last use drugs?', help: 'Opioid withdrawal usually starts 8 to 24 hours after the last use of heroin.', required: true, enableWhen: whenYes('uses-drugs') },
        item('drugs', 'injects-drugs'),
      ],
    },
    section('mental-health'),
    // The ACCT prompt is now advice (it also follows a PER self-harm warning), not an inline note.
    { ...section('self-harm'), items: section('self-harm').items.filter((i) => i.id !== 'acct-prompt') },
    { id: 'per-and-csra', title: 'Person Escort Record and cell sharing', items: [...PER_ITEMS, item('per-and-csra', 'csra')] },
    section('appointments'),
  ],
  flags: RECEPTION_FLAGS_V2,
  advice: RECEPTION_ADVICE_V2,
  effects: RECEPTION_EFFECTS_V2,
};

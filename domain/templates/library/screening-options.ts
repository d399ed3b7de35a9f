// Answer lists and condition shorthand shared by the custody, prison-reception, risk and
// dual-diagnosis templates, so a substance or a symptom is worded (and stored) the same way
// wherever it is asked, and a report can count it across templates.
//
// "None" in a multi-choice list: the engine has no exclusive option (FHIR's
// questionnaire-optionExclusive), so ["none", "alcohol"] is accepted. Every rule here therefore
// tests for the options that mean something ("any of these was chosen"), never for the absence of
// "none", so a contradictory selection errs towards asking more and flagging, not less.
import type { ChoiceOption, Condition, ConditionGroup } from '../template-schema';

export const NONE = 'none';

/** Substances (not tobacco), as asked about recent use. Opioids are one option, so "uses opioids" is one condition. */
export const SUBSTANCES: ChoiceOption[] = [
  { value: NONE, label: 'None' },
  { value: 'alcohol', label: 'Alcohol' },
  { value: 'opioids', label: 'Heroin or other opioids not prescribed to them (including methadone, buprenorphine, codeine or tramadol)' },
  { value: 'crack', label: 'Crack cocaine' },
  { value: 'cocaine', label: 'Cocaine powder' },
  { value: 'benzodiazepines', label: 'Benzodiazepines not prescribed to them (for example street diazepam)' },
  { value: 'gabapentinoids', label: 'Pregabalin or gabapentin not prescribed to them' },
  { value: 'synthetic-cannabinoids', label: 'Synthetic cannabinoids ("spice")' },
  { value: 'cannabis', label: 'Cannabis' },
  { value: 'amphetamines', label: 'Amphetamines' },
  { value: 'other', label: 'Other drug' },
];

/** The substances without "None": for a list asked only after a Yes. */
export const SUBSTANCES_USED: ChoiceOption[] = SUBSTANCES.filter((o) => o.value !== NONE);

/** Drugs other than alcohol (which a screen may ask about in its own section). */
export const DRUGS: ChoiceOption[] = SUBSTANCES_USED.filter((o) => o.value !== 'alcohol');

/** Mental health symptoms reported or observed; "None" must be chosen on its own. */
export const MENTAL_HEALTH_SYMPTOMS: ChoiceOption[] = [
  { value: NONE, label: 'None reported or observed' },
  { value: 'low-mood', label: 'Low mood, hopelessness or loss of interest' },
  { value: 'anxiety', label: 'Marked anxiety or panic' },
  { value: 'hallucinations', label: 'Hearing or seeing things others do not (hallucinations)' },
  { value: 'unusual-beliefs', label: 'Unusual or paranoid beliefs' },
  { value: 'elevated-mood', label: 'Elevated mood, racing thoughts or unusual overactivity' },
  { value: 'trauma', label: 'Flashbacks or nightmares after trauma' },
  { value: 'other', label: 'Other symptom' },
];

/** item = true. */
export function isYes(item: string): Condition {
  return { item, op: 'equals', value: true };
}

/** Shown (or triggered) when a yes/no item is answered Yes. */
export function whenYes(item: string): ConditionGroup {
  return { match: 'all', conditions: [isYes(item)] };
}

/** item = value: one of its options chosen. */
export function chosen(item: string, value: string): Condition {
  return { item, op: 'equals', value };
}

/** One condition per option other than "None": in an `any` group, "something other than None was chosen". */
export function anyChosen(item: string, options: readonly ChoiceOption[]): Condition[] {
  return options.filter((o) => o.value !== NONE).map((o) => chosen(item, o.value));
}

/** Shown when any option other than "None" of a multi-choice item is chosen. */
export function whenAnyChosen(item: string, options: readonly ChoiceOption[]): ConditionGroup {
  return { match: 'any', conditions: anyChosen(item, options) };
}

// A clinical template as data (in the spirit of FHIR Questionnaire): items in sections, conditions,
// scoring rules with bands, derived flags and SNOMED CT codes. A new or revised template is a new
// (id, version) of this data, never a code change. Every TypeScript type here is z.infer of its
// schema, so the shape is written once. Checks that need the whole template (unique ids,
// references, band coverage) are in validate-template.ts.
//
// The engine's additions for published clinical content: a body map item, advice rules (what the
// answers call for, saved with the response), triggers that are one of several condition groups
// (anyOf), answers carried with a flag or task (withAnswers: the HCP's rationale, the OST dose),
// the role a task is for, the task kind a form completes, and a site-chosen wording variant.
//
// The schemas use no defaults or transforms, so a template's input and output types are the same:
// library templates are typed with `Template` and pass through the schema unchanged.
import { z } from 'zod';
import { roleSchema } from '../access/roles';

/** Ids are stable keys stored in saved responses: lower-case, digits and hyphens, never reused. */
export const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, starting with a letter');

const labelSchema = z.string().trim().min(1, 'must not be empty');

export const severitySchema = z.enum(['none', 'low', 'moderate', 'high', 'severe']);
export type Severity = z.infer<typeof severitySchema>;

// ---- conditions (enableWhen and triggers) ------------------------------------------------------

/**
 * A test on one item's answer. As in FHIR, a comparison with an unanswered, invalid or disabled
 * item is false (so `notEquals` does not hold for a question nobody answered); `answered` is the
 * way to test presence. `equals` on a multi-choice item means "this option is among those chosen".
 * greaterThan / lessThan compare numbers, or ISO dates (yyyy-mm-dd sorts as text).
 */
export const conditionSchema = z.discriminatedUnion('op', [
  z.object({ item: idSchema, op: z.literal('answered') }).strict(),
  z.object({ item: idSchema, op: z.literal('equals'), value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
  z.object({ item: idSchema, op: z.literal('notEquals'), value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
  z.object({ item: idSchema, op: z.literal('greaterThan'), value: z.union([z.number(), z.string()]) }).strict(),
  z.object({ item: idSchema, op: z.literal('lessThan'), value: z.union([z.number(), z.string()]) }).strict(),
]);
export type Condition = z.infer<typeof conditionSchema>;

/** Conditions combined: every one holds (`all`) or at least one holds (`any`). */
export const conditionGroupSchema = z
  .object({ match: z.enum(['all', 'any']), conditions: z.array(conditionSchema).min(1) })
  .strict();
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;

// ---- items ------------------------------------------------------------------------------------

const itemBase = {
  id: idSchema,
  label: labelSchema,
  help: z.string().optional(),
  required: z.boolean(),
  /** Shown and answerable only while this holds; it may refer to earlier items only. */
  enableWhen: conditionGroupSchema.optional(),
  /**
   * The person may decline to answer: "Not disclosed" (answers.ts NOT_DISCLOSED) is then a valid
   * answer, shown in words, never a zero. Not allowed on an item counted in a score (a total must
   * be complete) or on an information item.
   */
  notDisclosed: z.boolean().optional(),
};

const optionSchema = z.object({ value: labelSchema, label: labelSchema, score: z.number().int().min(0).optional() }).strict();
/** A scored option: the score is the published points for that answer (non-negative integers). */
const scoredOptionSchema = z.object({ value: labelSchema, label: labelSchema, score: z.number().int().min(0) }).strict();
export type ChoiceOption = z.infer<typeof optionSchema>;

export const textItemSchema = z
  .object({ ...itemBase, kind: z.literal('text'), multiline: z.boolean().optional(), maxLength: z.number().int().positive().optional() })
  .strict();
export const numberItemSchema = z
  .object({
    ...itemBase,
    kind: z.literal('number'),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  })
  .strict();
export const choiceItemSchema = z.object({ ...itemBase, kind: z.literal('choice'), options: z.array(optionSchema).min(1) }).strict();
export const multiChoiceItemSchema = z.object({ ...itemBase, kind: z.literal('multiChoice'), options: z.array(optionSchema).min(1) }).strict();
export const dateItemSchema = z.object({ ...itemBase, kind: z.literal('date') }).strict();
/** Date and time with its offset (2025-03-01T14:30:00Z): a time without a zone is ambiguous across the clock change. */
export const dateTimeItemSchema = z.object({ ...itemBase, kind: z.literal('dateTime') }).strict();
export const yesNoItemSchema = z.object({ ...itemBase, kind: z.literal('yesNo') }).strict();
/** One of a fixed set of published answers, each worth a number of points (a COWS or CIWA-Ar item). */
export const scoredItemSchema = z.object({ ...itemBase, kind: z.literal('scored'), options: z.array(scoredOptionSchema).min(1) }).strict();
/**
 * Marks on a body outline (injuries, marks of assault, self-harm): the answer is the list of body
 * regions marked, from the fixed region list in body-map.ts, so a condition can test "head marked".
 * Describe each mark in a text item beside it.
 */
export const bodyMapItemSchema = z.object({ ...itemBase, kind: z.literal('bodyMap') }).strict();
/** Text shown to the clinician (instructions, a caution); takes no answer. */
export const infoItemSchema = z.object({ ...itemBase, kind: z.literal('info') }).strict();

export const itemSchema = z.discriminatedUnion('kind', [
  textItemSchema,
  numberItemSchema,
  choiceItemSchema,
  multiChoiceItemSchema,
  dateItemSchema,
  dateTimeItemSchema,
  yesNoItemSchema,
  scoredItemSchema,
  bodyMapItemSchema,
  infoItemSchema,
]);
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];
export type NumberItem = z.infer<typeof numberItemSchema>;

export const sectionSchema = z.object({ id: idSchema, title: labelSchema, items: z.array(itemSchema) }).strict();
export type Section = z.infer<typeof sectionSchema>;

// ---- scores -------------------------------------------------------------------------------------

/**
 * Points for a number answer by range, inclusive at both ends (COWS pulse: <=80 -> 0, 81-100 -> 1,
 * 101-120 -> 2, >120 -> 4). An open end (no min, or no max) reaches to the item's own limit.
 * Allowed on whole-number items only, so "80" and "81" leave no gap between them.
 */
export const numberBandSchema = z
  .object({ min: z.number().int().optional(), max: z.number().int().optional(), points: z.number().int().min(0) })
  .strict();
export type NumberBand = z.infer<typeof numberBandSchema>;

/** A band of a total score, inclusive at both ends; a rule's bands cover its whole range without overlap. */
export const scoreBandSchema = z.object({ min: z.number().int(), max: z.number().int(), label: labelSchema, severity: severitySchema }).strict();
export type ScoreBand = z.infer<typeof scoreBandSchema>;

/**
 * A total: the sum of the points of its items (the option score of a scored/choice item, the sum
 * of the chosen options of a multi-choice item, a whole-number answer itself, or the points of its
 * numberBands). `max`, when given, is checked against the maximum the items allow.
 */
export const scoreRuleSchema = z
  .object({
    id: idSchema,
    label: labelSchema,
    items: z.array(idSchema).min(1),
    numberBands: z.record(idSchema, z.array(numberBandSchema).min(1)).optional(),
    bands: z.array(scoreBandSchema).min(1),
    max: z.number().int().optional(),
  })
  .strict();
export type ScoreRule = z.infer<typeof scoreRuleSchema>;

// ---- cross-item checks --------------------------------------------------------------------------

/**
 * Checks across number items, each reported at the item to correct (cross-checks.ts):
 * - `sumBetween`: the items add up to between `min` and `max` (days used in each of 4 weeks: 0-28);
 * - `atMostSumOf`: `item` is no more than the sum of `of` (days injected cannot exceed the days any
 *   drug was used).
 * A check applies only when every item it needs is answered with a number: an unanswered item is
 * already asked for, and a "Not disclosed" one cannot be checked.
 */
export const checkRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sumBetween'), id: idSchema, items: z.array(idSchema).min(2), min: z.number().int(), max: z.number().int(), message: labelSchema }).strict(),
  z.object({ kind: z.literal('atMostSumOf'), id: idSchema, item: idSchema, of: z.array(idSchema).min(1), message: labelSchema }).strict(),
]);
export type CheckRule = z.infer<typeof checkRuleSchema>;

// ---- flags and codes ----------------------------------------------------------------------------

/**
 * When a flag or code is derived: a group of answer conditions, or a complete score falling in one
 * of the named bands. An incomplete score never triggers anything (see evaluate.ts).
 */
const answersTriggerSchema = z.object({ kind: z.literal('answers'), match: z.enum(['all', 'any']), conditions: z.array(conditionSchema).min(1) }).strict();
const scoreBandTriggerSchema = z.object({ kind: z.literal('scoreBand'), score: idSchema, bands: z.array(labelSchema).min(1) }).strict();

/** A group of answer conditions, or a complete score in one of the named bands. */
export const simpleTriggerSchema = z.discriminatedUnion('kind', [answersTriggerSchema, scoreBandTriggerSchema]);
export type SimpleTrigger = z.infer<typeof simpleTriggerSchema>;

/**
 * A simple trigger, or `anyOf` several of them: "(intoxicated OR head injury) AND rousing below 30
 * minutes" is anyOf [all(intoxicated, below), all(head injury, below)]. One level only, so a rule
 * reads as a list of situations, each of which calls for it.
 */
export const triggerSchema = z.discriminatedUnion('kind', [
  answersTriggerSchema,
  scoreBandTriggerSchema,
  z.object({ kind: z.literal('anyOf'), triggers: z.array(simpleTriggerSchema).min(2) }).strict(),
]);
export type Trigger = z.infer<typeof triggerSchema>;

/** Items whose answers are carried with a flag, task or advice (shown after why it was raised). */
const withAnswersSchema = z.array(idSchema).min(1).optional();

/**
 * A flag raised for the clinician (withdrawal, further assessment indicated...); `code` is the flag
 * type. Severity is shown with the flag in words; a risk flag without one is treated as high.
 */
export const flagRuleSchema = z
  .object({
    id: idSchema,
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'use UPPER_SNAKE_CASE'),
    label: labelSchema,
    reason: labelSchema,
    severity: severitySchema.optional(),
    /**
     * Handling advice for police and other partners (need to know). Required on high and severe
     * flags (validate-template.ts), so a partner is never left without it.
     */
    partnerAdvice: labelSchema.optional(),
    when: triggerSchema,
    /** Answers recorded with the flag: the clinical direction and its rationale, for example. */
    withAnswers: withAnswersSchema,
  })
  .strict();
export type FlagRule = z.infer<typeof flagRuleSchema>;

export const SNOMED_CT_SYSTEM = 'http://snomed.info/sct';

/** A SNOMED CT concept recorded when the trigger holds. Codes come from a code list (data), never from logic. */
export const codeRuleSchema = z
  .object({ id: idSchema, system: z.literal(SNOMED_CT_SYSTEM), code: z.string(), display: labelSchema, when: triggerSchema })
  .strict();
export type CodeRule = z.infer<typeof codeRuleSchema>;

/**
 * What the answers call for, shown while the form is filled in and saved with the response (NICE
 * and PACE sources name an action for each finding). `emergency` advice is shown first and styled
 * as a warning: an inadequate rousing response, for example.
 */
export const adviceRuleSchema = z
  .object({ id: idSchema, urgency: z.enum(['emergency', 'action']), text: labelSchema, when: triggerSchema, withAnswers: withAnswersSchema })
  .strict();
export type AdviceRule = z.infer<typeof adviceRuleSchema>;

// ---- effects: what completing a response sets in motion --------------------------------------

export const referralServiceSchema = z.enum(['mental_health_inreach', 'substance_misuse']);

/**
 * A task created when a response is saved (prison reception -> second-stage assessment due in 7
 * days), or a referral (dual diagnosis -> mental health in-reach). Without `when` it always happens.
 * Effects are data, so a revised pathway needs no code change.
 */
export const effectRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('task'),
      id: idSchema,
      taskKind: idSchema,
      title: labelSchema,
      dueInDays: z.number().int().min(0).max(365),
      /** The role the task is for (a prescriber for continuity of treatment); absent = the team. */
      forRole: roleSchema.optional(),
      when: triggerSchema.optional(),
      /** Answers carried with the task (the medicine, dose and last dose the prescriber must confirm). */
      withAnswers: withAnswersSchema,
    })
    .strict(),
  z.object({ kind: z.literal('referral'), id: idSchema, toService: referralServiceSchema, reason: labelSchema, when: triggerSchema.optional() }).strict(),
]);
export type EffectRule = z.infer<typeof effectRuleSchema>;

/** Where a template is offered and how the record shows it. */
export const templateUseSchema = z
  .object({
    category: z.enum(['scale', 'assessment', 'screen']),
    siteTypes: z.array(z.enum(['custody', 'prison', 'community'])).min(1),
    /** Recorded repeatedly over time and charted (COWS, CIWA-Ar). */
    charted: z.boolean().optional(),
    /** Its findings are handed over to the custody officer, verbally and in writing. */
    handover: z.boolean().optional(),
    /**
     * The task kind a saved response completes: the second-stage assessment completes the open
     * 'second-stage-assessment' task (tasks.ts decides which one).
     */
    completesTask: idSchema.optional(),
    /**
     * A wording variant chosen by the site: offered only where the site's setting `setting` is
     * `option` (or, where the site has not chosen, where `option` is the setting's default).
     */
    wording: z.object({ setting: idSchema, option: idSchema }).strict().optional(),
  })
  .strict();
export type TemplateUse = z.infer<typeof templateUseSchema>;

// ---- the template ------------------------------------------------------------------------------

export const templateSchema = z
  .object({
    id: idSchema,
    version: z.number().int().positive(),
    title: labelSchema,
    description: z.string().optional(),
    sections: z.array(sectionSchema).min(1),
    scores: z.array(scoreRuleSchema),
    flags: z.array(flagRuleSchema),
    codes: z.array(codeRuleSchema),
    effects: z.array(effectRuleSchema).optional(),
    advice: z.array(adviceRuleSchema).optional(),
    checks: z.array(checkRuleSchema).optional(),
    use: templateUseSchema.optional(),
  })
  .strict();
export type Template = z.infer<typeof templateSchema>;

/** Every item of a template in the order it is shown. */
export function templateItems(template: Template): Item[] {
  return template.sections.flatMap((s) => s.items);
}

// A clinical template as data (in the spirit of FHIR Questionnaire): items in sections, conditions,
// scoring rules with bands, derived flags and SNOMED CT codes. A new or revised template is a new
// (id, version) of this data, never a code change. Every TypeScript type here is z.infer of its
// schema, so the shape is written once. Checks that need the whole template (unique ids,
// references, band coverage) are in validate-template.ts.
//
// The schemas use no defaults or transforms, so a template's input and output types are the same:
// library templates are typed with `Template` and pass through the schema unchanged.
import { z } from 'zod';

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

// ---- flags and codes ----------------------------------------------------------------------------

/**
 * When a flag or code is derived: a group of answer conditions, or a complete score falling in one
 * of the named bands. An incomplete score never triggers anything (see evaluate.ts).
 */
export const triggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answers'), match: z.enum(['all', 'any']), conditions: z.array(conditionSchema).min(1) }).strict(),
  z.object({ kind: z.literal('scoreBand'), score: idSchema, bands: z.array(labelSchema).min(1) }).strict(),
]);
export type Trigger = z.infer<typeof triggerSchema>;

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
    /** Handling advice for police and other partners (need to know); absent = never shown to partners. */
    partnerAdvice: labelSchema.optional(),
    when: triggerSchema,
  })
  .strict();
export type FlagRule = z.infer<typeof flagRuleSchema>;

export const SNOMED_CT_SYSTEM = 'http://snomed.info/sct';

/** A SNOMED CT concept recorded when the trigger holds. Codes come from a code list (data), never from logic. */
export const codeRuleSchema = z
  .object({ id: idSchema, system: z.literal(SNOMED_CT_SYSTEM), code: z.string(), display: labelSchema, when: triggerSchema })
  .strict();
export type CodeRule = z.infer<typeof codeRuleSchema>;

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
      when: triggerSchema.optional(),
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
    use: templateUseSchema.optional(),
  })
  .strict();
export type Template = z.infer<typeof templateSchema>;

/** Every item of a template in the order it is shown. */
export function templateItems(template: Template): Item[] {
  return template.sections.flatMap((s) => s.items);
}

// What evaluating a template's answers derives: scores with their bands, flags and codes. A saved
// response stores exactly these (response.ts), so what was shown at the desk is what is kept, and
// a later template version cannot change it.
import { z } from 'zod';
import { roleSchema } from '../access/roles';
import { referralServiceSchema, severitySchema } from './template-schema';

export const bandResultSchema = z.object({ label: z.string(), severity: severitySchema, min: z.number().int(), max: z.number().int() });
export type BandResult = z.infer<typeof bandResultSchema>;

/**
 * A total. `complete` is false while an enabled item of the total is unanswered (or invalid): the
 * value is then the points so far, a lower bound, and the band is the band of that lower bound,
 * to be shown as provisional. `band` is null until at least one item is answered.
 */
export const scoreResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().int(),
  max: z.number().int(),
  complete: z.boolean(),
  band: bandResultSchema.nullable(),
});
export type ScoreResult = z.infer<typeof scoreResultSchema>;

/** A flag derived from a rule; `because` says which answers or which score raised it. */
export const derivedFlagSchema = z.object({
  ruleId: z.string(),
  code: z.string(),
  label: z.string(),
  reason: z.string(),
  severity: severitySchema,
  partnerAdvice: z.string().optional(),
  because: z.string(),
});
export type DerivedFlag = z.infer<typeof derivedFlagSchema>;

export const derivedCodeSchema = z.object({ ruleId: z.string(), system: z.string(), code: z.string(), display: z.string() });
export type DerivedCode = z.infer<typeof derivedCodeSchema>;

/** A task or referral that saving this response sets in motion; `because` as for flags. */
export const derivedEffectSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('task'),
    ruleId: z.string(),
    taskKind: z.string(),
    title: z.string(),
    dueInDays: z.number().int(),
    forRole: roleSchema.optional(),
    because: z.string(),
  }),
  z.object({ kind: z.literal('referral'), ruleId: z.string(), toService: referralServiceSchema, reason: z.string(), because: z.string() }),
]);
export type DerivedEffect = z.infer<typeof derivedEffectSchema>;

/** Advice the answers called for (what to do, and why), as shown at the desk and saved with the response. */
export const derivedAdviceSchema = z.object({ ruleId: z.string(), urgency: z.enum(['emergency', 'action']), text: z.string(), because: z.string() });
export type DerivedAdvice = z.infer<typeof derivedAdviceSchema>;

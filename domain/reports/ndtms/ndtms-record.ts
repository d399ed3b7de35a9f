// One treatment episode as the NDTMS return needs it, gathered from the recorded pathway (the SQL
// is db/reports/ndtms-queries.ts): who (prison number, date of birth, sex, ethnicity), the stay, the
// referral and its triage, the treatment, its sub-interventions and how it ended, the prison exit,
// the release plan, and the TOPs at start, review and exit. Validated with zod where the rows enter
// the domain, so a malformed row is an error, never a guessed value.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const days = z.number().int().min(0).max(28).nullable();
const rating = z.number().int().min(0).max(20).nullable();

export const ndtmsTopSchema = z.object({
  date: day.nullable(),
  /** Days used in the 4 weeks by TOP substance key; null not asked or not disclosed. */
  days: z.record(z.string(), days),
  injectingDays: days,
  injectingDeclined: z.boolean(),
  psychologicalHealth: rating,
  physicalHealth: rating,
  qualityOfLife: rating,
});
export type NdtmsTop = z.infer<typeof ndtmsTopSchema>;

export const ndtmsEpisodeSchema = z.object({
  /** The treatment's id: names the record in the error report when it has no client reference. */
  episodeId: z.string().min(1),
  clientRef: z.string().min(1).nullable(),
  birthDate: day.nullable(),
  /** As registered (female, male, other, unknown). */
  sex: z.string().min(1).nullable(),
  /** From the latest treatment details form; null when none is recorded. */
  ethnicity: z.string().min(1).nullable(),
  /** Ever injected, from the treatment details form: null when not asked. */
  injectedEver: z.union([z.boolean(), z.literal('declined')]).nullable(),
  receptionDate: day.nullable(),
  /** Substances treated, most important first (as recorded). */
  substances: z.array(z.string()),
  interventions: z.array(z.string()),
  /** Sub-interventions and recovery support planned (treatment details form). */
  pharmacologicalSub: z.string().min(1).nullable(),
  psychosocialSub: z.string().min(1).nullable(),
  recoverySupport: z.string().min(1).nullable(),
  recoverySupportStart: day.nullable(),
  treatmentStart: day,
  referralDate: day.nullable(),
  /** The day the referral was accepted (triage done). */
  triageDate: day.nullable(),
  dischargeDate: day.nullable(),
  dischargeReason: z.string().nullable(),
  exitDate: day.nullable(),
  /** Why and where to the person left the prison, as chosen on the prison exit form. */
  exitReason: z.string().min(1).nullable(),
  exitDestination: z.string().min(1).nullable(),
  /** The key service referred to on release, and the day. */
  releaseReferral: z.string().nullable(),
  releaseReferralDate: day.nullable(),
  top: ndtmsTopSchema.nullable(),
  /** The latest review TOP and exit TOP of the treatment up to the end of the period. */
  reviewTop: ndtmsTopSchema.nullable(),
  exitTop: ndtmsTopSchema.nullable(),
});
export type NdtmsEpisode = z.infer<typeof ndtmsEpisodeSchema>;

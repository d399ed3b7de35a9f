// One treatment episode as the NDTMS return needs it, gathered from the recorded pathway (the SQL
// is db/reports/ndtms-queries.ts): who (prison number, date of birth), the stay, the referral and
// its triage, the treatment and how it ended, the release plan, and the start TOP. Validated with
// zod where the rows enter the domain, so a malformed row is an error, never a guessed value.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const days = z.number().int().min(0).max(28).nullable();
const rating = z.number().int().min(0).max(20).nullable();

export const ndtmsEpisodeSchema = z.object({
  /** The treatment's id: names the record in the error report when it has no client reference. */
  episodeId: z.string().min(1),
  clientRef: z.string().min(1).nullable(),
  birthDate: day.nullable(),
  receptionDate: day.nullable(),
  /** Substances treated, most important first (as recorded). */
  substances: z.array(z.string()),
  interventions: z.array(z.string()),
  treatmentStart: day,
  referralDate: day.nullable(),
  /** The day the referral was accepted (triage done). */
  triageDate: day.nullable(),
  dischargeDate: day.nullable(),
  dischargeReason: z.string().nullable(),
  exitDate: day.nullable(),
  exitDestination: z.string().nullable(),
  /** The key service referred to on release, and the day. */
  releaseReferral: z.string().nullable(),
  releaseReferralDate: day.nullable(),
  top: z
    .object({
      date: day.nullable(),
      /** Days used in the 4 weeks by TOP substance key; null not asked or not disclosed. */
      days: z.record(z.string(), days),
      injectingDays: days,
      injectingDeclined: z.boolean(),
      psychologicalHealth: rating,
      physicalHealth: rating,
      qualityOfLife: rating,
    })
    .nullable(),
});
export type NdtmsEpisode = z.infer<typeof ndtmsEpisodeSchema>;

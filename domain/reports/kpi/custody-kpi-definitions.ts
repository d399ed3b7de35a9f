// What the custody and reception KPIs count, as data both ends can share: which form is a stay's
// first health assessment, which form and task make the second-stage assessment, which exits are
// transfers to hospital, the time bands, the PACE Code C rousing criteria and the referral
// services. A site's own report and the central's cross-site comparison read these, so the same
// figure means the same thing wherever it is shown (docs/central-kpis.md).
import { custodyHcpAssessment } from '../../templates/library/custody-hcp-assessment';
import { prisonReceptionScreen } from '../../templates/library/prison-reception-screen';
import { prisonSecondStageAssessment } from '../../templates/library/prison-second-stage-assessment';
import { SECOND_STAGE_TASK } from '../../templates/library/reception-rules-v2';
import type { z } from 'zod';
import type { referralServiceSchema } from '../../templates/template-schema';

export const KPI_FORMS = {
  /** A police custody detention's first health assessment (and the answers the KPIs read). */
  custodyFirst: custodyHcpAssessment.id,
  /** A prison stay's first health assessment: the first-stage reception screen. */
  prisonFirst: prisonReceptionScreen.id,
  /** The second-stage health assessment (NICE NG57), due within 7 days of reception. */
  secondStage: prisonSecondStageAssessment.id,
  /** The 7-day task the reception screen sets; closed as done by hand, it counts for a stay with no second-stage form. */
  secondStageTask: SECOND_STAGE_TASK,
} as const;

/** An exit whose reason or destination contains this word (any case) is a transfer to hospital. */
export const HOSPITAL_WORD = 'hospital';

/** Days after arrival within which the second-stage assessment counts as on time (7 x 24 hours). */
export const SECOND_STAGE_DAYS = 7;

/** Time from arrival to the first health assessment: bands in minutes, lower bound inclusive, upper exclusive. */
export const FIRST_ASSESSMENT_BANDS = [
  { id: 'under_30', label: 'Under 30 minutes', from: 0, to: 30 },
  { id: 'from_30_to_60', label: '30 to 59 minutes', from: 30, to: 60 },
  { id: 'from_1_to_2h', label: '1 hour to 1 hour 59', from: 60, to: 120 },
  { id: 'from_2_to_4h', label: '2 hours to 3 hours 59', from: 120, to: 240 },
  { id: 'from_4_to_8h', label: '4 hours to 7 hours 59', from: 240, to: 480 },
  { id: 'over_8h', label: '8 hours or more', from: 480, to: null },
] as const;

/** The custody assessment's answers the KPIs read (item ids of the custody healthcare assessment). */
export const CUSTODY_KPI_ANSWERS = {
  fitToDetain: 'fit-to-detain',
  observationLevel: 'observation-level',
  rousing: 'rousing',
  rouseWakes: 'rouse-wakes',
  rouseAnswers: 'rouse-answers',
  rouseCommands: 'rouse-commands',
} as const;

/** The answer value meaning "not fit to detain: transfer to hospital". */
export const NOT_FIT_HOSPITAL = 'not-fit-hospital';

/**
 * PACE Code C 9.3 and Annex H: a detainee who may be intoxicated, may have swallowed drugs, gives
 * concern about consciousness, has a head injury, is other than alert on AVPU or scores under 15 on
 * the GCS must be roused at least every 30 minutes. A yes/no item meets it when answered yes.
 */
export const ROUSING_CRITERIA = {
  yes: ['intoxicated', 'may-have-swallowed-drugs', 'consciousness-concern', 'head-injury'],
  avpuItem: 'avpu',
  avpuAlert: 'alert',
  gcsItem: 'gcs',
  gcsBelow: 15,
} as const;

/** Rousing frequencies that are at least every 30 minutes. */
export const ROUSING_AT_LEAST_30 = ['30', '15'] as const;

export const OBSERVATION_LEVELS = [
  { value: '1', label: 'Level 1: general observation' },
  { value: '2', label: 'Level 2: intermittent observation' },
  { value: '3', label: 'Level 3: constant observation' },
  { value: '4', label: 'Level 4: close proximity' },
] as const;

export const ROUSING_FREQUENCIES = [
  { value: 'not-required', label: 'Rousing not required' },
  { value: '60', label: 'Rouse every 60 minutes' },
  { value: '30', label: 'Rouse every 30 minutes' },
  { value: '15', label: 'Rouse every 15 minutes' },
] as const;

export const KPI_REFERRAL_SERVICES: readonly { value: z.infer<typeof referralServiceSchema>; label: string }[] = [
  { value: 'mental_health_inreach', label: 'Mental health in-reach' },
  { value: 'substance_misuse', label: 'Substance misuse service' },
];

/** Where a referral stands now: `open` until an outcome is recorded. */
export const REFERRAL_STATUSES = [
  { value: 'open', label: 'Waiting' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'declined', label: 'Declined' },
  { value: 'closed', label: 'Closed' },
] as const;

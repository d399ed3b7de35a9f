// Clinical forms: templates as data, saved responses that are never edited in place, and the
// handover of custody findings to the custody officer.
import { z } from 'zod';
import { answersSchema } from '../../domain/templates/answers';
import { derivedAdviceSchema, derivedCodeSchema, derivedFlagSchema, scoreResultSchema } from '../../domain/templates/result-schema';
import { referralServiceSchema, templateSchema } from '../../domain/templates/template-schema';
import { channel } from './channel';
import { calendarDateTime, requiredName, requiredText, text, uuidSchema } from './common';
import { isoDateTimeSchema } from './stays';

export const templateSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  category: z.enum(['scale', 'assessment', 'screen']),
  charted: z.boolean(),
  handover: z.boolean(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const responseRowSchema = z.object({ itemId: z.string(), label: z.string(), answer: z.string() });

export const savedResponseSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  version: z.number().int(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  title: z.string(),
  status: z.enum(['final', 'amended', 'entered_in_error']),
  /** False for a superseded version (history). */
  current: z.boolean(),
  recordedAt: z.string(),
  /** When the observation was made (the chart's time axis); the recording time unless entered late. */
  observedAt: z.string(),
  /** Recorded more than 30 minutes after the observation. */
  lateEntry: z.boolean(),
  originSite: z.string(),
  recordedByName: z.string(),
  reason: z.string().nullable(),
  answers: answersSchema,
  /** What the answers called for when saved (emergencies first); empty for forms that give none. */
  advice: z.array(derivedAdviceSchema),
  sections: z.array(z.object({ title: z.string(), rows: z.array(responseRowSchema) })),
  scores: z.array(scoreResultSchema),
  flags: z.array(derivedFlagSchema),
  codes: z.array(derivedCodeSchema),
});
export type SavedResponse = z.infer<typeof savedResponseSchema>;

const saveOutcome = z.object({
  responseId: z.string(),
  flagsRaised: z.array(z.string()),
  tasksCreated: z.array(z.string()),
  referralsCreated: z.array(z.string()),
  /** Open tasks this form completed (the 7-day task, by the second-stage assessment). */
  tasksCompleted: z.array(z.string()).default([]),
});

export const formsTemplates = channel({
  input: z.object({}).strict(),
  output: z.object({ templates: z.array(templateSummarySchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'listed forms',
});

export const formsTemplate = channel({
  input: z.object({ id: z.string().max(80), version: z.number().int().positive().nullable() }).strict(),
  output: z.object({ template: templateSchema }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'opened form template',
});

export const formsSave = channel({
  input: z
    .object({
      personId: uuidSchema,
      templateId: z.string().max(80),
      templateVersion: z.number().int().positive(),
      answers: answersSchema,
      /** When the observation was made; null = now. An earlier time makes a late entry, charted at that time. */
      observedAt: calendarDateTime('Time of the observation').nullable().default(null),
    })
    .strict(),
  output: saveOutcome,
  access: { kind: 'permission', permission: 'form.record' },
  auditAction: 'recorded form',
});

export const formsAmend = channel({
  input: z.object({ responseId: uuidSchema, answers: answersSchema, reason: requiredText('Reason for the amendment', 1000) }).strict(),
  output: saveOutcome,
  access: { kind: 'permission', permission: 'form.record' },
  auditAction: 'amended form',
});

export const formsMarkEnteredInError = channel({
  input: z.object({ responseId: uuidSchema, reason: requiredText('Reason', 1000) }).strict(),
  /** tasksReopened: the tasks this entry had completed, open again (titles). */
  output: z.object({ responseId: z.string(), tasksReopened: z.array(z.string()) }),
  access: { kind: 'permission', permission: 'form.record' },
  auditAction: 'marked form entered in error',
});

export const formsList = channel({
  input: z
    .object({ personId: uuidSchema, templateId: z.string().max(80).nullable(), includeHistory: z.boolean().default(false) })
    .strict(),
  output: z.object({ responses: z.array(savedResponseSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed forms',
});

export const handoverSchema = z.object({
  id: z.string(),
  personId: z.string(),
  responseId: z.string(),
  officerName: z.string(),
  officerId: z.string().nullable(),
  acknowledgedAt: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const handoverRecord = channel({
  input: z
    .object({
      personId: uuidSchema,
      responseId: uuidSchema,
      officerName: requiredName('Custody officer name', 120),
      officerId: text('Officer number', 40).nullable(),
      acknowledgedAt: isoDateTimeSchema,
    })
    .strict(),
  output: z.object({ handoverId: z.string() }),
  access: { kind: 'permission', permission: 'handover.record' },
  auditAction: 'recorded handover to custody officer',
});

export const handoverList = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({ handovers: z.array(handoverSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed handovers',
});

export const referralSchema = z.object({
  id: z.string(),
  personId: z.string(),
  toService: referralServiceSchema,
  reason: z.string(),
  status: z.enum(['open', 'accepted', 'declined', 'closed', 'referred_on']),
  createdAt: z.string(),
  sourceResponseId: z.string().nullable(),
  urgency: z.string().nullable().default(null),
  decidedOn: z.string().nullable().default(null),
  decidedBy: z.string().nullable().default(null),
  /** The site that made the referral (another site's arrives by sync; its team decides it). */
  siteCode: z.string(),
});

export const referralsList = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({ referrals: z.array(referralSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed referrals',
});

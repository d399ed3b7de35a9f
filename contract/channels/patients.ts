import { z } from 'zod';
import { checkNhsNumber } from '../../domain/identifiers/nhs-number';
import { channel } from './channel';
import { calendarDate, nameText, requiredName, uuidSchema } from './common';
import { flagSchema } from './flags';
import { aliasInputSchema, aliasSchema, identifierInputSchema, recordIdentifierSchema } from './identity-shapes';
import { staySchema } from './stays';

export const sexSchema = z.enum(['female', 'male', 'other', 'unknown']);
export type Sex = z.infer<typeof sexSchema>;

/** Format and check digit here; whether the 999 test range is allowed is the site's decision (service). */
export const nhsNumberInputSchema = z.string().superRefine((value, ctx) => {
  const check = checkNhsNumber(value, { allowTestNumbers: true });
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
});

export const birthDateSchema = calendarDate('Date of birth');

export const registerPersonInput = z
  .object({
    familyName: requiredName('Family name', 100),
    givenNames: requiredName('Given name', 100),
    title: nameText('Title', 20).nullable(),
    birthDate: birthDateSchema,
    sex: sexSchema,
    nhsNumber: nhsNumberInputSchema.nullable(),
    otherIdentifiers: z.array(identifierInputSchema).max(10).default([]),
    aliases: z.array(aliasInputSchema).max(10).default([]),
    /** Likely duplicates the clinician has seen and rejected; any other candidate refuses the save. */
    reviewedDuplicates: z.array(uuidSchema).max(50).default([]),
  })
  .strict();
export type RegisterPersonInput = z.infer<typeof registerPersonInput>;

export const personSummarySchema = z.object({
  id: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  title: z.string().nullable(),
  birthDate: z.string(),
  sex: sexSchema,
  nhsNumber: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personRecordSchema = personSummarySchema.extend({
  registeredAt: z.string(),
  registeredBy: z.string(),
  originSite: z.string(),
  identifiers: z.array(recordIdentifierSchema),
  aliases: z.array(aliasSchema),
  activeFlags: z.array(flagSchema),
  currentStay: staySchema.nullable(),
  /** Open tasks at this site the banner must show: a handover not yet recorded, anything overdue. */
  taskAlerts: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), dueAt: z.string(), overdue: z.boolean() })),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const patientsRegister = channel({
  input: registerPersonInput,
  output: z.object({ personId: z.string() }),
  access: { kind: 'permission', permission: 'patient.register' },
  auditAction: 'registered person',
});

export const patientsGet = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: personRecordSchema,
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed record',
});

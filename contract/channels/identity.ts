// Identifiers, aliases and likely duplicates (issue 3 "Identity").
import { z } from 'zod';
import { channel } from './channel';
import { nameText, requiredName, requiredText, uuidSchema } from './common';
import { aliasInputSchema, identifierInputSchema } from './identity-shapes';
import { birthDateSchema, personSummarySchema } from './patients';


export const duplicateCandidateSchema = z.object({
  person: personSummarySchema,
  /** Why this person may be the same one: "same NHS number", "same date of birth, similar name (alias Jon SMITH)". */
  reasons: z.array(z.string()),
  strength: z.enum(['identifier', 'name_and_birth_date']),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const patientsFindDuplicates = channel({
  input: z
    .object({
      familyName: requiredName('Family name', 100),
      givenNames: nameText('Given name', 100),
      birthDate: birthDateSchema.nullable(),
      identifiers: z.array(identifierInputSchema).max(10).default([]),
      aliases: z.array(aliasInputSchema).max(10).default([]),
    })
    .strict(),
  output: z.object({ candidates: z.array(duplicateCandidateSchema) }),
  access: { kind: 'permission', permission: 'patient.search' },
  auditAction: 'checked for duplicate records',
});

export const patientsAddIdentifier = channel({
  input: z.object({ personId: uuidSchema, identifier: identifierInputSchema }).strict(),
  output: z.object({ value: z.string() }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'added identifier',
});

export const patientsAddAlias = channel({
  input: z.object({ personId: uuidSchema, alias: aliasInputSchema }).strict(),
  output: z.object({ aliasId: z.string() }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'added alias',
});

export const patientsRetireIdentifier = channel({
  input: z.object({ personId: uuidSchema, identifierId: uuidSchema, reason: requiredText('Reason for retiring the identifier', 500) }).strict(),
  output: z.object({ retired: z.literal(true) }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'retired identifier',
});

export const patientsRetireAlias = channel({
  input: z.object({ personId: uuidSchema, aliasId: uuidSchema, reason: requiredText('Reason for retiring the alias', 500) }).strict(),
  output: z.object({ retired: z.literal(true) }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'retired alias',
});

// Information governance: break-glass, the partner summary, consent and data-sharing agreements,
// and the audit trail for auditors.
import { z } from 'zod';
import { severitySchema } from '../../domain/templates/template-schema';
import { agreementSchema, dataCategorySchema, legalBasisSchema, orgTypeSchema, purposeSchema } from '../../domain/access/disclosure';
import { channel } from './channel';
import { calendarDate, requiredText, text, uuidSchema } from './common';

export const breakGlassStart = channel({
  input: z
    .object({
      personId: uuidSchema,
      reason: requiredText('Reason', 500).refine((r) => r.length >= 10, { error: 'Give the clinical reason in a few words (at least 10 characters)' }),
      minutes: z.number().int().min(5).max(60),
    })
    .strict(),
  output: z.object({ grantId: z.string(), expiresAt: z.string() }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'break-glass started',
  relationship: false,
});

export const breakGlassEnd = channel({
  input: z.object({ grantId: uuidSchema }).strict(),
  output: z.object({ ended: z.literal(true) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'break-glass ended',
  relationship: false,
});

export const breakGlassGrantSchema = z.object({
  id: z.string(),
  userName: z.string(),
  personId: z.string(),
  personName: z.string(),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});

export const breakGlassReviews = channel({
  input: z.object({ pendingOnly: z.boolean().default(true) }).strict(),
  output: z.object({ grants: z.array(breakGlassGrantSchema) }),
  access: { kind: 'permission', permission: 'governance.review' },
  auditAction: 'viewed break-glass review list',
});

export const breakGlassReview = channel({
  input: z.object({ grantId: uuidSchema, note: requiredText('Review note', 1000) }).strict(),
  output: z.object({ reviewed: z.literal(true) }),
  access: { kind: 'permission', permission: 'governance.review' },
  auditAction: 'reviewed break-glass',
});

export const partnerSummarySchema = z.object({
  person: z.object({ id: z.string(), familyName: z.string(), givenNames: z.string(), birthDate: z.string() }),
  inCustodySince: z.string().nullable(),
  advice: z.array(z.object({ label: z.string(), severity: severitySchema, advice: z.string(), fromClinician: z.boolean(), since: z.string() })),
  contacts: z.array(z.object({ name: z.string(), role: z.string() })),
});

export const patientsSummary = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: partnerSummarySchema,
  access: { kind: 'permission', permission: 'patient.summary' },
  auditAction: 'viewed need-to-know summary',
});

export const consentSchema = z.object({
  id: z.string(),
  decision: z.enum(['share', 'do_not_share']),
  categories: z.array(dataCategorySchema),
  legalBasis: legalBasisSchema,
  decidedOn: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  notes: z.string().nullable(),
  /** The site that recorded the decision (another site's arrives by sync). */
  originSite: z.string(),
});

export const consentRecord = channel({
  input: z
    .object({
      personId: uuidSchema,
      decision: z.enum(['share', 'do_not_share']),
      categories: z.array(dataCategorySchema).min(1, { error: 'Choose what the decision covers' }),
      legalBasis: legalBasisSchema,
      decidedOn: calendarDate('Date of the decision'),
      notes: text('Notes', 1000).nullable(),
    })
    .strict(),
  output: z.object({ consentId: z.string() }),
  access: { kind: 'permission', permission: 'patient.update' },
  auditAction: 'recorded consent decision',
});

export const consentList = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({ consents: z.array(consentSchema) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'viewed consent decisions',
});

export const agreementsList = channel({
  input: z.object({}).strict(),
  output: z.object({ agreements: z.array(agreementSchema) }),
  // Agreements hold no patient data: any signed-in member of staff (and the administrator who keeps them) may read them.
  access: { kind: 'signedIn' },
  auditAction: 'listed data-sharing agreements',
});

export const agreementsSave = channel({
  input: z
    .object({
      // The agreement's own schema checks its dates are dates; these keep them in the range every channel uses.
      agreement: agreementSchema.superRefine((a, ctx) => {
        for (const [field, value] of [['validFrom', a.validFrom], ['validTo', a.validTo]] as const) {
          if (value === null) continue;
          const check = calendarDate(field === 'validFrom' ? 'Valid from' : 'Valid to').safeParse(value);
          if (!check.success) ctx.addIssue({ code: 'custom', path: [field], message: check.error.issues[0]?.message ?? 'not a real date' });
        }
      }),
    })
    .strict(),
  output: z.object({ saved: z.literal(true) }),
  access: { kind: 'permission', permission: 'site.configure' },
  auditAction: 'saved data-sharing agreement',
});

export const disclosureCheck = channel({
  input: z
    .object({
      personId: uuidSchema,
      toOrgType: orgTypeSchema,
      purpose: purposeSchema,
      categories: z.array(dataCategorySchema).min(1),
    })
    .strict(),
  output: z.object({
    outcome: z.enum(['permit', 'permit_with_redactions', 'deny']),
    permitted: z.array(dataCategorySchema),
    withheld: z.array(z.object({ category: dataCategorySchema, rule: z.string() })),
    rule: z.string(),
  }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'checked a disclosure',
});

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  /** The staff member's full name (their account today), when the row names an account. */
  fullName: z.string().nullable(),
  roles: z.string().nullable(),
  action: z.string(),
  channel: z.string(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  reason: z.string().nullable(),
});

export const auditPersonAccess = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: z.object({ events: z.array(auditEventSchema) }),
  access: { kind: 'permission', permission: 'audit.read' },
  auditAction: "viewed a person's access history",
  relationship: false,
});

export const auditVerify = channel({
  input: z.object({}).strict(),
  output: z.object({ ok: z.boolean(), rows: z.number().int(), firstBadSeq: z.number().int().nullable(), problem: z.string().nullable() }),
  access: { kind: 'permission', permission: 'audit.read' },
  auditAction: 'verified the audit chain',
});

export const auditRecordPrint = channel({
  input: z.object({ personId: uuidSchema, document: requiredText('Document', 120) }).strict(),
  output: z.object({ recorded: z.literal(true) }),
  access: { kind: 'permission', permission: 'patient.view' },
  auditAction: 'printed',
});

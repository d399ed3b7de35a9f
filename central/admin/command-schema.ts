// The administration commands as data (validated at the admin socket and built by the CLI). Kept
// apart from the code that runs them so the CLI can send one without loading the database drivers.
import { z } from 'zod';
import { siteCodeSchema } from '../../contract/sync/envelope';
import { orgTypeSchema } from '../../domain/access/disclosure';
import { leadIdSchema, leadNameSchema } from '../ca/lead-names';

/** The identifier types a disclosure query can name (the national ones a lookup uses). */
export const auditIdentifierTypeSchema = z.enum(['nhs_number', 'chi_number', 'nomis_number', 'pnc_id']);

const isoDate = z.iso.date();

export const adminCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('site.register'), csrPem: z.string().min(1).max(20_000), code: siteCodeSchema, orgType: orgTypeSchema, name: z.string().trim().min(1).max(120), days: z.number().int().min(1).max(825) }).strict(),
  z.object({ command: z.literal('site.revoke'), code: siteCodeSchema, fingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional() }).strict(),
  z.object({ command: z.literal('site.list') }).strict(),
  z.object({ command: z.literal('lead.register'), csrPem: z.string().min(1).max(20_000), id: leadIdSchema, name: leadNameSchema, days: z.number().int().min(1).max(825) }).strict(),
  z.object({ command: z.literal('lead.revoke'), id: leadIdSchema, fingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional() }).strict(),
  z.object({ command: z.literal('lead.list') }).strict(),
  z.object({ command: z.literal('agreement.load'), source: z.string(), content: z.unknown() }).strict(),
  z.object({ command: z.literal('agreement.list') }).strict(),
  z
    .object({
      command: z.literal('disclosures.query'),
      identifier: z.object({ type: auditIdentifierTypeSchema, value: z.string().min(1).max(40) }).strict().optional(),
      personId: z.uuid().optional(),
      site: siteCodeSchema.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(10_000).default(500),
      requestedBy: z.string().min(1).max(200),
    })
    .strict(),
  z.object({ command: z.literal('disclosures.verify') }).strict(),
  z.object({ command: z.literal('conflicts.list'), openOnly: z.boolean() }).strict(),
  z.object({ command: z.literal('anchors.list'), site: siteCodeSchema }).strict(),
]);
export type AdminCommand = z.infer<typeof adminCommandSchema>;

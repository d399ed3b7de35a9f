// Governance leads: registered from a CSR (the lead's private key is made on the lead's own
// computer, or by the CLI, never by the running central), listed, and revoked like sites. A lead's
// certificate is the region CA's but carries only urn:sonar:lead:<id>, so the central tells it
// from a site's before anything else (server/identity.ts).
import { sql } from 'drizzle-orm';
import { rowsOf, type CentralTx } from '../db/open';
import type { AdminCommand } from './command-schema';
import { AdminError, revokedEntries, type AdminContext } from './admin-context';

export async function registerLead(ctx: AdminContext, c: Extract<AdminCommand, { command: 'lead.register' }>) {
  const now = ctx.now();
  const issued = await ctx.ca.signLeadCsr(c.csrPem, c.id, c.name, now, c.days);
  await ctx.store.db.transaction(async (raw) => {
    const tx = raw as CentralTx;
    await tx.execute(sql`INSERT INTO leads (id, name, registered_at) VALUES (${c.id}, ${c.name}, ${now.toISOString()}) ON CONFLICT (id) DO UPDATE SET name = excluded.name`);
    await tx.execute(sql`
      INSERT INTO lead_certificates (fingerprint, lead_id, serial, san, not_before, not_after, issued_at, pem)
      VALUES (${issued.fingerprint}, ${c.id}, ${issued.serial}, ${issued.san}, ${issued.notBefore.toISOString()}, ${issued.notAfter.toISOString()},
              ${now.toISOString()}, ${issued.pem})`);
  });
  ctx.afterIdentityChange?.();
  return { lead: c.id, name: c.name, san: issued.san, fingerprint: issued.fingerprint, serial: issued.serial, notAfter: issued.notAfter.toISOString(), certificatePem: issued.pem, caPem: ctx.ca.certPem };
}

export async function revokeLead(ctx: AdminContext, id: string, fingerprint: string | undefined) {
  const now = ctx.now();
  const revoked = rowsOf<{ fingerprint: string; serial: string }>(
    await ctx.store.db.execute(
      fingerprint
        ? sql`UPDATE lead_certificates SET revoked_at = ${now.toISOString()} WHERE lead_id = ${id} AND fingerprint = ${fingerprint} AND revoked_at IS NULL RETURNING fingerprint, serial`
        : sql`UPDATE lead_certificates SET revoked_at = ${now.toISOString()} WHERE lead_id = ${id} AND revoked_at IS NULL RETURNING fingerprint, serial`,
    ),
  );
  if (revoked.length === 0) throw new AdminError(fingerprint ? `governance lead ${id} has no active certificate ${fingerprint}` : `governance lead ${id} has no active certificate`);
  await ctx.ca.writeCrl(await revokedEntries(ctx.store), now);
  ctx.afterIdentityChange?.();
  return { lead: id, revoked, crl: ctx.ca.crlPath };
}

export async function listLeads(ctx: AdminContext) {
  return rowsOf(
    await ctx.store.db.execute(sql`
      SELECT l.id, l.name, l.registered_at,
             count(c.fingerprint) FILTER (WHERE c.revoked_at IS NULL) AS active_certificates,
             max(c.not_after) FILTER (WHERE c.revoked_at IS NULL) AS valid_until
      FROM leads l LEFT JOIN lead_certificates c ON c.lead_id = l.id GROUP BY l.id ORDER BY l.id`),
  );
}

// The region administrator's and governance lead's commands, as data: the CLI builds one, and it
// runs either inside the running central (through its owner-only admin socket) or directly on the
// database when the central is stopped. The same function does the work in both cases.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../contract/sync/canonical-json';
import { CENTRAL_ORIGIN } from '../../contract/sync/wire';
import { agreementSchema } from '../../domain/access/disclosure';
import { appendDisclosures, fromRow, verifyDisclosureChain, type StoredDisclosure } from '../audit/disclosure-log';
import { rowsOf, type CentralTx } from '../db/open';
import { describeIssues, sha256Hex } from '../push/check-event';
import { AdminError, revokedEntries, type AdminContext } from './admin-context';
import type { AdminCommand } from './command-schema';
import { listLeads, registerLead, revokeLead } from './lead-commands';

export { adminCommandSchema, type AdminCommand } from './command-schema';
export { AdminError, revokedEntries, type AdminContext } from './admin-context';

export async function runAdminCommand(ctx: AdminContext, command: AdminCommand): Promise<unknown> {
  switch (command.command) {
    case 'site.register':
      return registerSite(ctx, command);
    case 'site.revoke':
      return revokeSite(ctx, command.code, command.fingerprint);
    case 'site.list':
      return rowsOf(
        await ctx.store.db.execute(sql`
          SELECT s.code, s.name, s.org_type, s.last_batch_seq, s.last_push_at,
                 count(c.fingerprint) FILTER (WHERE c.revoked_at IS NULL) AS active_certificates
          FROM sites s LEFT JOIN site_certificates c ON c.site_code = s.code GROUP BY s.code ORDER BY s.code`),
      );
    case 'lead.register':
      return registerLead(ctx, command);
    case 'lead.revoke':
      return revokeLead(ctx, command.id, command.fingerprint);
    case 'lead.list':
      return listLeads(ctx);
    case 'agreement.load':
      return loadAgreements(ctx, command.source, command.content);
    case 'agreement.list':
      return rowsOf(await ctx.store.db.execute(sql`SELECT id, version, body, loaded_at FROM agreements ORDER BY id, version`));
    case 'disclosures.query':
      return queryDisclosures(ctx, command);
    case 'disclosures.verify':
      return verifyDisclosureChain(ctx.store.db);
    case 'conflicts.list':
      return rowsOf(
        await ctx.store.db.execute(
          command.openOnly
            ? sql`SELECT * FROM conflicts WHERE status = 'open' ORDER BY created_at`
            : sql`SELECT * FROM conflicts ORDER BY created_at`,
        ),
      );
    case 'anchors.list':
      return rowsOf(await ctx.store.db.execute(sql`SELECT batch_seq, count, hash, received_at, anomaly FROM audit_anchors WHERE site_code = ${command.site} ORDER BY id`));
  }
}

async function registerSite(ctx: AdminContext, c: Extract<AdminCommand, { command: 'site.register' }>) {
  if (c.code === CENTRAL_ORIGIN) throw new AdminError(`${CENTRAL_ORIGIN} is reserved for the central record's own events`);
  const now = ctx.now();
  const issued = await ctx.ca.signSiteCsr(c.csrPem, c.code, now, c.days);
  await ctx.store.db.transaction(async (raw) => {
    const tx = raw as CentralTx;
    const existing = rowsOf<{ org_type: string }>(await tx.execute(sql`SELECT org_type FROM sites WHERE code = ${c.code}`))[0];
    if (existing && existing.org_type !== c.orgType) {
      throw new AdminError(`site ${c.code} is registered as ${existing.org_type}, not ${c.orgType}; an organisation type does not change`);
    }
    if (!existing) {
      await tx.execute(sql`INSERT INTO sites (code, name, org_type, registered_at) VALUES (${c.code}, ${c.name}, ${c.orgType}, ${now.toISOString()})`);
    } else {
      await tx.execute(sql`UPDATE sites SET name = ${c.name} WHERE code = ${c.code}`);
    }
    await tx.execute(sql`
      INSERT INTO site_certificates (fingerprint, site_code, serial, san, not_before, not_after, issued_at, pem)
      VALUES (${issued.fingerprint}, ${c.code}, ${issued.serial}, ${issued.san}, ${issued.notBefore.toISOString()}, ${issued.notAfter.toISOString()},
              ${now.toISOString()}, ${issued.pem})`);
  });
  ctx.afterIdentityChange?.();
  return { site: c.code, orgType: c.orgType, fingerprint: issued.fingerprint, serial: issued.serial, notAfter: issued.notAfter.toISOString(), certificatePem: issued.pem, caPem: ctx.ca.certPem };
}

async function revokeSite(ctx: AdminContext, code: string, fingerprint: string | undefined) {
  const now = ctx.now();
  const revoked = rowsOf<{ fingerprint: string; serial: string }>(
    await ctx.store.db.execute(
      fingerprint
        ? sql`UPDATE site_certificates SET revoked_at = ${now.toISOString()} WHERE site_code = ${code} AND fingerprint = ${fingerprint} AND revoked_at IS NULL RETURNING fingerprint, serial`
        : sql`UPDATE site_certificates SET revoked_at = ${now.toISOString()} WHERE site_code = ${code} AND revoked_at IS NULL RETURNING fingerprint, serial`,
    ),
  );
  if (revoked.length === 0) throw new AdminError(fingerprint ? `site ${code} has no active certificate ${fingerprint}` : `site ${code} has no active certificate`);
  await ctx.ca.writeCrl(await revokedEntries(ctx.store), now);
  ctx.afterIdentityChange?.();
  return { site: code, revoked, crl: ctx.ca.crlPath };
}

async function loadAgreements(ctx: AdminContext, source: string, content: unknown) {
  const list = Array.isArray(content) ? content : [content];
  if (list.length === 0) throw new AdminError(`${source}: no agreements in the file`);
  const parsed = list.map((item, i) => {
    const result = agreementSchema.safeParse(item);
    if (!result.success) throw new AdminError(`${source}${list.length > 1 ? ` [${i}]` : ''}: ${describeIssues(result.error, 10)}`);
    return result.data;
  });
  const now = ctx.now();
  const outcome = await ctx.store.db.transaction(async (raw) => {
    const tx = raw as CentralTx;
    const loaded: string[] = [];
    const unchanged: string[] = [];
    for (const a of parsed) {
      const hash = sha256Hex(canonicalJson(a));
      const versions = rowsOf<{ version: number; content_hash: string }>(await tx.execute(sql`SELECT version, content_hash FROM agreements WHERE id = ${a.id}`));
      const same = versions.find((v) => v.version === a.version);
      if (same) {
        if (same.content_hash !== hash) throw new AdminError(`${a.id} v${a.version} is already loaded with different content: give the change a new version number`);
        unchanged.push(`${a.id} v${a.version}`);
        continue;
      }
      const latest = Math.max(0, ...versions.map((v) => v.version));
      if (a.version < latest) throw new AdminError(`${a.id} v${a.version} is older than the loaded v${latest}`);
      await tx.execute(sql`INSERT INTO agreements (id, version, body, content_hash, loaded_at) VALUES (${a.id}, ${a.version}, ${JSON.stringify(a)}::jsonb, ${hash}, ${now.toISOString()})`);
      loaded.push(`${a.id} v${a.version}`);
    }
    return { loaded, unchanged };
  });
  if (outcome.loaded.length > 0) ctx.afterPolicyChange?.();
  return outcome;
}

async function queryDisclosures(ctx: AdminContext, q: Extract<AdminCommand, { command: 'disclosures.query' }>): Promise<{ rows: StoredDisclosure[]; auditId: string }> {
  return ctx.store.db.transaction(async (raw) => {
    const tx = raw as CentralTx;
    let persons: string[] = [];
    if (q.identifier) {
      persons = rowsOf<{ person_id: string }>(
        await tx.execute(sql`SELECT DISTINCT person_id FROM identifiers WHERE type = ${q.identifier.type} AND value = ${q.identifier.value}`),
      ).map((r) => r.person_id);
    }
    const conditions = [sql`kind <> 'audit_query'`];
    if (q.identifier) {
      conditions.push(sql`((identifier_type = ${q.identifier.type} AND identifier_value = ${q.identifier.value})
        OR person_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(persons)}::jsonb)::uuid))`);
    }
    if (q.personId) conditions.push(sql`person_id = ${q.personId}`);
    if (q.site) conditions.push(sql`site_code = ${q.site}`);
    if (q.from) conditions.push(sql`at >= ${q.from}::date`);
    if (q.to) conditions.push(sql`at < (${q.to}::date + 1)`);
    const rows = rowsOf<Parameters<typeof fromRow>[0]>(
      await tx.execute(sql`SELECT * FROM disclosures WHERE ${sql.join(conditions, sql` AND `)} ORDER BY seq LIMIT ${q.limit}`),
    ).map(fromRow);
    const auditId = uuidv7();
    // Looking at who saw a person's record is itself recorded.
    await appendDisclosures(tx, [
      {
        id: auditId,
        at: ctx.now(),
        kind: 'audit_query',
        siteCode: null,
        userId: null,
        userName: q.requestedBy,
        userRole: 'governance',
        purpose: null,
        personId: q.personId ?? null,
        identifierType: q.identifier?.type ?? null,
        identifierValue: q.identifier?.value ?? null,
        outcome: 'answered',
        permitted: [],
        withheld: [],
        rule: 'disclosure audit query',
        agreementRefs: [],
        eventCount: rows.length,
        detail: { site: q.site ?? null, from: q.from ?? null, to: q.to ?? null },
      },
    ]);
    return { rows, auditId };
  });
}

// Who is calling: TLS has already checked the client certificate chains to the region CA, is in
// date and is not on the CRL. Here the certificate must also be one the central registered (by
// SHA-256 fingerprint, not revoked), and its names must match what it was registered as: a site's
// certificate names the site by one DNS name; a governance lead's names the lead by one URI
// urn:sonar:lead:<id> and has no DNS name. Every request is checked, so a revocation reaches
// connections that were open before it.
import { sql } from 'drizzle-orm';
import type { TLSSocket } from 'node:tls';
import { orgTypeSchema, type OrgType } from '../../domain/access/disclosure';
import { normaliseFingerprint } from '../ca/certificates';
import { altNamesOf } from '../ca/lead-names';
import { rowsOf, type CentralStore } from '../db/open';

export interface SiteIdentity {
  code: string;
  name: string;
  orgType: OrgType;
  fingerprint: string;
  certificateNotAfter: Date;
}

/** A person who governs the region: sees aggregate reports, never a site's sync endpoints. */
export interface LeadIdentity {
  id: string;
  name: string;
  fingerprint: string;
  certificateNotAfter: Date;
}

export type Caller = { kind: 'site'; site: SiteIdentity } | { kind: 'lead'; lead: LeadIdentity };

export type IdentityResult = { ok: true; caller: Caller } | { ok: false; code: 'unknown_certificate' | 'revoked' | 'wrong_site'; message: string };

/** DNS names in Node's `subjectaltname` text ("DNS:CUST01, IP Address:..."). */
export function dnsNames(subjectAltName: string | undefined): string[] {
  return altNamesOf(subjectAltName, 'DNS');
}

interface CertRow {
  kind: 'site' | 'lead';
  holder: string;
  san: string;
  revoked_at: string | Date | null;
  not_after: string | Date;
  name: string;
  org_type: string | null;
}

export class IdentityResolver {
  private cache = new Map<string, { row: CertRow | null; at: number }>();

  constructor(
    private readonly store: CentralStore,
    private readonly ttlMs = 30_000,
  ) {}

  /** Forget what was read: after a revocation or a registration. */
  clear(): void {
    this.cache = new Map();
  }

  async identify(socket: TLSSocket): Promise<IdentityResult> {
    const peer = socket.getPeerCertificate();
    if (!socket.authorized || !peer || !peer.fingerprint256) return { ok: false, code: 'unknown_certificate', message: 'no verified client certificate' };
    const fingerprint = normaliseFingerprint(peer.fingerprint256);
    const row = await this.row(fingerprint);
    if (!row) return { ok: false, code: 'unknown_certificate', message: 'this certificate was not registered at the central' };
    const who = row.kind === 'site' ? `site ${row.holder}` : `governance lead ${row.holder}`;
    if (row.revoked_at !== null) return { ok: false, code: 'revoked', message: `this certificate of ${who} was revoked` };
    const dns = dnsNames(peer.subjectaltname);
    const uris = altNamesOf(peer.subjectaltname, 'URI');
    const certificateNotAfter = new Date(row.not_after);
    if (row.kind === 'lead') {
      if (dns.length !== 0 || uris.length !== 1 || uris[0] !== row.san) {
        return { ok: false, code: 'wrong_site', message: `the certificate's names (${[...dns, ...uris].join(', ') || 'none'}) do not name ${who}` };
      }
      return { ok: true, caller: { kind: 'lead', lead: { id: row.holder, name: row.name, fingerprint, certificateNotAfter } } };
    }
    if (dns.length !== 1 || dns[0] !== row.san) {
      return { ok: false, code: 'wrong_site', message: `the certificate's SAN (${dns.join(', ') || 'none'}) does not name site ${row.holder}` };
    }
    return {
      ok: true,
      caller: { kind: 'site', site: { code: row.holder, name: row.name, orgType: orgTypeSchema.parse(row.org_type), fingerprint, certificateNotAfter } },
    };
  }

  private async row(fingerprint: string): Promise<CertRow | null> {
    const hit = this.cache.get(fingerprint);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.row;
    const row =
      rowsOf<CertRow>(
        await this.store.db.execute(sql`
          SELECT 'site' AS kind, c.site_code AS holder, c.san, c.revoked_at, c.not_after, s.name, s.org_type
          FROM site_certificates c JOIN sites s ON s.code = c.site_code WHERE c.fingerprint = ${fingerprint}
          UNION ALL
          SELECT 'lead' AS kind, c.lead_id AS holder, c.san, c.revoked_at, c.not_after, l.name, NULL AS org_type
          FROM lead_certificates c JOIN leads l ON l.id = c.lead_id WHERE c.fingerprint = ${fingerprint}`),
      )[0] ?? null;
    this.cache.set(fingerprint, { row, at: Date.now() });
    return row;
  }
}

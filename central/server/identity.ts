// Who is calling: TLS has already checked the client certificate chains to the region CA, is in
// date and is not on the CRL. Here the certificate must also be one the central registered (by
// SHA-256 fingerprint, not revoked) and its SAN must name the site it was registered for. Every
// request is checked, so a revocation reaches connections that were open before it.
import { sql } from 'drizzle-orm';
import type { TLSSocket } from 'node:tls';
import { orgTypeSchema, type OrgType } from '../../domain/access/disclosure';
import { normaliseFingerprint } from '../ca/certificates';
import { rowsOf, type CentralStore } from '../db/open';

export interface SiteIdentity {
  code: string;
  name: string;
  orgType: OrgType;
  fingerprint: string;
  certificateNotAfter: Date;
}

export type IdentityResult = { ok: true; site: SiteIdentity } | { ok: false; code: 'unknown_certificate' | 'revoked' | 'wrong_site'; message: string };

/** DNS names in Node's `subjectaltname` text ("DNS:CUST01, IP Address:..."). */
export function dnsNames(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  return subjectAltName
    .split(/,\s*/)
    .filter((part) => part.startsWith('DNS:'))
    .map((part) => part.slice(4));
}

interface CertRow {
  site_code: string;
  san: string;
  revoked_at: string | Date | null;
  not_after: string | Date;
  name: string;
  org_type: string;
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
    if (row.revoked_at !== null) return { ok: false, code: 'revoked', message: `this certificate of site ${row.site_code} was revoked` };
    const names = dnsNames(peer.subjectaltname);
    if (names.length !== 1 || names[0] !== row.san) {
      return { ok: false, code: 'wrong_site', message: `the certificate's SAN (${names.join(', ') || 'none'}) does not name site ${row.site_code}` };
    }
    return {
      ok: true,
      site: { code: row.site_code, name: row.name, orgType: orgTypeSchema.parse(row.org_type), fingerprint, certificateNotAfter: new Date(row.not_after) },
    };
  }

  private async row(fingerprint: string): Promise<CertRow | null> {
    const hit = this.cache.get(fingerprint);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.row;
    const row =
      rowsOf<CertRow>(
        await this.store.db.execute(sql`
          SELECT c.site_code, c.san, c.revoked_at, c.not_after, s.name, s.org_type
          FROM site_certificates c JOIN sites s ON s.code = c.site_code WHERE c.fingerprint = ${fingerprint}`),
      )[0] ?? null;
    this.cache.set(fingerprint, { row, at: Date.now() });
    return row;
  }
}

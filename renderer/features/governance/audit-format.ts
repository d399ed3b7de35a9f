// How the audit trail reads for an auditor: roles by their labels, outcomes in words, and which
// text is a record id.
import { roleLabels, roleSchema } from '../../../domain/access/roles';

export type AuditOutcome = 'ok' | 'refused' | 'failed';

export const outcomeLabels: Record<AuditOutcome, string> = { ok: 'Done', refused: 'Refused', failed: 'Failed' };

/** "custody_hcp,site_admin" as "Custody healthcare professional, Site administrator". */
export function rolesText(roles: string | null): string {
  if (!roles) return 'Not known';
  return roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const role = roleSchema.safeParse(r);
      return role.success ? roleLabels[role.data] : r;
    })
    .join(', ');
}

/** Staff by name, with the account name beside it: "Alex Morgan (alex.morgan)". */
export function staffText(fullName: string | null, username: string | null): string {
  if (fullName && username) return `${fullName} (${username})`;
  return fullName ?? username ?? 'Not known';
}

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A pasted record id, tidied (spaces, case, quotes), or null when it is not one. */
export function readRecordId(text: string): string | null {
  const id = text.trim().replace(/^["'<]+|["'>]+$/g, '').toLowerCase();
  return RECORD_ID.test(id) ? id : null;
}

export function verifyText(v: { ok: boolean; rows: number; firstBadSeq: number | null; problem: string | null }): string {
  if (v.ok) return `The audit trail is intact: ${v.rows} ${v.rows === 1 ? 'entry' : 'entries'} checked, none changed or removed.`;
  const where = v.firstBadSeq === null ? '' : ` at entry ${v.firstBadSeq}`;
  return `The audit trail has been tampered with${where}: ${v.problem ?? 'the chain does not verify'}. Tell the information governance lead and site IT now.`;
}

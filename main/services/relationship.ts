// Enforces the legitimate-relationship rule (domain/access/legitimate-relationship.ts) for every
// call that names a person, and records the end of break-glass grants that have run out.
import { decideRelationship } from '../../domain/access/legitimate-relationship';
import { rolePermissions } from '../../domain/access/roles';
import type { Session } from './sessions';
import type { Call } from './call';
import { ServiceError } from './service-error';

/** Records the end of the user's break-glass grants that have expired (one audit row each). */
export function closeLapsedGrants(call: Call, session: Session, everything = false): void {
  const now = call.env.now();
  const nowIso = now.toISOString();
  const grants = everything ? call.reads.access.openGrants(session.userId) : call.reads.access.lapsedGrants(session.userId, nowIso);
  for (const grant of grants) {
    const endedAt = grant.expiresAt < nowIso ? grant.expiresAt : nowIso;
    call.env.store.write(
      { originSite: call.site.siteCode, now, newId: call.env.newId, author: null },
      (w) => w.access.endGrant(grant.id, endedAt),
      () => ({
        ...call.auditEntry('ok', everything ? 'signed out' : 'time limit reached', now),
        channel: 'access.breakGlass',
        action: 'break-glass ended',
        personId: grant.personId,
        detail: JSON.stringify({ grantId: grant.id, endedAt }),
      }),
    );
  }
}

/** Throws `break_glass_required` unless the caller has a legitimate relationship with the person. */
export function requireRelationship(call: Call, personId: string): void {
  const session = call.requireSession();
  const person = call.reads.persons.get(personId);
  if (!person) return; // the service answers not_found
  closeLapsedGrants(call, session);
  const now = call.env.now();
  const grant = call.reads.access.activeGrant(session.userId, personId, now.toISOString());
  const decision = decideRelationship({
    siteCode: call.site.siteCode,
    now,
    registration: { siteCode: person.originSite, at: person.createdAt },
    stays: call.reads.stays.forPerson(personId),
    onCaseload: false,
    lookup: call.env.store.sync.activeLookup(personId, now.toISOString()),
    breakGlassUntil: grant?.expiresAt ?? null,
  });
  call.note = { personId };
  // The rule (and the break-glass grant, if that is what allowed it) stays on every audit row of the call.
  call.accessBasis = { rule: decision.rule, breakGlassGrantId: decision.allowed && grant && decision.rule.startsWith('break-glass') ? grant.id : null };
  if (!decision.allowed) {
    // Partners cannot break glass: tell them what they can do instead.
    if (!session.roles.some((r) => rolePermissions[r].includes('patient.view'))) {
      throw new ServiceError('break_glass_required', 'This person is not in custody at this site, so their summary is not available here. Contact the healthcare team.');
    }
    throw new ServiceError(
      'break_glass_required',
      'This person is not in your care at this site. To open the record in an emergency, give your reason (break-glass): it is recorded and reviewed.',
    );
  }
}

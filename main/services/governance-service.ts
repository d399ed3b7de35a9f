// Break-glass, the partner summary, consent decisions and data-sharing agreements.
import { addMinutes } from 'date-fns';
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import { agreementSchema, consentDecisionSchema, decideDisclosure, type OrgType } from '../../domain/access/disclosure';
import { roleLabels } from '../../domain/access/roles';
import { partnerAdviceFor } from '../../domain/access/partner-advice';
import { severitySchema } from '../../domain/templates/template-schema';
import type { Call } from './call';
import { ServiceError } from './service-error';

function requirePerson(call: Call, personId: string) {
  const person = call.reads.persons.get(personId);
  if (!person) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  return person;
}

export function startBreakGlass(input: ParsedInput<'access.breakGlass'>, call: Call): ChannelOutput<'access.breakGlass'> {
  const session = call.requireSession();
  requirePerson(call, input.personId);
  const now = call.env.now();
  const expiresAt = addMinutes(now, input.minutes).toISOString();
  const grantId = call.env.newId();
  call.write(
    (w) =>
      w.access.insertGrant({
        id: grantId,
        userId: session.userId,
        userName: session.fullName,
        personId: input.personId,
        reason: input.reason,
        startedAt: now.toISOString(),
        expiresAt,
      }),
    () => ({ personId: input.personId, detail: { grantId, minutes: input.minutes, reason: input.reason } }),
  );
  return { grantId, expiresAt };
}

export function endBreakGlass(input: ParsedInput<'access.endBreakGlass'>, call: Call): ChannelOutput<'access.endBreakGlass'> {
  const session = call.requireSession();
  const grant = call.reads.access.grant(input.grantId);
  if (!grant || grant.userId !== session.userId) throw new ServiceError('not_found', 'No such break-glass access of yours.');
  if (grant.endedAt) throw new ServiceError('conflict', 'This break-glass access has already ended.');
  call.write(
    (w) => w.access.endGrant(grant.id, call.env.now().toISOString()),
    () => ({ personId: grant.personId, detail: { grantId: grant.id } }),
  );
  return { ended: true };
}

export function breakGlassReviews(input: ParsedInput<'access.breakGlassReviews'>, call: Call): ChannelOutput<'access.breakGlassReviews'> {
  const grants = call.reads.access.grants(input.pendingOnly);
  const people = new Map(call.reads.identity.summaries([...new Set(grants.map((g) => g.personId))]).map((p) => [p.id, p]));
  return {
    grants: grants.map((g) => {
      const p = people.get(g.personId);
      return {
        id: g.id,
        userName: g.userName,
        personId: g.personId,
        personName: p ? `${p.familyName.toUpperCase()}, ${p.givenNames}` : 'Not known',
        reason: g.reason,
        startedAt: g.startedAt,
        expiresAt: g.expiresAt,
        endedAt: g.endedAt,
        reviewedAt: g.reviewedAt,
        reviewNote: g.reviewNote,
      };
    }),
  };
}

export function reviewBreakGlass(input: ParsedInput<'access.reviewBreakGlass'>, call: Call): ChannelOutput<'access.reviewBreakGlass'> {
  const session = call.requireSession();
  const grant = call.reads.access.grant(input.grantId);
  if (!grant) throw new ServiceError('not_found', 'No such break-glass access.');
  call.write(
    (w) => {
      if (!w.access.reviewGrant(grant.id, { reviewedAt: call.env.now().toISOString(), reviewedBy: session.userId, reviewNote: input.note })) {
        throw new ServiceError('conflict', 'This break-glass access has already been reviewed.');
      }
    },
    () => ({ personId: grant.personId, detail: { grantId: grant.id } }),
  );
  return { reviewed: true };
}

/**
 * Need-to-know only: handling advice for every high or severe flag (generic where the clinician
 * wrote none) and any other flag a clinician shared advice on, the custody start, who to contact.
 * Never reasons, notes, scores or substance detail.
 */
export function partnerSummary(input: ParsedInput<'patients.summary'>, call: Call): ChannelOutput<'patients.summary'> {
  const person = requirePerson(call, input.personId);
  const active = call.reads.flags.forPerson(input.personId, false);
  const advice = partnerAdviceFor(
    active.map((f) => ({ code: f.code, label: f.label, severity: severitySchema.catch('high').parse(f.severity), partnerAdvice: f.partnerAdvice, since: f.setAt })),
  );
  const stay = call.reads.stays.openAt(input.personId, call.site.siteCode);
  const advisers = active.filter((f) => f.partnerAdvice);
  const contacts = [...new Map(advisers.map((f) => [f.setByName, { name: f.setByName, role: 'Healthcare professional who set the advice' }])).values()];
  contacts.push({ name: `${call.site.siteName} healthcare team`, role: roleLabels.custody_hcp });
  return {
    person: { id: person.id, familyName: person.familyName, givenNames: person.givenNames, birthDate: person.birthDate },
    inCustodySince: stay?.arrivedAt ?? null,
    advice,
    contacts,
  };
}

export function recordConsent(input: ParsedInput<'consent.record'>, call: Call): ChannelOutput<'consent.record'> {
  requirePerson(call, input.personId);
  if (input.decidedOn > call.env.now().toISOString().slice(0, 10)) {
    throw new ServiceError('invalid_input', 'The decision date cannot be in the future.', 'decidedOn');
  }
  const consentId = call.env.newId();
  call.write(
    (w) => {
      w.emit({
        type: 'consent.recorded',
        recordType: 'consent',
        recordId: consentId,
        personId: input.personId,
        baseVersion: null,
        sensitivity: 'demographics',
        payload: {
          decision: input.decision,
          categories: input.categories,
          legalBasis: input.legalBasis,
          decidedOn: input.decidedOn,
          notes: input.notes && input.notes.length > 0 ? input.notes : null,
        },
      });
    },
    () => ({ personId: input.personId, detail: { decision: input.decision, categories: input.categories } }),
  );
  return { consentId };
}

export function listConsents(input: ParsedInput<'consent.list'>, call: Call): ChannelOutput<'consent.list'> {
  return {
    consents: call.reads.access.consentsFor(input.personId).map((c) => ({
      id: c.id,
      decision: c.decision,
      categories: consentDecisionSchema.shape.categories.catch([]).parse(c.categories),
      legalBasis: consentDecisionSchema.shape.legalBasis.parse(c.legalBasis),
      decidedOn: c.decidedOn,
      recordedAt: c.recordedAt,
      recordedByName: c.recordedByName,
      notes: c.notes,
      originSite: c.originSite,
    })),
  };
}

function storedAgreements(call: Call) {
  return call.reads.access.agreements().flatMap((a) => {
    const parsed = agreementSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
}

export function listAgreements(_input: ParsedInput<'agreements.list'>, call: Call): ChannelOutput<'agreements.list'> {
  return { agreements: storedAgreements(call) };
}

export function saveAgreement(input: ParsedInput<'agreements.save'>, call: Call): ChannelOutput<'agreements.save'> {
  const session = call.requireSession();
  const a = input.agreement;
  if (call.reads.access.agreementVersionExists(a.id, a.version)) {
    throw new ServiceError('conflict', `Agreement ${a.id} version ${a.version} already exists; save changes as a new version.`, 'agreement.version');
  }
  if (a.validTo !== null && a.validTo < a.validFrom) throw new ServiceError('invalid_input', 'The agreement ends before it starts.', 'agreement.validTo');
  call.write(
    (w) => w.access.insertAgreement({ id: a.id, version: a.version, body: a, recordedAt: call.env.now().toISOString(), recordedBy: session.userId }),
    () => ({ detail: { agreement: a.id, version: a.version } }),
  );
  return { saved: true };
}

/** This site's own organisation type, as the sender of a disclosure. */
function siteOrgType(call: Call): OrgType {
  return call.site.siteType === 'prison' ? 'prison_healthcare' : call.site.siteType === 'custody' ? 'custody_healthcare' : 'community_substance_misuse';
}

export function checkDisclosure(input: ParsedInput<'disclosure.check'>, call: Call): ChannelOutput<'disclosure.check'> {
  requirePerson(call, input.personId);
  const consents = call.reads.access.consentsFor(input.personId).flatMap((c) => {
    const parsed = consentDecisionSchema.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
  const decision = decideDisclosure(
    { fromOrgType: siteOrgType(call), toOrgType: input.toOrgType, purpose: input.purpose, categories: input.categories, on: call.env.now().toISOString().slice(0, 10) },
    storedAgreements(call),
    consents,
  );
  call.note = { ...call.note, detail: { outcome: decision.outcome, rule: decision.rule } };
  const { outcome, permitted, withheld, rule } = decision;
  return { outcome, permitted, withheld, rule };
}

// Register and open a person (finding one is search-service.ts). The NHS number's check digit is
// validated at the contract boundary; whether the 999 test range is allowed is this site's decision.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import { checkNhsNumber } from '../../domain/identifiers/nhs-number';
import type { Call } from './call';
import { flagView } from './flags-service';
import { canonicalIdentifiers, findDuplicateCandidates } from './identity-service';
import { ServiceError } from './service-error';
import { stayView } from './stays-service';
import { bannerTaskAlerts } from './task-alerts';

export function registerPerson(input: ParsedInput<'patients.register'>, call: Call): ChannelOutput<'patients.register'> {
  let nhsNumber: string | null = null;
  if (input.nhsNumber !== null) {
    const check = checkNhsNumber(input.nhsNumber, { allowTestNumbers: call.site.demo });
    if (!check.ok) throw new ServiceError('invalid_input', check.reason, 'nhsNumber');
    nhsNumber = check.value;
  }
  const duplicate = () =>
    new ServiceError('conflict', 'A person with this NHS number is already registered. Search for them instead.', 'nhsNumber');
  if (nhsNumber && call.reads.persons.findIdByNhsNumber(nhsNumber)) throw duplicate();
  const others = canonicalIdentifiers(input.otherIdentifiers, call, 'otherIdentifiers').filter((i) => i.type !== 'nhs_number' || i.value !== nhsNumber);
  const identifiers = [...(nhsNumber ? [{ type: 'nhs_number' as const, value: nhsNumber }] : []), ...others];
  // Likely duplicates must have been shown to the clinician and rejected before a new record is made.
  const unreviewed = findDuplicateCandidates(call.reads, { ...input, identifiers }).filter(
    (c) => c.strength === 'identifier' || !input.reviewedDuplicates.includes(c.person.id),
  );
  if (unreviewed.length > 0) {
    const first = unreviewed[0]!;
    const sameIdentifier = first.strength === 'identifier';
    throw new ServiceError(
      'conflict',
      sameIdentifier
        ? `An identifier given is already recorded for ${first.person.familyName.toUpperCase()}, ${first.person.givenNames}. Open their record instead.`
        : `${unreviewed.length} possible existing record(s) for this person (${first.reasons.join('; ')}). Check them before registering a new person.`,
    );
  }

  const personId = call.env.newId();
  const demographics = {
    familyName: input.familyName,
    givenNames: input.givenNames,
    title: input.title && input.title.length > 0 ? input.title : null,
    birthDate: input.birthDate,
    sex: input.sex,
  };
  call.write(
    (w) => {
      if (nhsNumber && w.persons.findIdByNhsNumber(nhsNumber)) throw duplicate();
      if (others.length > 0 && w.identity.holdersOf(others).length > 0) throw duplicate();
      w.emit({ type: 'person.registered', recordType: 'person', recordId: personId, personId, baseVersion: null, sensitivity: 'demographics', payload: demographics });
      for (const identifier of identifiers) {
        w.emit({ type: 'identifier.added', recordType: 'identifier', recordId: call.env.newId(), personId, baseVersion: null, sensitivity: 'demographics', payload: identifier });
      }
      for (const alias of input.aliases) {
        w.emit({ type: 'alias.added', recordType: 'alias', recordId: call.env.newId(), personId, baseVersion: null, sensitivity: 'demographics', payload: alias });
      }
    },
    () => ({ personId }),
  );
  return { personId };
}

export function getPerson(input: ParsedInput<'patients.get'>, call: Call): ChannelOutput<'patients.get'> {
  call.note = { personId: input.personId };
  const row = call.reads.persons.get(input.personId);
  if (!row) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const author = call.reads.users.findById(row.createdBy);
  return {
    id: row.id,
    familyName: row.familyName,
    givenNames: row.givenNames,
    title: row.title,
    birthDate: row.birthDate,
    sex: row.sex,
    nhsNumber: row.nhsNumber,
    registeredAt: row.createdAt,
    registeredBy: author?.fullName ?? 'Not known',
    originSite: row.originSite,
    identifiers: call.reads.identity.identifiers(row.id),
    aliases: call.reads.identity.aliases([row.id]).map(({ id, familyName, givenNames }) => ({ id, familyName, givenNames })),
    activeFlags: call.reads.flags.forPerson(row.id, false).map(flagView),
    currentStay: (() => {
      const open = call.reads.stays.openAt(row.id, call.site.siteCode);
      return open ? stayView(open) : null;
    })(),
    taskAlerts: bannerTaskAlerts(call.reads.tasks.list({ siteCode: call.site.siteCode, personId: row.id, status: 'open' }), call.env.now()),
  };
}

// Identifiers, aliases and likely duplicates. Identifier values are checked for their type here
// (the site decides on NHS test numbers; a PNC year needs today's year) and stored canonical.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { DuplicateCandidate } from '../../contract/channels/identity';
import { checkIdentifier, identifierTypeLabels, type IdentifierType } from '../../domain/identifiers/identifier-types';
import { namesMatch, type NameForm } from '../../domain/person/duplicates';
import type { StoreReads } from '../../db/store';
import type { Call } from './call';
import { ServiceError } from './service-error';

export interface CanonicalIdentifier {
  type: IdentifierType;
  value: string;
}

/** Checks each identifier; the first problem is refused naming its field (`<path>.<i>.value`). */
export function canonicalIdentifiers(list: readonly { type: IdentifierType; value: string }[], call: Call, path: string): CanonicalIdentifier[] {
  const context = { allowTestNumbers: call.site.demo, currentYear: call.env.now().getUTCFullYear() };
  const seen = new Set<string>();
  return list.flatMap((item, i) => {
    const check = checkIdentifier(item.type, item.value, context);
    if (!check.ok) throw new ServiceError('invalid_input', `${identifierTypeLabels[item.type]}: ${check.reason}`, `${path}.${i}.value`);
    const key = `${item.type}:${check.value}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ type: item.type, value: check.value }];
  });
}

export interface DuplicateQuery {
  familyName: string;
  givenNames: string;
  birthDate: string | null;
  identifiers: readonly CanonicalIdentifier[];
  aliases: readonly NameForm[];
}

/** Identifier matches first, then people born the same day with a similar name or alias. */
export function findDuplicateCandidates(reads: StoreReads, query: DuplicateQuery, exclude?: string): DuplicateCandidate[] {
  const reasons = new Map<string, { reasons: string[]; strength: DuplicateCandidate['strength'] }>();
  for (const holder of reads.identity.holdersOf(query.identifiers)) {
    if (holder.personId === exclude) continue;
    const entry = reasons.get(holder.personId) ?? { reasons: [], strength: 'identifier' as const };
    entry.reasons.push(`same ${identifierTypeLabels[holder.type]}`);
    reasons.set(holder.personId, entry);
  }
  if (query.birthDate) {
    const typed = [{ familyName: query.familyName, givenNames: query.givenNames }, ...query.aliases.map((a) => ({ ...a, alias: true }))];
    const sameDay = reads.identity.bornOn(query.birthDate).filter((p) => p.id !== exclude);
    const aliases = reads.identity.aliases(sameDay.map((p) => p.id));
    for (const person of sameDay) {
      const names = [person, ...aliases.filter((a) => a.personId === person.id).map((a) => ({ ...a, alias: true }))];
      const why = namesMatch(typed, names);
      if (!why) continue;
      const entry = reasons.get(person.id) ?? { reasons: [], strength: 'name_and_birth_date' as const };
      entry.reasons.push(`same date of birth, ${why}`);
      reasons.set(person.id, entry);
    }
  }
  const people = reads.identity.summaries([...reasons.keys()]);
  return people
    .map((person) => ({ person, ...reasons.get(person.id)! }))
    .sort((a, b) => (a.strength === b.strength ? a.person.familyName.localeCompare(b.person.familyName) : a.strength === 'identifier' ? -1 : 1));
}

export function findDuplicates(input: ParsedInput<'patients.findDuplicates'>, call: Call): ChannelOutput<'patients.findDuplicates'> {
  const identifiers = canonicalIdentifiers(input.identifiers, call, 'identifiers');
  const candidates = findDuplicateCandidates(call.reads, { ...input, identifiers });
  call.note = { detail: { candidates: candidates.length } };
  return { candidates };
}

function requirePerson(call: Call, personId: string): void {
  if (!call.reads.persons.get(personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
}

export function addIdentifier(input: ParsedInput<'patients.addIdentifier'>, call: Call): ChannelOutput<'patients.addIdentifier'> {
  requirePerson(call, input.personId);
  const [identifier] = canonicalIdentifiers([input.identifier], call, 'identifier');
  if (!identifier) throw new ServiceError('invalid_input', 'Enter the identifier', 'identifier.value');
  const clash = () =>
    new ServiceError('conflict', `This ${identifierTypeLabels[identifier.type]} is already recorded for a person. Check for a duplicate record.`, 'identifier.value');
  call.write(
    (w) => {
      if (w.identity.holdersOf([identifier]).length > 0) throw clash();
      w.emit({ type: 'identifier.added', recordType: 'identifier', recordId: call.env.newId(), personId: input.personId, baseVersion: null, sensitivity: 'demographics', payload: identifier });
    },
    () => ({ personId: input.personId, detail: { type: identifier.type } }),
  );
  return { value: identifier.value };
}

export function addAlias(input: ParsedInput<'patients.addAlias'>, call: Call): ChannelOutput<'patients.addAlias'> {
  requirePerson(call, input.personId);
  const aliasId = call.env.newId();
  call.write(
    (w) => {
      w.emit({ type: 'alias.added', recordType: 'alias', recordId: aliasId, personId: input.personId, baseVersion: null, sensitivity: 'demographics', payload: input.alias });
    },
    () => ({ personId: input.personId }),
  );
  return { aliasId };
}

export function retireIdentifier(input: ParsedInput<'patients.retireIdentifier'>, call: Call): ChannelOutput<'patients.retireIdentifier'> {
  const row = call.reads.identity.identifier(input.identifierId);
  if (!row || row.personId !== input.personId) throw new ServiceError('not_found', 'No such identifier for this person.', 'identifierId');
  if (row.retiredAt) throw new ServiceError('conflict', 'This identifier has already been retired.');
  call.write(
    (w) => {
      w.emit({ type: 'identifier.retired', recordType: 'identifier', recordId: row.id, personId: row.personId, baseVersion: row.version, sensitivity: 'demographics', payload: { reason: input.reason } });
    },
    () => ({ personId: row.personId, detail: { type: row.type } }),
  );
  return { retired: true };
}

export function retireAlias(input: ParsedInput<'patients.retireAlias'>, call: Call): ChannelOutput<'patients.retireAlias'> {
  const row = call.reads.identity.alias(input.aliasId);
  if (!row || row.personId !== input.personId) throw new ServiceError('not_found', 'No such alias for this person.', 'aliasId');
  if (row.retiredAt) throw new ServiceError('conflict', 'This alias has already been retired.');
  call.write(
    (w) => {
      w.emit({ type: 'alias.retired', recordType: 'alias', recordId: row.id, personId: row.personId, baseVersion: row.version, sensitivity: 'demographics', payload: { reason: input.reason } });
    },
    () => ({ personId: row.personId }),
  );
  return { retired: true };
}

// Finding a person from the one search box (issue 8): by any identifier they hold, in the forms
// people type them; by name, ranked, a page at a time with the true total; by date of birth.
// An exact identifier match answers on its own: it is the surest way to the right person.
import { SEARCH_PAGE_SIZE, type SearchMatch, type SearchOutput, type SearchResult } from '../../contract/channels/search';
import type { ParsedInput } from '../../contract/channels';
import type { IdentifierType } from '../../domain/identifiers/identifier-types';
import { describeNameMatch, describeSoundMatch, ownNameMatches } from '../../domain/person/search-match';
import { planSearch, type SearchPlan } from '../../domain/person/search-query';
import type { PersonRow } from '../../db/persons-repo';
import { NUMBER_PREFIX_COUNT_MAX } from '../../db/identity-repo';
import type { StoreReads } from '../../db/store';
import type { Call } from './call';

type Answer = Omit<SearchOutput, 'offset' | 'pageSize' | 'tried' | 'birthDate'>;

const none = (kind: SearchOutput['kind']): Answer => ({ kind, results: [], total: 0, totalIsAtLeast: false, similarTotal: null, ranked: true });

function withMatch(row: PersonRow, match: SearchMatch): SearchResult {
  return { ...row, match };
}

/** Holders of exactly the identifiers typed, in the order the types were tried. */
function byIdentifier(reads: StoreReads, plan: SearchPlan, offset: number): Answer | null {
  if (plan.identifiers.length === 0) return null;
  const holders = reads.identity.holdersOfEach(plan.identifiers);
  if (holders.length === 0) return null;
  const rank = (h: { type: IdentifierType; value: string }) => plan.identifiers.findIndex((p) => p.type === h.type && p.value === h.value);
  const firstMatch = new Map<string, { type: IdentifierType; value: string }>();
  for (const h of [...holders].sort((x, y) => rank(x) - rank(y))) if (!firstMatch.has(h.personId)) firstMatch.set(h.personId, h);
  const people = new Map(reads.identity.summaries([...firstMatch.keys()]).map((p) => [p.id, p]));
  const results = [...firstMatch].flatMap(([id, h]) => {
    const person = people.get(id);
    return person ? [withMatch(person, { kind: 'identifier', type: h.type, value: h.value })] : [];
  });
  return { ...none('identifier'), results: results.slice(offset, offset + SEARCH_PAGE_SIZE), total: results.length };
}

function byNumberPrefix(reads: StoreReads, digits: string, offset: number): Answer {
  const { total, rows } = reads.identity.numberPrefix(digits, offset, SEARCH_PAGE_SIZE);
  const people = new Map(reads.identity.summaries([...new Set(rows.map((r) => r.personId))]).map((p) => [p.id, p]));
  const results = rows.flatMap((r) => {
    const person = people.get(r.personId);
    return person ? [withMatch(person, { kind: 'numberPrefix', type: r.type, value: r.value })] : [];
  });
  const capped = total > NUMBER_PREFIX_COUNT_MAX;
  return { ...none('numberPrefix'), results, total: capped ? NUMBER_PREFIX_COUNT_MAX : total, totalIsAtLeast: capped };
}

function byName(reads: StoreReads, name: NonNullable<SearchPlan['name']>, offset: number): Answer {
  const page = reads.nameSearch.search(name, offset, SEARCH_PAGE_SIZE);
  const rows = reads.persons.bySeq(page.members.map((m) => m.seq));
  const similarAt = (i: number) => page.members[i]?.group === 'similar';
  // Aliases are read only for the few rows whose own name does not explain the match.
  const needAliases = rows.filter((row, i) => similarAt(i) || !ownNameMatches(row, name));
  const aliases = reads.identity.aliases(needAliases.map((r) => r.id));
  const results = rows.map((row, i) => {
    const mine = aliases.filter((a) => a.personId === row.id);
    const similar = similarAt(i);
    const m = similar ? describeSoundMatch(row, mine, name) : describeNameMatch(row, mine, name);
    const match: SearchMatch =
      m.kind === 'name' ? { kind: 'name' } : m.kind === 'alias' ? { kind: 'alias', familyName: m.alias.familyName, givenNames: m.alias.givenNames } : { kind: 'soundsLike', familyName: m.name.familyName, givenNames: m.name.givenNames };
    return withMatch(row, match);
  });
  return { ...none('name'), results, total: page.total, similarTotal: page.similarTotal, ranked: page.ranked };
}

function byBirthDate(reads: StoreReads, birthDate: string, offset: number): Answer {
  const { total, rows } = reads.persons.bornOn(birthDate, offset, SEARCH_PAGE_SIZE);
  return { ...none('birthDate'), results: rows.map((r) => withMatch(r, { kind: 'birthDate' })), total };
}

/** The answer to one search box entry, one page of it. */
export function answerSearch(reads: StoreReads, query: string, offset: number, today: string): SearchOutput {
  const plan = planSearch(query, { today });
  const answer =
    byIdentifier(reads, plan, offset) ??
    (plan.numberPrefix !== null ? byNumberPrefix(reads, plan.numberPrefix, offset) : null) ??
    (plan.name ? byName(reads, plan.name, offset) : null) ??
    (plan.birthDate ? byBirthDate(reads, plan.birthDate, offset) : null) ??
    none(plan.identifiers.length > 0 ? 'identifier' : 'empty');
  const tried = plan.identifiers.filter((p, i, all) => all.findIndex((q) => q.type === p.type) === i);
  return { ...answer, offset, pageSize: SEARCH_PAGE_SIZE, tried, birthDate: plan.birthDate ?? plan.name?.birthDate ?? null };
}

function search(input: ParsedInput<'patients.search'>, call: Call): SearchOutput {
  const output = answerSearch(call.reads, input.query, input.offset, call.env.now().toISOString().slice(0, 10));
  // The audit row says what kind of search it was and how many were found, not what was typed.
  call.note = { detail: { kind: output.kind, total: output.total, offset: output.offset, shown: output.results.length } };
  return output;
}

export function searchPersons(input: ParsedInput<'patients.search'>, call: Call): SearchOutput {
  return search(input, call);
}

/** The auditor's way to a person's access history: the same answer, and no record is opened. */
export function findPersonForAudit(input: ParsedInput<'audit.findPerson'>, call: Call): SearchOutput {
  return search(input, call);
}

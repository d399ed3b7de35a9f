// The search a partner makes (see domain/access/search-scope.ts): the same answer shapes as the
// site-wide search, over the few people with a current stay at the site. That set is small (a
// custody suite's cells, a prison's roll), so it is ranked in memory by the same rules the
// store's index follows (domain/person/search-rank.ts), and totals count only people in it.
import { SEARCH_PAGE_SIZE, type SearchMatch, type SearchOutput, type SearchResult } from '../../contract/channels/search';
import { describeNameMatch, describeSoundMatch } from '../../domain/person/search-match';
import type { SearchPlan } from '../../domain/person/search-query';
import { nameIndexEntry } from '../../domain/person/search-keys';
import { compareSimilar, similarRankOf, soundsLike } from '../../domain/person/search-similar';
import { rankOf, compareRanks, type IndexedPerson } from '../../domain/person/search-rank';
import type { PersonRow } from '../../db/persons-repo';
import type { StoreReads } from '../../db/store';

type Answer = Omit<SearchOutput, 'offset' | 'pageSize' | 'tried' | 'birthDate'>;

const none = (kind: SearchOutput['kind']): Answer => ({ kind, results: [], total: 0, totalIsAtLeast: false, similarTotal: null, ranked: true });

function page(kind: SearchOutput['kind'], all: SearchResult[], offset: number, similarTotal: number | null = null): Answer {
  return { ...none(kind), results: all.slice(offset, offset + SEARCH_PAGE_SIZE), total: all.length - (similarTotal ?? 0), similarTotal };
}

/** One page of the answer, among the given people only (ids in registration order: UUIDv7). */
export function answerAmong(reads: StoreReads, plan: SearchPlan, offset: number, personIds: readonly string[]): Answer {
  if (personIds.length === 0) return none(plan.identifiers.length > 0 ? 'identifier' : 'empty');
  const allowed = new Set(personIds);
  const people = reads.identity.summaries([...allowed]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const withMatch = (row: PersonRow, match: SearchMatch): SearchResult => ({ ...row, match });

  if (plan.identifiers.length > 0) {
    const holders = reads.identity.holdersOfEach(plan.identifiers).filter((h) => allowed.has(h.personId));
    if (holders.length > 0) {
      const results = people.flatMap((p) => {
        const h = holders.find((x) => x.personId === p.id);
        return h ? [withMatch(p, { kind: 'identifier', type: h.type, value: h.value })] : [];
      });
      return page('identifier', results, offset);
    }
  }
  if (plan.numberPrefix !== null) {
    const digits = plan.numberPrefix;
    const results = people.flatMap((p) => {
      const id = reads.identity.identifiers(p.id).find((i) => (i.type === 'nhs_number' || i.type === 'chi_number') && i.value.startsWith(digits));
      return id ? [withMatch(p, { kind: 'numberPrefix', type: id.type, value: id.value })] : [];
    });
    return page('numberPrefix', results, offset);
  }
  if (plan.name) {
    const query = plan.name;
    const aliases = reads.identity.aliases(people.map((p) => p.id));
    const aliasesOf = (id: string) => aliases.filter((a) => a.personId === id);
    const indexed: { row: PersonRow; entry: IndexedPerson }[] = people.map((row, seq) => ({
      row,
      entry: { ...nameIndexEntry(row, aliasesOf(row.id)), seq, birthDate: row.birthDate },
    }));
    const spelled = indexed.flatMap((p) => {
      const rank = rankOf(p.entry, query);
      return rank ? [{ ...p, rank }] : [];
    });
    spelled.sort((a, b) => compareRanks(a.rank, b.rank));
    const similar = indexed
      .filter((p) => !spelled.some((s) => s.row.id === p.row.id) && soundsLike(p.entry, query))
      .map((p) => ({ ...p, rank: similarRankOf(p.entry, query) }))
      .sort((a, b) => compareSimilar(a.rank, b.rank));
    const asMatch = (m: ReturnType<typeof describeNameMatch>): SearchMatch =>
      m.kind === 'name' ? { kind: 'name' } : m.kind === 'alias' ? { kind: 'alias', familyName: m.alias.familyName, givenNames: m.alias.givenNames } : { kind: 'soundsLike', familyName: m.name.familyName, givenNames: m.name.givenNames };
    const results = [
      ...spelled.map((p) => withMatch(p.row, asMatch(describeNameMatch(p.row, aliasesOf(p.row.id), query)))),
      ...similar.map((p) => withMatch(p.row, asMatch(describeSoundMatch(p.row, aliasesOf(p.row.id), query)))),
    ];
    return page('name', results, offset, similar.length);
  }
  if (plan.birthDate) {
    const born = plan.birthDate;
    return page('birthDate', people.filter((p) => p.birthDate === born).map((p) => withMatch(p, { kind: 'birthDate' })), offset);
  }
  return none(plan.identifiers.length > 0 ? 'identifier' : 'empty');
}

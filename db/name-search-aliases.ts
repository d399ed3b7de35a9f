// People an alias ranks higher than their own name does (domain/person/search-rank.ts: a family
// name and first given name are a pair from one name form, and an alias is a name form). Found
// from person_alias_keys rows, which carry each alias's keys beside its person's own keys and
// birth date, so no person row is read to rank them.
import { daysBetween, orderKeys, ownPairGroup, pairGroup, type Group, type NameQuery, type Rank } from '../domain/person/search-rank';

export interface AliasRow {
  seq: number;
  afk: string;
  agk: string;
  ownFk: string;
  ownGk: string;
  birthDate: string;
}

const firstWord = (s: string): string => s.split(' ')[0] ?? '';

export interface AliasPromotions {
  /** Their rank (group from the alias, order by their own name). */
  members: Rank[];
  /** For each indexed group, the people to leave out of it (listed higher by an alias). */
  promotedFrom: Map<Group, Set<number>>;
}

/** The best group the own name reaches on its own: a pair, the first given name, or (two words) the family name alone. */
function ownGroup(own: { fkey: string; gfirst: string }, words: readonly string[]): Group | null {
  const pair = ownPairGroup(own, words);
  if (pair !== null && pair !== 4) return pair;
  if (words.length > 1) {
    if (words.includes(own.fkey)) return 1;
    if (words.some((w) => own.fkey.startsWith(w))) return 3;
  }
  return pair;
}

/** The group one alias reaches: its family name (one word) or a pair within its name form or with the own first given name. */
function aliasGroup(r: AliasRow, ownGfirst: string, words: readonly string[]): Group | null {
  const agfirst = firstWord(r.agk);
  let best: Group | null = null;
  for (const [f, g] of [
    [r.afk, agfirst],
    [r.afk, ownGfirst],
    [r.ownFk, agfirst],
  ] as const) {
    const p = pairGroup(f, g, words);
    if (p !== null && (best === null || p < best)) best = p;
  }
  if (best === null && words.length === 1 && agfirst.length > 0 && agfirst.startsWith(words[0] ?? '')) best = 4;
  return best;
}

/**
 * People whose alias ranks them higher than their own name: their group and rank, and which
 * indexed group their own name would have put them in (they are left out of it).
 */
export function promotionsFrom(rows: readonly AliasRow[], query: NameQuery): AliasPromotions {
  const byPerson = new Map<number, AliasRow[]>();
  for (const r of rows) byPerson.set(r.seq, [...(byPerson.get(r.seq) ?? []), r]);
  const members: Rank[] = [];
  const promotedFrom = new Map<Group, Set<number>>();
  for (const [seq, list] of byPerson) {
    const first = list[0]!;
    const own = { fkey: first.ownFk, gfirst: firstWord(first.ownGk) };
    const ownBest = ownGroup(own, query.words);
    let aliasBest: Group | null = null;
    for (const r of list) {
      const g = aliasGroup(r, own.gfirst, query.words);
      if (g !== null && (aliasBest === null || g < aliasBest)) aliasBest = g;
    }
    if (aliasBest === null || (ownBest !== null && ownBest <= aliasBest)) continue;
    const person = { fkey: first.ownFk, gkey: first.ownGk, birthDate: first.birthDate };
    const dobDistance = query.birthDate !== null ? daysBetween(first.birthDate, query.birthDate) : 0;
    members.push({ group: aliasBest, dobDistance, seq, keys: orderKeys(aliasBest, person) });
    const ownPair = ownPairGroup(own, query.words);
    if (ownPair !== null) promotedFrom.set(ownPair, (promotedFrom.get(ownPair) ?? new Set()).add(seq));
  }
  return { members, promotedFrom };
}

// How name search orders the people it finds. This is the one definition: the store's indexed
// search must produce exactly this order (tested against it), and it is what the screen explains.
//
// A person matches when every typed word starts one of their name words (own names and aliases,
// family and given names, and the parts of joined names). Matches fall into six groups:
//   0  family name exactly a typed word, and (with two or more words) a first given name starting
//      with another typed word
//   1  family name exactly a typed word, the other words found elsewhere (a middle name...)
//   2  family name starting with a typed word, and a first given name as in group 0
//   3  family name starting with a typed word, the other words found elsewhere
//   4  no family name matches; a first given name starts with a typed word
//   5  found only elsewhere (a middle name, part of a double-barrelled name, an alias's other words)
// The family name and first given name compared are a pair from one name form: the person's own
// name, one alias, or one alias's name with the own name's other half (an alias given only as a
// family name still pairs with the own first given name). With one word typed, the family name
// alone decides. An alias's family name without a given-name pair does not rank in groups 1 and 3.
// Within a group: date of birth nearest the one typed (when typed), then family name, given names
// and date of birth alphabetically (groups 4 and 5: given names first), then registration order.
import { parseIsoDate, type IsoDate } from './clinical-date';
import type { NameIndexEntry } from './search-keys';

export const GROUP_COUNT = 6;
export type Group = 0 | 1 | 2 | 3 | 4 | 5;

/** One person as the index holds them (seq is the registration order). */
export interface IndexedPerson extends NameIndexEntry {
  seq: number;
  birthDate: IsoDate;
}

export interface NameQuery {
  /** queryWords() of what was typed: distinct, in typed order. */
  words: readonly string[];
  birthDate: IsoDate | null;
}

export interface Rank {
  group: Group;
  /** Days between the date of birth and the one typed (0 when none was typed). */
  dobDistance: number;
  seq: number;
  /** Alphabetical keys, in the order the group compares them. */
  keys: readonly [string, string, string];
}

/** Every typed word starts one of the person's name words. */
export function matchesAllWords(p: NameIndexEntry, words: readonly string[]): boolean {
  const all = [p.fkey, p.gfirst, ...p.gother, ...p.afkey, ...p.agfirst, ...p.aother];
  return words.every((w) => all.some((x) => x.startsWith(w)));
}

/** 0 exact, 1 starts with (longer), null neither. */
function familyMatch(family: string, word: string): 0 | 1 | null {
  if (family === word) return 0;
  return family.length > 0 && family.startsWith(word) ? 1 : null;
}

/**
 * The best group a pair (family key, first given name) reaches; null when the family key matches
 * no word. One word: the family key alone decides. Two or more: the given name must start with
 * another typed word.
 */
export function pairGroup(family: string, given: string, words: readonly string[]): 0 | 2 | null {
  let best: 0 | 2 | null = null;
  words.forEach((w, i) => {
    const m = familyMatch(family, w);
    if (m === null) return;
    const givenOk = words.length === 1 || words.some((other, j) => j !== i && given.startsWith(other));
    if (!givenOk) return;
    const g = m === 0 ? 0 : 2;
    if (best === null || g < best) best = g;
  });
  return best;
}

/** The group of the person's own name alone (family and first given name), null when none of 0, 2, 4. */
export function ownPairGroup(p: Pick<NameIndexEntry, 'fkey' | 'gfirst'>, words: readonly string[]): 0 | 2 | 4 | null {
  const pair = pairGroup(p.fkey, p.gfirst, words);
  if (pair !== null) return pair;
  if (words.length === 1 && p.gfirst.length > 0 && p.gfirst.startsWith(words[0] ?? '')) return 4;
  return null;
}

export function groupOf(p: NameIndexEntry, words: readonly string[]): Group | null {
  if (words.length === 0 || !matchesAllWords(p, words)) return null;
  let best: Group = 5;
  for (const [f, g] of namePairs(p)) {
    const pair = pairGroup(f, g, words);
    if (pair !== null && pair < best) best = pair;
  }
  if (best === 0) return 0;
  if (words.length > 1) {
    // The own family name without a given-name pair.
    const own = words.reduce<0 | 1 | null>((acc, w) => {
      const m = familyMatch(p.fkey, w);
      return m === null ? acc : acc === null ? m : (Math.min(acc, m) as 0 | 1);
    }, null);
    if (own === 0 && best > 1) best = 1;
    if (own === 1 && best > 3) best = 3;
  }
  if (best <= 3) return best;
  const givens = [p.gfirst, ...p.agfirst];
  return givens.some((g) => g.length > 0 && words.some((w) => g.startsWith(w))) ? 4 : 5;
}

/** (family key, first given name) pairs of one name form each: own, each alias, and own/alias mixed. */
export function namePairs(p: Pick<NameIndexEntry, 'fkey' | 'gfirst' | 'aliasPairs'>): [string, string][] {
  const pairs: [string, string][] = [[p.fkey, p.gfirst]];
  for (const a of p.aliasPairs) pairs.push([a.fkey, a.gfirst], [a.fkey, p.gfirst], [p.fkey, a.gfirst]);
  return pairs;
}

const DAY_MS = 86_400_000;

export function daysBetween(a: IsoDate, b: IsoDate): number {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  if (!x || !y) return Number.MAX_SAFE_INTEGER;
  return Math.round(Math.abs(x.getTime() - y.getTime()) / DAY_MS);
}

/** Alphabetical keys for a group: family-first for groups 0-3, given-first for 4 and 5. */
export function orderKeys(group: Group, p: { fkey: string; gkey: string; birthDate: string }): readonly [string, string, string] {
  return group >= 4 ? [p.gkey, p.fkey, p.birthDate] : [p.fkey, p.gkey, p.birthDate];
}

export function rankOf(p: IndexedPerson, query: NameQuery): Rank | null {
  const group = groupOf(p, query.words);
  if (group === null) return null;
  return {
    group,
    dobDistance: query.birthDate ? daysBetween(p.birthDate, query.birthDate) : 0,
    seq: p.seq,
    keys: orderKeys(group, p),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order within and across groups (plain code-point order, as the store's indexes sort). */
export function compareRanks(a: Rank, b: Rank): number {
  return (
    a.group - b.group ||
    a.dobDistance - b.dobDistance ||
    compareText(a.keys[0], b.keys[0]) ||
    compareText(a.keys[1], b.keys[1]) ||
    compareText(a.keys[2], b.keys[2]) ||
    a.seq - b.seq
  );
}

/** Everyone who matches, best first: the reference the indexed search is tested against. */
export function rankAll(people: readonly IndexedPerson[], query: NameQuery): Rank[] {
  return people
    .map((p) => rankOf(p, query))
    .filter((r): r is Rank => r !== null)
    .sort(compareRanks);
}

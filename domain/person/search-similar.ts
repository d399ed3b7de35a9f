// The second group of a name search: people whose names sound like what was typed (Walsh and
// Welsh, Jon and John) but are not spelt like it. Sound is Double Metaphone (search-keys.ts);
// within the group the closest spelling comes first (Levenshtein distance), then date of birth
// nearest the one typed, then the name.
import { distance } from 'fastest-levenshtein';
import { compareRanks, daysBetween, type IndexedPerson, type NameQuery, type Rank } from './search-rank';
import { MIN_SOUND_WORD, soundCodes } from './search-keys';

/** A one-letter code ("J" for "joh", a name still being typed) says nothing and matches half the index. */
const MIN_QUERY_CODE = 2;

/** The sound codes a query word is compared by; none for words too short to sound like anything. */
export function querySounds(word: string): string[] {
  return word.length >= MIN_SOUND_WORD ? soundCodes(word).filter((c) => c.length >= MIN_QUERY_CODE) : [];
}

/** Each typed word either starts a name word or sounds like one, and at least one only sounds like it. */
export function soundsLike(p: IndexedPerson, query: NameQuery): boolean {
  const all = [p.fkey, p.gfirst, ...p.gother, ...p.afkey, ...p.agfirst, ...p.aother];
  let someBySound = false;
  for (const w of query.words) {
    if (all.some((x) => x.startsWith(w))) continue;
    const codes = querySounds(w);
    if (!codes.some((c) => p.sounds.includes(c))) return false;
    someBySound = true;
  }
  return someBySound;
}

/** Total spelling distance: for each typed word, its nearest name word. */
export function spellingDistance(p: IndexedPerson, words: readonly string[]): number {
  const all = [p.fkey, p.gfirst, ...p.gother, ...p.afkey, ...p.agfirst, ...p.aother].filter((x) => x.length > 0);
  return words.reduce((sum, w) => sum + Math.min(...all.map((x) => (x.startsWith(w) ? 0 : distance(w, x)))), 0);
}

export interface SimilarRank extends Rank {
  spelling: number;
}

export function similarRankOf(p: IndexedPerson, query: NameQuery): SimilarRank {
  return {
    group: 5,
    spelling: spellingDistance(p, query.words),
    dobDistance: query.birthDate ? daysBetween(p.birthDate, query.birthDate) : 0,
    seq: p.seq,
    keys: [p.fkey, p.gkey, p.birthDate],
  };
}

export function compareSimilar(a: SimilarRank, b: SimilarRank): number {
  return a.spelling - b.spelling || compareRanks(a, b);
}

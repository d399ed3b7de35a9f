// The keys name search compares, computed the same way when a person is indexed and when a query
// is read, so that however a clinician types a name the same strings meet.
//
// A name is lower-cased, accents removed, and split into words; apostrophes and hyphens join a
// word's parts ("O'Brien" -> obrien, "Smith-Jones" -> smithjones) and its parts are kept too, so
// "brien" or "jones" still find the person. The family key is the whole family name as one word
// ("van der Berg" -> vanderberg); the given key is the given names as words ("Mary-Jane Ann" ->
// "maryjane ann"), whose first word is the first given name.
import { doubleMetaphone } from 'double-metaphone';

const WORD_SPLIT = /[^a-z0-9'’`-]+/;
const JOINERS = /['’`-]+/g;

/** Letters that carry no combining accent to strip, written as people type them on a UK keyboard. */
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Keys are plain a-z and 0-9, so the index, the query and every comparison agree exactly on what
 * a letter is; other scripts are not matched by name (identifiers still find the person).
 */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(WORD_SPLIT)
    .filter((w) => w.replace(JOINERS, '').length > 0);
}

const joined = (word: string): string => word.replace(JOINERS, '');
const parts = (word: string): string[] => word.split(JOINERS).filter((p) => p.length > 0);

/** "van der Berg" -> "vanderberg"; "O'Brien" -> "obrien". */
export function familyKey(familyName: string): string {
  return words(familyName).map(joined).join('');
}

/** "Mary-Jane Ann" -> "maryjane ann". */
export function givenKey(givenNames: string): string {
  return words(givenNames).map(joined).join(' ');
}

/** The first given name's key ("" when there is none). */
export function firstGivenKey(givenNames: string): string {
  return words(givenNames).map(joined)[0] ?? '';
}

/**
 * The words of a name that are neither its family key nor its first given name: later given
 * names, and the parts of joined words ("Smith-Jones" -> smith, jones).
 */
export function otherNameWords(familyName: string, givenNames: string): string[] {
  const family = familyKey(familyName);
  const first = firstGivenKey(givenNames);
  const out = new Set<string>();
  for (const w of words(familyName)) {
    for (const p of [joined(w), ...parts(w)]) if (p !== family) out.add(p);
  }
  words(givenNames).forEach((w, i) => {
    if (i > 0) out.add(joined(w));
    const ps = parts(w);
    if (ps.length > 1) for (const p of ps) out.add(p);
  });
  out.delete(first);
  return [...out];
}

/** Every word one name form is found by: family key, first given name and the other words. */
export function nameWords(form: NameForm): string[] {
  return [familyKey(form.familyName), firstGivenKey(form.givenNames), ...otherNameWords(form.familyName, form.givenNames)].filter((w) => w.length > 0);
}

/**
 * Query words: each typed word as its joined key ("o'brien" -> obrien), distinct, in typed order.
 * Digits are kept; anything else separates words.
 */
export function queryWords(text: string): string[] {
  return [...new Set(words(text).map(joined))];
}

/** Shorter words have too few sounds to say anything about similarity. */
export const MIN_SOUND_WORD = 3;

/** Double Metaphone codes (primary and alternate), lower-case, for one word. */
export function soundCodes(word: string): string[] {
  if (word.length < MIN_SOUND_WORD) return [];
  const [primary, alternate] = doubleMetaphone(word);
  return [...new Set([primary, alternate].filter((c) => c.length > 0).map((c) => c.toLowerCase()))];
}

export interface NameForm {
  familyName: string;
  givenNames: string;
}

/** What the name index holds for one person: their own name and their aliases, as keys. */
export interface NameIndexEntry {
  /** Own family key (one word). */
  fkey: string;
  /** Own first given name. */
  gfirst: string;
  /** Own other words: later given names, parts of joined words. */
  gother: string[];
  /** Alias family keys. */
  afkey: string[];
  /** Alias first given names. */
  agfirst: string[];
  /** Every other word of every alias. */
  aother: string[];
  /** Sound codes of every word of every name form. */
  sounds: string[];
  /** Own given key, for ordering. */
  gkey: string;
  /** Each alias as (family key, first given name): pairs are compared within one name form. */
  aliasPairs: { fkey: string; gfirst: string }[];
}

function soundsOf(form: NameForm): string[] {
  const all = [familyKey(form.familyName), ...words(form.familyName).flatMap((w) => parts(w)), ...words(form.givenNames).flatMap((w) => [joined(w), ...parts(w)])];
  return all.flatMap((w) => soundCodes(w));
}

export function nameIndexEntry(own: NameForm, aliases: readonly NameForm[]): NameIndexEntry {
  const unique = (xs: string[]) => [...new Set(xs.filter((x) => x.length > 0))];
  return {
    fkey: familyKey(own.familyName),
    gfirst: firstGivenKey(own.givenNames),
    gother: otherNameWords(own.familyName, own.givenNames),
    afkey: unique(aliases.map((a) => familyKey(a.familyName))),
    agfirst: unique(aliases.map((a) => firstGivenKey(a.givenNames))),
    aother: unique(aliases.flatMap((a) => otherNameWords(a.familyName, a.givenNames))),
    sounds: unique([own, ...aliases].flatMap(soundsOf)),
    gkey: givenKey(own.givenNames),
    aliasPairs: aliases.map((a) => ({ fkey: familyKey(a.familyName), gfirst: firstGivenKey(a.givenNames) })),
  };
}

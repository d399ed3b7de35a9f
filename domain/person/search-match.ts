// Why a person is in the answer to a name search, in words the screen can show: their own name,
// an alias (named, so the clinician sees which name the person was logged under), or a name that
// sounds like what was typed.
import { nameIndexEntry, nameWords, type NameForm } from './search-keys';
import { matchesAllWords, type NameQuery } from './search-rank';
import { querySounds } from './search-similar';

export type NameMatch = { kind: 'name' } | { kind: 'alias'; alias: NameForm } | { kind: 'soundsLike'; name: NameForm };

/** The person's own name has every typed word (no alias needed to explain the match). */
export function ownNameMatches(own: NameForm, query: NameQuery): boolean {
  const words = nameWords(own);
  return query.words.every((w) => words.some((x) => x.startsWith(w)));
}

/** For a person found by spelling: their own name if it alone matches, otherwise the alias that does (or that helps most). */
export function describeNameMatch(own: NameForm, aliases: readonly NameForm[], query: NameQuery): NameMatch {
  if (ownNameMatches(own, query)) return { kind: 'name' };
  const alone = aliases.find((a) => matchesAllWords(nameIndexEntry(a, []), query.words));
  if (alone) return { kind: 'alias', alias: alone };
  const withOwn = aliases.find((a) => matchesAllWords(nameIndexEntry(own, [a]), query.words));
  const first = withOwn ?? aliases[0];
  return first ? { kind: 'alias', alias: first } : { kind: 'name' };
}

/** For a person found by sound: the name form (own first, then aliases) with the most typed words matching by spelling or sound. */
export function describeSoundMatch(own: NameForm, aliases: readonly NameForm[], query: NameQuery): NameMatch {
  const score = (form: NameForm): number => {
    const e = nameIndexEntry(form, []);
    const all = [e.fkey, e.gfirst, ...e.gother];
    return query.words.filter((w) => all.some((x) => x.startsWith(w)) || querySounds(w).some((c) => e.sounds.includes(c))).length;
  };
  let best: NameForm = own;
  let bestScore = score(own);
  for (const a of aliases) {
    const s = score(a);
    if (s > bestScore) {
      best = a;
      bestScore = s;
    }
  }
  return { kind: 'soundsLike', name: best };
}

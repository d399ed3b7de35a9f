// The statements of a ranked name search (domain/person/search-rank.ts), as text: FTS5 match
// expressions over person_search, and the indexed reads of the big groups from the expression
// indexes on persons and from person_alias_keys. Query words are [a-z0-9] only (search-keys.ts),
// so quoting them cannot break out of an FTS5 string.
import { querySounds } from '../domain/person/search-similar';

export const FAMILY_KEY = 'sonar_family_key(family_name)';
export const GIVEN_KEY = 'sonar_given_key(given_names)';

/** Every name column of person_search (not the sound codes). */
const NAMES = '{fkey gfirst gother afkey agfirst aother}';

const quoted = (w: string): string => `"${w.replace(/[^a-z0-9]/g, '')}"`;
const prefix = (w: string): string => `${quoted(w)}*`;

/** The smallest string above every string starting with `p` (an index range's upper bound). */
export function upperBound(p: string): string {
  return p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
}

export const fts = {
  /** Everyone who matches: every word starts one of their name words. */
  all: (words: readonly string[]): string => `${NAMES}: (${words.map(prefix).join(' AND ')})`,
  /** One word (n = 1), group 5: no family name and no first given name starts with it. */
  elsewhereOnly: (word: string): string => `${fts.all([word])} NOT {fkey afkey gfirst agfirst}: ${prefix(word)}`,
  /** Own family name exactly one of the words. */
  familyExact: (words: readonly string[]): string => `fkey: (${words.map(quoted).join(' OR ')})`,
  familyStarts: (words: readonly string[]): string => `fkey: (${words.map(prefix).join(' OR ')})`,
  /** Two words: everyone but those whose own name pairs them (family starts with one, first given name with the other). */
  notOwnPair: (a: string, b: string): string =>
    `${fts.all([a, b])} NOT ((fkey: ${prefix(a)} AND gfirst: ${prefix(b)}) OR (fkey: ${prefix(b)} AND gfirst: ${prefix(a)}))`,
  /**
   * Similar-sounding: every word starts a name word or sounds like one, and not everyone who
   * matches by spelling. Null when no word is long enough to sound like anything.
   */
  similar: (words: readonly string[]): string | null => {
    if (!words.some((w) => querySounds(w).length > 0)) return null;
    const each = words.map((w) => {
      const codes = querySounds(w);
      return codes.length === 0 ? `(${NAMES}: ${prefix(w)})` : `(${NAMES}: ${prefix(w)} OR sounds: (${codes.map(quoted).join(' OR ')}))`;
    });
    return `(${each.join(' AND ')}) NOT (${fts.all(words)})`;
  },
};

/** Key columns of a person from the family-first or given-first expression index. */
const KEYS = `seq, ${FAMILY_KEY} AS fkey, ${GIVEN_KEY} AS gkey, birth_date AS birthDate FROM persons`;

function order(group: Extract<IndexedGroupSql, { where: string }>, byBirthDate: boolean): string {
  // A family key fixed by the condition is left out: SQLite does not see an expression compared
  // with = as constant, and would sort the whole group instead of reading the index in order.
  const family = group.familyFixed ? '' : `${FAMILY_KEY}, `;
  const names = group.givenFirst ? `${GIVEN_KEY}, ${FAMILY_KEY}` : `${family}${GIVEN_KEY}`;
  return `ORDER BY ${byBirthDate ? 'abs(julianday(birth_date) - julianday(@dob)), ' : ''}${names}, birth_date, seq`;
}

/** One condition read through one persons index. */
export interface IndexedBranch {
  where: string;
  index: string;
}

/**
 * A group read from the persons indexes: one condition and its order, or (two words) two disjoint
 * conditions (neither word starts the other), each read through its own index from the index
 * alone. As one OR, SQLite read every person whose given name starts with the shorter word from the
 * table and worked out their keys again (85-170 ms for "scott pi" at a million people, against
 * under 1 ms this way).
 */
export type IndexedGroupSql =
  | {
      where: string;
      givenFirst: boolean;
      /** The condition fixes the family key to one value. */
      familyFixed?: boolean;
    }
  | { branches: readonly IndexedBranch[] };

const starts = (key: string, w: string): string => `(${key} >= @${w} AND ${key} < @${w}Hi)`;
const startsLonger = (key: string, w: string): string => `(${key} > @${w} AND ${key} < @${w}Hi)`;

/**
 * The groups whose members' own name decides their place, for one word (`a`) or two (`a`, `b`).
 * Parameters: @a, @aHi (and @b, @bHi), and @dob when ordering by date of birth.
 */
export function indexedGroups(words: 1 | 2, aLonger = true): Record<0 | 2 | 4, IndexedGroupSql | null> {
  if (words === 1) {
    return {
      0: { where: `${FAMILY_KEY} = @a`, givenFirst: false, familyFixed: true },
      2: { where: startsLonger(FAMILY_KEY, 'a'), givenFirst: false },
      4: { where: `${starts(GIVEN_KEY, 'a')} AND NOT ${starts(FAMILY_KEY, 'a')}`, givenFirst: true },
    };
  }
  // Family key starting with one word and given key with the other: read through the index of the
  // longer word (the fewer entries to walk); an exact family key through the family index.
  const startsPair = (f: 'a' | 'b', g: 'a' | 'b'): IndexedBranch => ({
    where: `${startsLonger(FAMILY_KEY, f)} AND ${starts(GIVEN_KEY, g)}`,
    index: (f === 'a') === aLonger ? 'persons_name_family' : 'persons_name_given',
  });
  const exact = (f: 'a' | 'b', g: 'a' | 'b'): IndexedBranch => ({ where: `${FAMILY_KEY} = @${f} AND ${starts(GIVEN_KEY, g)}`, index: 'persons_name_family' });
  return { 0: { branches: [exact('a', 'b'), exact('b', 'a')] }, 2: { branches: [startsPair('a', 'b'), startsPair('b', 'a')] }, 4: null };
}

const branchSql = (b: IndexedBranch): string => `SELECT ${KEYS} INDEXED BY ${b.index} WHERE ${b.where}`;

/**
 * One family key, nearest date of birth first: the nearest `limit` born on or after the date and
 * the nearest `limit` born before it, read outward from the date in persons_name_family_birth,
 * hold the page (each side is already in the page's order: distance, then given key, date, seq).
 */
function nearestBirthDateSql(where: string): string {
  const side = (cond: string, dir: 'ASC' | 'DESC') =>
    `SELECT * FROM (SELECT ${KEYS} INDEXED BY persons_name_family_birth WHERE ${where} AND ${cond} ORDER BY birth_date ${dir}, ${GIVEN_KEY}, seq LIMIT @limit)`;
  return `SELECT * FROM (${side('birth_date >= @dob', 'ASC')} UNION ALL ${side('birth_date < @dob', 'DESC')})
    ORDER BY abs(julianday(birthDate) - julianday(@dob)), gkey, birthDate, seq LIMIT @limit`;
}

export function indexedPageSql(group: IndexedGroupSql, byBirthDate: boolean): string {
  if ('branches' in group) {
    // Over the union, the same order by the columns' names (two-word groups are family-first).
    const dob = byBirthDate ? 'abs(julianday(birthDate) - julianday(@dob)), ' : '';
    return `SELECT * FROM (${group.branches.map(branchSql).join(' UNION ALL ')}) ORDER BY ${dob}fkey, gkey, birthDate, seq LIMIT @limit`;
  }
  if (group.familyFixed && byBirthDate) return nearestBirthDateSql(group.where);
  return `SELECT ${KEYS} WHERE ${group.where} ${order(group, byBirthDate)} LIMIT @limit`;
}

export function indexedCountSql(group: IndexedGroupSql): string {
  if ('branches' in group) return `SELECT ${group.branches.map((b) => `(SELECT count(*) FROM (${branchSql(b)}))`).join(' + ')}`;
  return `SELECT count(*) FROM persons WHERE ${group.where}`;
}

const ALIAS_COLUMNS = 'SELECT person_seq AS seq, afk, agk, own_fk, own_gk, birth_date FROM person_alias_keys';

/** Which person_alias_keys index leads with each key column. */
const ALIAS_INDEX: Record<'afk' | 'agk' | 'own_fk' | 'own_gk', string> = {
  afk: 'person_alias_keys_family',
  agk: 'person_alias_keys_given',
  own_fk: 'person_alias_keys_own_family',
  own_gk: 'person_alias_keys_own_given',
};

type AliasKey = keyof typeof ALIAS_INDEX;

/**
 * One pair condition (family key `fk` starts with word `f`, given key `gk` with word `g`), read
 * through the index of the longer word: the longer the prefix, the fewer entries to walk.
 */
function pairScan(fk: AliasKey, f: string, gk: AliasKey, g: string, fLonger: boolean): string {
  const lead = fLonger ? fk : gk;
  return `${ALIAS_COLUMNS} INDEXED BY ${ALIAS_INDEX[lead]} WHERE ${starts(fk, f)} AND ${starts(gk, g)}`;
}

/**
 * Aliases that can pair the words (and so may rank their person higher than the own name does).
 * One word: an alias family name or first given name starting with it. Two: a family name and a
 * first given name of one name form, at least one of them the alias's (alias family with alias or
 * own given name; own family with alias given name), each word taking either part. `aLonger`:
 * the first word is at least as long as the second (chooses the indexes to walk). `familyOnly`
 * (one word): only the aliases whose family name starts with it, which are all an alias can put in
 * groups 0 and 2 (an alias given name alone reaches group 4 at best).
 */
export function aliasCandidatesSql(words: 1 | 2, aLonger = true, familyOnly = false): string {
  if (words === 1) {
    const family = `${ALIAS_COLUMNS} INDEXED BY ${ALIAS_INDEX.afk} WHERE ${starts('afk', 'a')}`;
    return familyOnly ? family : `${family}
      UNION ALL ${ALIAS_COLUMNS} INDEXED BY ${ALIAS_INDEX.agk} WHERE ${starts('agk', 'a')}`;
  }
  const pairs = (f: 'a' | 'b', g: 'a' | 'b') => {
    const fLonger = f === 'a' ? aLonger : !aLonger;
    return [pairScan('afk', f, 'agk', g, fLonger), pairScan('afk', f, 'own_gk', g, fLonger), pairScan('own_fk', f, 'agk', g, fLonger)];
  };
  return [...pairs('a', 'b'), ...pairs('b', 'a')].join('\n      UNION ALL ');
}

// People an alias ranks higher than their own name does (domain/person/search-rank.ts: a family
// name and first given name are a pair from one name form, and an alias is a name form). They are
// found in person_alias_keys, which holds each alias's keys beside its person's own keys and date
// of birth, and ranked there in SQL: a common family name can be an alias of a thousand people at
// a million, and only the page's share of them is ever read out. The group arithmetic below is
// the SQL twin of pairGroup/ownPairGroup; the property test in name-search-repo.test.ts holds the
// two to the same answers.
import type { Statement } from 'better-sqlite3';
import type { Group, NameQuery } from '../domain/person/search-rank';
import { aliasCandidatesSql } from './name-search-sql';

const starts = (col: string, w: string): string => `(${col} >= @${w} AND ${col} < @${w}Hi)`;

/** pairGroup(F, G) for two words: 0 exact family, 2 family starting with, 9 no pair. */
function pair2(f: string, g: string): string {
  return `(CASE WHEN (${f} = @a AND ${starts(g, 'b')}) OR (${f} = @b AND ${starts(g, 'a')}) THEN 0
    WHEN (${starts(f, 'a')} AND ${starts(g, 'b')}) OR (${starts(f, 'b')} AND ${starts(g, 'a')}) THEN 2 ELSE 9 END)`;
}

/** The best group each candidate reaches through an alias (`ag`) and through their own name alone (`og`). */
function groupsSql(words: 1 | 2): { ag: string; og: string } {
  if (words === 1) {
    return {
      ag: `CASE WHEN afk = @a THEN 0 WHEN ${starts('afk', 'a')} THEN 2 WHEN ${starts('agk', 'a')} THEN 4 ELSE 9 END`,
      og: `CASE WHEN own_fk = @a THEN 0 WHEN ${starts('own_fk', 'a')} THEN 2 WHEN ${starts('own_gk', 'a')} THEN 4 ELSE 9 END`,
    };
  }
  return {
    ag: `min(${pair2('afk', 'agk')}, ${pair2('afk', 'own_gk')}, ${pair2('own_fk', 'agk')})`,
    og: `min(${pair2('own_fk', 'own_gk')}, CASE WHEN own_fk IN (@a, @b) THEN 1 WHEN ${starts('own_fk', 'a')} OR ${starts('own_fk', 'b')} THEN 3 ELSE 9 END)`,
  };
}

/** One row per promoted person: seq, alias group, own group, and what they are ordered by. */
function promotedSql(words: 1 | 2, aLonger: boolean, familyOnly = false): string {
  const { ag, og } = groupsSql(words);
  // (One alias row per line; a person with several is one promoted row, at their best.) A person's
  // own keys are the same on each of their alias rows, so their own group is too: a row whose alias
  // group is no better than it can never promote them, and is left out before the grouping (most
  // rows a common prefix finds, such as an alias keeping the person's own given name).
  return `WITH candidates AS (SELECT * FROM (SELECT seq, ${ag} AS ag, ${og} AS og, own_fk, own_gk, birth_date FROM (${aliasCandidatesSql(words, aLonger, familyOnly)})) WHERE ag < og),
    promoted AS MATERIALIZED (SELECT seq, min(ag) AS ag, min(og) AS og, min(own_fk) AS fkey, min(own_gk) AS gkey, min(birth_date) AS birthDate
                   FROM candidates GROUP BY seq)`;
}

export interface PromotedRow {
  seq: number;
  fkey: string;
  gkey: string;
  birthDate: string;
}

type Prepare = (sql: string) => Statement<unknown[]>;

/** The groups an alias can put a person in (one word: 0, 2, 4; two words: 0, 2). */
const ALIAS_GROUPS = [0, 2, 4] as const;

/**
 * The alias-promoted people of one query, in one statement: each group's first `k` in rank order,
 * each group's size, and everyone taken out of an indexed group (few: their own name already ranks
 * them there, an alias ranks them higher). The promoted people are found once (promotedSql's
 * MATERIALIZED) and each group's first k taken with ORDER BY ... LIMIT, which keeps only k rows while it reads:
 * numbering a whole group (row_number() over thousands of people for a common prefix) cost
 * about twice as much.
 */
function pageSql(base: string, byBirthDate: boolean): string {
  // The rank order (domain/person/search-rank.ts orderKeys): given-first groups by given name.
  const keys = `${byBirthDate ? 'abs(julianday(birthDate) - julianday(@dob))' : '0'} AS k1,
    CASE WHEN ag >= 4 THEN gkey ELSE fkey END AS k2, CASE WHEN ag >= 4 THEN fkey ELSE gkey END AS k3`;
  const first = ALIAS_GROUPS.map(
    (g) => `SELECT * FROM (SELECT 'first' AS part, seq, ag, og, fkey, gkey, birthDate, NULL AS n, ${keys} FROM promoted WHERE ag = ${g} ORDER BY k1, k2, k3, birthDate, seq LIMIT @k)`,
  );
  return `${base}
    ${first.join('\n    UNION ALL ')}
    UNION ALL SELECT 'own', seq, ag, og, fkey, gkey, birthDate, NULL, NULL, NULL, NULL FROM promoted WHERE og IN (0, 2, 4)
    UNION ALL SELECT 'size', NULL, ag, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL FROM promoted GROUP BY ag
    ORDER BY 1, 3, 9, 10, 11, 7, 2`;
}

interface Statements {
  /** The promoted people (a WITH clause). */
  base: string;
  /** The page statement built on it. */
  sql: string;
}

interface PageRow extends PromotedRow {
  part: 'first' | 'own' | 'size';
  ag: Group;
  og: number;
  n: number;
}

/**
 * The alias-promoted people of one query, read once (again only for a deeper page, or when the page
 * reaches group 4).
 *
 * For one word, what a page needs first (groups 0 and 2, and who leaves an own-name group) comes
 * from the aliases whose family name starts with the word alone: a person reaches group 0 or 2
 * only through such an alias, and someone whose best alias is a given name (group 4) has no own
 * group to leave (they would not be promoted otherwise). The aliases whose given name starts with
 * the word are read only when the page reaches group 4: for a prefix such as "dav" that is about
 * three times as many rows as the family names, and rarely needed.
 */
export class AliasPromotions {
  private readonly statements: (familyOnly: boolean) => Statements;
  private fullStatements: Statements | null = null;
  private readonly oneWord: boolean;
  private loadedK = 0;
  private loadedFull = false;
  private byGroup = new Map<Group, PromotedRow[]>();
  private sizes = new Map<Group, number>();
  private promotedOwn = new Map<Group, Set<number>>();

  constructor(
    private readonly prepare: Prepare,
    query: NameQuery,
    private readonly params: Record<string, string>,
    /** Where the page ends: each group's first this many are read at once. */
    private readonly pageEnd: number,
  ) {
    const [a = '', b = ''] = query.words;
    const words = query.words.length as 1 | 2;
    this.oneWord = words === 1;
    this.statements = (familyOnly) => {
      const base = promotedSql(words, a.length >= b.length, familyOnly);
      return { base, sql: pageSql(base, query.birthDate !== null) };
    };
  }

  /** Every alias candidate (built only when needed: most one-word pages never need it). */
  private get full(): Statements {
    return (this.fullStatements ??= this.statements(false));
  }

  private load(k: number, needFull: boolean): void {
    const want = Math.max(k, this.pageEnd, 1);
    // Two words: an alias reaches groups 0 and 2 only, so there is one statement, the full one.
    const full = needFull || this.loadedFull || !this.oneWord;
    if (this.loadedK >= want && this.loadedFull === full) return;
    const rows = this.prepare((full ? this.full : this.statements(true)).sql).all({ ...this.params, k: want }) as PageRow[];
    this.byGroup = new Map();
    this.sizes = new Map();
    this.promotedOwn = new Map();
    for (const r of rows) {
      // Each group's first rows arrive in rank order (the statement's ORDER BY).
      if (r.part === 'first') this.byGroup.set(r.ag, [...(this.byGroup.get(r.ag) ?? []), r]);
      else if (r.part === 'size') this.sizes.set(r.ag, r.n);
      else if (r.og === 0 || r.og === 2 || r.og === 4) this.promotedOwn.set(r.og, (this.promotedOwn.get(r.og) ?? new Set()).add(r.seq));
    }
    this.loadedK = want;
    this.loadedFull = full;
  }

  /** For each indexed group, the people to leave out of it because an alias lists them higher. */
  promotedFrom(g: Group): Set<number> {
    this.load(this.loadedK, false);
    return this.promotedOwn.get(g) ?? new Set();
  }

  /** The first `limit` people an alias puts in group `g`, in rank order. */
  first(g: Group, limit: number): PromotedRow[] {
    this.load(limit, g === 4);
    return (this.byGroup.get(g) ?? []).slice(0, limit);
  }

  count(g: Group): number {
    this.load(this.loadedK, g === 4);
    return this.sizes.get(g) ?? 0;
  }

  /** Everyone promoted (for listing the rest in registration order without them). */
  all(): Set<number> {
    return new Set(this.prepare(`${this.full.base} SELECT seq FROM promoted`).pluck().all(this.params) as number[]);
  }
}

// Ranked, complete, pageable name search over the encrypted store, in exactly the order
// domain/person/search-rank.ts defines (a property test compares the two on random populations).
//
// How a page is found without reading everyone who matches (a common family name matches tens of
// thousands of people at a million):
// - the total is one FTS5 count;
// - the groups decided by a person's own name (family name exact / starting with the word, with
//   the first given name paired; or the first given name) are read in rank order from expression
//   indexes on persons, a page at a time, and counted from the index alone;
// - people an alias ranks higher than their own name are found and ranked in person_alias_keys
//   (name-search-aliases.ts) and merged into their group, a page's worth at a time;
// - the remaining groups (words found in middle names, parts of names, an alias's other words)
//   are read from FTS5 and ranked in memory; above MATERIALISE_MAX rows a group is listed in
//   registration order instead, and the answer says it is not fully ranked.
// Groups are walked lazily: a group is counted only when the page lies beyond it.
import {
  compareRanks,
  daysBetween,
  groupOf,
  orderKeys,
  rankOf,
  type Group,
  type IndexedPerson,
  type NameQuery,
  type Rank,
} from '../domain/person/search-rank';
import { compareSimilar, similarRankOf, soundsLike } from '../domain/person/search-similar';
import { AliasPromotions } from './name-search-aliases';
import { fts, indexedCountSql, indexedGroups, indexedPageSql, upperBound, type IndexedGroupSql } from './name-search-sql';
import type { Statement } from 'better-sqlite3';
import type { RawDb } from './open';

/** Above this many rows a group read from FTS5 is listed in registration order rather than ranked. */
export const MATERIALISE_MAX = 1000;

/** Up to this many matches, everyone is read once and ranked in memory: cheaper than the indexed groups. */
export const RANK_ALL_MAX = 50;

/** Similar-sounding names are put in order of spelling up to this many; more are listed in registration order. */
export const SIMILAR_RANK_MAX = 200;

export interface NameSearchMember {
  seq: number;
  /** 'similar' for the second group (sounds like, not spelt like). */
  group: Group | 'similar';
}

export interface NameSearchPage {
  /** Everyone who matches (not counting similar-sounding names). */
  total: number;
  members: NameSearchMember[];
  /** How many sound similar; null until the page reaches the end of the matches. */
  similarTotal: number | null;
  /** False when part of the list could not be put in rank order (see MATERIALISE_MAX). */
  ranked: boolean;
}

interface Source {
  count(): number;
  take(offset: number, limit: number): NameSearchMember[];
}

interface KeysRow {
  seq: number;
  fkey: string;
  gkey: string;
  birthDate: string;
}


interface IndexRow {
  seq: number;
  fkey: string;
  gfirst: string;
  gother: string;
  afkey: string;
  agfirst: string;
  aother: string;
  sounds: string;
  gkey: string;
  birthDate: string;
  apairs: string;
}

const split = (s: string): string[] => (s === '' ? [] : s.split(' '));

function indexedPerson(r: IndexRow): IndexedPerson {
  return {
    seq: r.seq,
    birthDate: r.birthDate,
    fkey: r.fkey,
    gfirst: r.gfirst,
    gother: split(r.gother),
    afkey: split(r.afkey),
    agfirst: split(r.agfirst),
    aother: split(r.aother),
    sounds: split(r.sounds),
    gkey: r.gkey,
    aliasPairs: split(r.apairs).map((p) => {
      const [fkey = '', gfirst = ''] = p.split('/');
      return { fkey, gfirst };
    }),
  };
}

function memberOf(r: Rank): NameSearchMember {
  return { seq: r.seq, group: r.group };
}

function listSource(members: NameSearchMember[]): Source {
  return { count: () => members.length, take: (o, l) => members.slice(o, o + l) };
}

/** A source that counts lazily and fetches nothing until asked. */
function lazy(make: () => Source): Source {
  let made: Source | null = null;
  const get = () => (made ??= make());
  return { count: () => get().count(), take: (o, l) => get().take(o, l) };
}

export class NameSearchRepo {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  private readonly materialiseMax: number;
  private readonly rankAllMax: number;

  constructor(
    private readonly raw: RawDb,
    /** Tests change the thresholds to exercise every way of reading a group. */
    limits: { materialiseMax?: number; rankAllMax?: number } = {},
  ) {
    this.materialiseMax = limits.materialiseMax ?? MATERIALISE_MAX;
    this.rankAllMax = limits.rankAllMax ?? RANK_ALL_MAX;
  }

  private stmt(sql: string): Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** How many people an FTS5 expression matches. */
  ftsCount(match: string): number {
    return this.stmt('SELECT count(*) FROM person_search WHERE person_search MATCH ?').pluck().get(match) as number;
  }

  /** Up to `limit` people an FTS5 expression matches, with everything the ranking needs (from the index alone). */
  private ftsRows(match: string, limit: number): IndexedPerson[] {
    const rows = this.stmt(
      `SELECT rowid AS seq, fkey, gfirst, gother, afkey, agfirst, aother, sounds, gkey, birth_date AS birthDate, apairs
         FROM person_search WHERE person_search MATCH ? LIMIT ?`,
    ).all(match, limit) as IndexRow[];
    return rows.map(indexedPerson);
  }

  private ftsSeqs(match: string, limit: number): number[] {
    return this.stmt('SELECT rowid FROM person_search WHERE person_search MATCH ? ORDER BY rowid LIMIT ?').pluck().all(match, limit) as number[];
  }

  search(query: NameQuery, offset: number, limit: number): NameSearchPage {
    const words = query.words;
    const total = this.ftsCount(fts.all(words));
    let ranked = true;
    const unranked = () => {
      ranked = false;
    };
    const rankAll = total <= this.rankAllMax || !this.fastPathApplies(words);
    const sources = rankAll ? [lazy(() => this.materialised(fts.all(words), query, null, unranked, undefined, total))] : this.fastSources(query, unranked, offset + limit);
    const members: NameSearchMember[] = [];
    let skip = offset;
    const walk = (source: Source) => {
      if (members.length >= limit) return;
      const got = source.take(skip, limit - members.length);
      if (got.length > 0) {
        members.push(...got);
        skip = 0;
      } else {
        skip -= source.count(); // the page starts after this group
      }
    };
    for (const source of sources) walk(source);
    // Similar-sounding names follow the matches; counted once the page reaches the end of them.
    let similarTotal: number | null = null;
    if (offset + limit >= total) {
      const similar = this.similarSource(query, unranked);
      similarTotal = similar.count();
      walk(similar);
    }
    return { total, members, similarTotal, ranked };
  }

  /** One or two words, neither starting the other: the indexed groups then follow the ranking exactly. */
  private fastPathApplies(words: readonly string[]): words is [string] | [string, string] {
    if (words.length === 1) return true;
    if (words.length !== 2) return false;
    const [a = '', b = ''] = words;
    return !a.startsWith(b) && !b.startsWith(a);
  }

  private fastSources(query: NameQuery, unranked: () => void, pageEnd: number): Source[] {
    const words = query.words as [string] | [string, string];
    const n = words.length as 1 | 2;
    const [a = '', b = ''] = words;
    const params: Record<string, string> = { a, aHi: upperBound(a), ...(n === 2 ? { b, bHi: upperBound(b) } : {}) };
    if (query.birthDate) params.dob = query.birthDate;
    const groups = indexedGroups(n, a.length >= b.length);
    const aliases = new AliasPromotions((sql) => this.stmt(sql), query, params, pageEnd);
    // In registration order (too many to rank), the alias-promoted people are left out of the FTS rows.
    const promotedSeqs = () => aliases.all();
    const indexed = (g: 0 | 2 | 4): Source | null => {
      const sql = groups[g];
      return sql ? lazy(() => this.indexedSource(g, sql, params, query, aliases)) : null;
    };
    if (n === 1) {
      return [indexed(0), indexed(2), indexed(4), lazy(() => this.materialised(fts.elsewhereOnly(a), query, null, unranked))].filter(
        (s): s is Source => s !== null,
      );
    }
    // Two words: groups 1, 3, 4 and 5 are read from FTS5 and ranked in memory.
    const tailOf = (match: string, keep: readonly Group[]) => lazy(() => this.materialised(match, query, keep, unranked, promotedSeqs));
    const both = fts.all(words);
    return [
      indexed(0),
      tailOf(`${both} AND ${fts.familyExact(words)}`, [1]),
      indexed(2),
      tailOf(`${both} AND ${fts.familyStarts(words)} NOT ${fts.familyExact(words)}`, [3]),
      tailOf(`${both} NOT ${fts.familyStarts(words)}`, [4, 5]),
    ].filter((s): s is Source => s !== null);
  }

  /** Everyone an FTS5 expression matches, ranked in memory (only those in `keep` groups), or in registration order when too many. */
  private materialised(
    match: string,
    query: NameQuery,
    keep: readonly Group[] | null,
    unranked: () => void,
    promoted: () => Set<number> = () => new Set(),
    /** How many the expression matches, when already counted: too many to rank are then never read. */
    known: number | null = null,
  ): Source {
    const tooMany = () => {
      unranked();
      if (keep === null || keep.includes(5)) return this.rowOrderSource(match, known ?? this.ftsCount(match), query, promoted());
      return this.filteredRowOrderSource(match, query, keep);
    };
    if (known !== null && known > this.materialiseMax) return tooMany();
    // One read: the rows themselves, one more than can be ranked.
    const rows = this.ftsRows(match, this.materialiseMax + 1);
    if (rows.length > this.materialiseMax) return tooMany();
    const ranks = rows
      .map((p) => rankOf(p, query))
      .filter((r): r is Rank => r !== null && (keep === null || keep.includes(r.group)))
      .sort(compareRanks);
    return listSource(ranks.map(memberOf));
  }

  /**
   * Registration order. `exclude`: people listed elsewhere (an alias ranks them higher) who may be
   * among the FTS rows; those that are (checked with FTS) do not count.
   */
  private rowOrderSource(match: string, n: number, query: NameQuery, exclude: Set<number>): Source {
    let inMatch: number | null = null;
    const excluded = () =>
      (inMatch ??= [...exclude].filter((seq) => this.stmt('SELECT count(*) FROM person_search WHERE person_search MATCH ? AND rowid = ?').pluck().get(match, seq) === 1).length);
    return {
      count: () => n - excluded(),
      take: (o, l) =>
        this.ftsSeqs(match, o + l + exclude.size)
          .filter((seq) => !exclude.has(seq))
          .slice(o, o + l)
          .map((seq) => ({ seq, group: (query.words.length === 1 ? 5 : 4) as Group })),
    };
  }

  private filteredRowOrderSource(match: string, query: NameQuery, keep: readonly Group[]): Source {
    let all: NameSearchMember[] | null = null;
    const members = () =>
      (all ??= this.ftsRows(match, Number.MAX_SAFE_INTEGER)
        .map((p) => ({ seq: p.seq, group: groupOf(p, query.words) }))
        .filter((m): m is NameSearchMember & { group: Group } => m.group !== null && keep.includes(m.group))
        .sort((x, y) => x.seq - y.seq));
    return { count: () => members().length, take: (o, l) => members().slice(o, o + l) };
  }

  private indexedSource(g: 0 | 2 | 4, sql: IndexedGroupSql, params: Record<string, string>, query: NameQuery, aliases: AliasPromotions): Source {
    const promoted = aliases.promotedFrom(g);
    const dob = query.birthDate;
    const byDob = dob !== null;
    const rank = (row: KeysRow): Rank => ({
      group: g,
      dobDistance: dob !== null ? daysBetween(row.birthDate, dob) : 0,
      seq: row.seq,
      keys: orderKeys(g, row),
    });
    // The group is the own-name rows (less those an alias lists higher) merged with the people an
    // alias puts here: the first o + l of each, in rank order, give the page.
    return {
      count: () => (this.stmt(indexedCountSql(sql)).pluck().get(params) as number) - promoted.size + aliases.count(g),
      take: (o, l) => {
        const rows = this.stmt(indexedPageSql(sql, byDob)).all({ ...params, limit: o + l + promoted.size }) as KeysRow[];
        const own = rows.filter((r) => !promoted.has(r.seq)).map(rank);
        const byAlias = aliases.first(g, o + l).map(rank);
        return [...own, ...byAlias].sort(compareRanks).slice(o, o + l).map(memberOf);
      },
    };
  }

  private similarSource(query: NameQuery, unranked: () => void): Source {
    const match = fts.similar(query.words);
    if (match === null) return listSource([]);
    const max = Math.min(this.materialiseMax, SIMILAR_RANK_MAX);
    // Counted first: the sound codes of a short name can match thousands, whose rows would be read
    // only to be put aside.
    const n = this.ftsCount(match);
    if (n > max) {
      unranked();
      return { count: () => n, take: (o, l) => this.ftsSeqs(match, o + l).slice(o).map((seq) => ({ seq, group: 'similar' as const })) };
    }
    const rows = this.ftsRows(match, max);
    const ranks = rows
      .filter((p) => soundsLike(p, query))
      .map((p) => similarRankOf(p, query))
      .sort(compareSimilar);
    return listSource(ranks.map((r) => ({ seq: r.seq, group: 'similar' as const })));
  }
}


// Search through the router next to the raw SQL that finds the same people, on the same connection.
// - Name search: the router's ranked answer (first page, true total, similar-sounding names when
//   the page reaches them) against the raw unranked FTS5 query over the same words: the count of
//   everyone who matches and the first 26 of them in storage order (what the screen showed before
//   ranking, plus the total it must now state). `rawPageOnly` is the page query alone.
// - Identifier search: the router (every identifier type the text could be, tried) against one
//   exact lookup on person_identifiers(type, value) for the type it is.
// router/raw is the price of everything around the query: validation, session, parsing, ranking,
// the audit row.
import type { RawDb } from '../db/open';
import { fts } from '../db/name-search-sql';
import { checkIdentifier } from '../domain/identifiers/identifier-types';
import { planSearch } from '../domain/person/search-query';
import type { SiteApp } from '../main/app/create-site-app';
import { ratio, summarise, timeAsync, timeSync, type Percentiles } from './percentiles';
import type { Prng } from './prng';
import type { QueryKind } from './queries';

const SUMMARY = `p.id, p.family_name, p.given_names, p.title, p.birth_date, p.sex, n.value AS nhs`;
const NHS_JOIN = `LEFT JOIN person_identifiers n ON n.person_id = p.id AND n.type = 'nhs_number'`;

export const RAW_SQL = {
  nameCount: 'SELECT count(*) FROM person_search WHERE person_search MATCH ?',
  namePage: `SELECT ${SUMMARY} FROM person_search JOIN persons p ON p.seq = person_search.rowid ${NHS_JOIN} WHERE person_search MATCH ? LIMIT 26`,
  identifier: `SELECT ${SUMMARY} FROM person_identifiers x JOIN persons p ON p.id = x.person_id ${NHS_JOIN} WHERE x.type = ? AND x.value = ? AND x.retired_at IS NULL`,
  /** Local ids keep their case; found in any case (the partial NOCASE index). */
  localId: `SELECT ${SUMMARY} FROM person_identifiers x JOIN persons p ON p.id = x.person_id ${NHS_JOIN} WHERE x.type = 'local_id' AND x.value = ? COLLATE NOCASE AND x.retired_at IS NULL`,
} as const;

export interface SearchStats {
  router: Percentiles;
  raw: Percentiles;
  ratioP95: number | null;
}

export interface SearchGroupResult extends SearchStats {
  kinds: Record<string, SearchStats & { meanTotal: number; examples: string[] }>;
  /** The router's total and the raw count disagreed (should be 0). */
  mismatches: number;
  /** Name search only: the page query without the count. */
  rawPageOnly?: Percentiles;
}

interface Prepared {
  kind: number;
  query: string;
  /** Runs the raw side; returns how many people match. */
  raw: () => number;
  pageOnly?: () => unknown;
}

type Raw = ReturnType<typeof rawStatements>;

function rawStatements(raw: RawDb) {
  return {
    count: raw.prepare(RAW_SQL.nameCount).pluck(),
    page: raw.prepare(RAW_SQL.namePage),
    identifier: raw.prepare(RAW_SQL.identifier),
    localId: raw.prepare(RAW_SQL.localId),
  };
}

const TODAY = new Date().toISOString().slice(0, 10);

/** The raw side of a name query: the same FTS5 words, unranked. */
function prepareName(s: Raw, query: string): Pick<Prepared, 'raw' | 'pageOnly'> {
  const plan = planSearch(query, { today: TODAY });
  if (!plan.name) throw new Error(`"${query}" is not a name search`);
  const match = fts.all(plan.name.words);
  return {
    raw: () => {
      const n = s.count.get(match) as number;
      s.page.all(match);
      return n;
    },
    pageOnly: () => s.page.all(match),
  };
}

/** The raw side of an identifier query: one exact lookup for the type it was sampled as. */
function prepareIdentifier(s: Raw, query: string, type: Parameters<typeof checkIdentifier>[0]): Pick<Prepared, 'raw'> {
  const check = checkIdentifier(type, query, { allowTestNumbers: true, currentYear: Number(TODAY.slice(0, 4)) });
  if (!check.ok) throw new Error(`"${query}" is not a valid ${type}: ${check.reason}`);
  return { raw: () => (type === 'local_id' ? s.localId.all(check.value) : s.identifier.all(type, check.value)).length };
}

/**
 * Each side runs every measured query once. Running the same query on both sides back to back
 * would hand the second one a page cache the first just filled, so the measured queries go in
 * blocks (a quarter of the samples each) in ABBA order: raw then router, router then raw, ...
 */
export async function benchSearch<T>(
  app: SiteApp,
  token: string,
  options: { kinds: readonly (QueryKind<T> & { type?: Parameters<typeof checkIdentifier>[0] })[]; samples: (kind: number) => T[]; count: number; warmup: number; rng: Prng },
): Promise<SearchGroupResult> {
  const s = rawStatements(app.store.raw);
  const pools = options.kinds.map((_, k) => options.samples(k));
  const prepare = (i: number): Prepared => {
    const kind = i % options.kinds.length;
    const def = options.kinds[kind]!;
    const pool = pools[kind]!;
    const query = def.make(pool[Math.floor(i / options.kinds.length) % pool.length]!, options.rng);
    return { kind, query, ...(def.type ? prepareIdentifier(s, query, def.type) : prepareName(s, query)) };
  };
  const warmups = Array.from({ length: options.warmup }, (_, i) => prepare(options.count + i));
  const measured = Array.from({ length: options.count }, (_, i) => prepare(i));

  const runRouter = async (q: Prepared) => {
    const [ns, result] = await timeAsync(() => app.router.handle('patients.search', { query: q.query }, token));
    if (!result.ok) throw new Error(`patients.search "${q.query}" failed: ${JSON.stringify(result.error)}`);
    return [ns, (result.value as { total: number }).total] as const;
  };

  for (const q of warmups) {
    q.raw();
    await runRouter(q);
  }
  const rawNs = new Array<number>(measured.length);
  const rawTotal = new Array<number>(measured.length);
  const pageNs: number[] = [];
  const routerNs = new Array<number>(measured.length);
  const routerTotal = new Array<number>(measured.length);
  const blockSize = Math.max(1, Math.ceil(measured.length / 4));
  for (let block = 0; block * blockSize < measured.length; block++) {
    const from = block * blockSize;
    const to = Math.min(measured.length, from + blockSize);
    const rawPass = () => {
      for (let i = from; i < to; i++) {
        const q = measured[i]!;
        [rawNs[i], rawTotal[i]] = timeSync(q.raw);
        if (q.pageOnly) pageNs.push(timeSync(q.pageOnly)[0]);
      }
    };
    const routerPass = async () => {
      for (let i = from; i < to; i++) [routerNs[i], routerTotal[i]] = await runRouter(measured[i]!);
    };
    if (block % 2 === 0) {
      rawPass();
      await routerPass();
    } else {
      await routerPass();
      rawPass();
    }
  }

  const stats = (indexes: number[]): SearchStats => {
    const router = summarise(indexes.map((i) => routerNs[i]!));
    const rawStats = summarise(indexes.map((i) => rawNs[i]!));
    return { router, raw: rawStats, ratioP95: ratio(router.p95, rawStats.p95) };
  };
  const all = measured.map((_, i) => i);
  const kinds: SearchGroupResult['kinds'] = {};
  options.kinds.forEach((kind, k) => {
    const mine = all.filter((i) => measured[i]?.kind === k);
    const total = mine.reduce((sum, i) => sum + (rawTotal[i] ?? 0), 0);
    kinds[kind.name] = {
      ...stats(mine),
      meanTotal: Math.round((total / Math.max(1, mine.length)) * 10) / 10,
      examples: mine.slice(0, 5).map((i) => measured[i]?.query ?? ''),
    };
  });
  return {
    ...stats(all),
    kinds,
    mismatches: all.filter((i) => rawTotal[i] !== routerTotal[i]).length,
    ...(pageNs.length > 0 ? { rawPageOnly: summarise(pageNs) } : {}),
  };
}

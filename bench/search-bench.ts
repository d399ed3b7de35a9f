// Patient search through the router next to the same SQL run raw on the same connection. The raw
// side is the exact statement db/persons-repo.ts has drizzle build (FTS5 MATCH with prefix tokens,
// or the NHS range on person_identifiers(type, value)), same LIMIT, parameters precomputed, so
// router/raw is the price of everything around the query: validation, session, parsing, audit.
import type { RawDb } from '../db/open';
import { ftsPrefixQuery, prefixUpperBound } from '../db/persons-repo';
import { SEARCH_LIMIT } from '../contract/channels/patients';
import { parseSearchQuery } from '../domain/person/search-query';
import type { SiteApp } from '../main/app/create-site-app';
import { ratio, summarise, timeAsync, timeSync, type Percentiles } from './percentiles';
import type { Prng } from './prng';
import type { QueryKind, SampledPerson } from './queries';

const COLUMNS = `"persons"."id", "persons"."family_name", "persons"."given_names", "persons"."title", "persons"."birth_date", "persons"."sex", "person_identifiers"."value"`;

/** As drizzle renders PersonsRepo.byName (checked against its .toSQL() when this was written). */
export const NAME_SQL =
  `select ${COLUMNS} from person_search inner join "persons" on "persons"."seq" = person_search.rowid ` +
  `left join "person_identifiers" on ("person_identifiers"."person_id" = "persons"."id" and "person_identifiers"."type" = ?) ` +
  `where person_search MATCH ? limit ?`;

/** As drizzle renders PersonsRepo.byNhsPrefix. */
export const NHS_SQL =
  `select ${COLUMNS} from "person_identifiers" inner join "persons" on "persons"."id" = "person_identifiers"."person_id" ` +
  `where ("person_identifiers"."type" = ? and "person_identifiers"."value" >= ? and "person_identifiers"."value" < ?) ` +
  `order by "person_identifiers"."value" limit ?`;

export interface SearchStats {
  router: Percentiles;
  raw: Percentiles;
  ratioP95: number | null;
}

export interface SearchGroupResult extends SearchStats {
  kinds: Record<string, SearchStats & { meanRows: number; examples: string[] }>;
  /** Router and raw disagreed on how many rows there were (should be 0). */
  mismatches: number;
}

/** The raw side of one typed query: the bound parameters of the one statement it runs. */
export function rawParams(query: string): { sql: 'name' | 'nhs'; params: unknown[] } {
  const q = parseSearchQuery(query);
  const limit = SEARCH_LIMIT + 1;
  if (q.kind === 'name' && q.birthDate === null) return { sql: 'name', params: ['nhs_number', ftsPrefixQuery(q.tokens), limit] };
  if (q.kind === 'nhsNumber') return { sql: 'nhs', params: ['nhs_number', q.digitsPrefix, prefixUpperBound(q.digitsPrefix), limit] };
  throw new Error(`the bench does not build ${q.kind} queries ("${query}")`);
}

interface PreparedQuery {
  kind: number;
  query: string;
  sql: 'name' | 'nhs';
  params: unknown[];
}

/**
 * Each side runs every measured query once. Running the same query on both sides back to back
 * would hand the second one a page cache the first just filled, so the measured queries go in
 * blocks (a quarter of the samples each) in ABBA order: raw then router, router then raw, ...
 * Between a query's two runs lie hundreds of others, enough to cycle the connection's page cache.
 */
export async function benchSearch(
  app: SiteApp,
  token: string,
  options: { kinds: readonly QueryKind[]; people: readonly SampledPerson[]; samples: number; warmup: number; rng: Prng },
): Promise<SearchGroupResult> {
  const raw: RawDb = app.store.raw;
  const statements = { name: raw.prepare(NAME_SQL), nhs: raw.prepare(NHS_SQL) };
  const prepare = (i: number): PreparedQuery => {
    const kind = i % options.kinds.length;
    const query = (options.kinds[kind] as QueryKind).make(options.people[i % options.people.length] as SampledPerson, options.rng);
    return { kind, query, ...rawParams(query) };
  };
  const warmups = Array.from({ length: options.warmup }, (_, i) => prepare(options.samples + i));
  const measured = Array.from({ length: options.samples }, (_, i) => prepare(i));

  const runRaw = (q: PreparedQuery) => timeSync(() => statements[q.sql].all(...q.params));
  const runRouter = async (q: PreparedQuery) => {
    const [ns, result] = await timeAsync(() => app.router.handle('patients.search', { query: q.query }, token));
    if (!result.ok) throw new Error(`patients.search "${q.query}" failed: ${JSON.stringify(result.error)}`);
    const value = result.value as { results: unknown[]; more: boolean };
    return [ns, value.results.length + (value.more ? 1 : 0)] as const;
  };

  for (const q of warmups) {
    runRaw(q);
    await runRouter(q);
  }
  const rawNs = new Array<number>(measured.length);
  const rawRows = new Array<number>(measured.length);
  const routerNs = new Array<number>(measured.length);
  const routerRows = new Array<number>(measured.length);
  const blockSize = Math.max(1, Math.ceil(measured.length / 4));
  for (let block = 0; block * blockSize < measured.length; block++) {
    const from = block * blockSize;
    const to = Math.min(measured.length, from + blockSize);
    const rawPass = () => {
      for (let i = from; i < to; i++) {
        const [ns, rows] = runRaw(measured[i] as PreparedQuery);
        rawNs[i] = ns;
        rawRows[i] = rows.length;
      }
    };
    const routerPass = async () => {
      for (let i = from; i < to; i++) [routerNs[i], routerRows[i]] = await runRouter(measured[i] as PreparedQuery);
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
    const router = summarise(indexes.map((i) => routerNs[i] as number));
    const rawStats = summarise(indexes.map((i) => rawNs[i] as number));
    return { router, raw: rawStats, ratioP95: ratio(router.p95, rawStats.p95) };
  };
  const all = measured.map((_, i) => i);
  const kinds: SearchGroupResult['kinds'] = {};
  options.kinds.forEach((kind, k) => {
    const mine = all.filter((i) => measured[i]?.kind === k);
    const rows = mine.reduce((sum, i) => sum + (rawRows[i] ?? 0), 0);
    kinds[kind.name] = {
      ...stats(mine),
      meanRows: Math.round((rows / Math.max(1, mine.length)) * 10) / 10,
      examples: mine.slice(0, 5).map((i) => measured[i]?.query ?? ''),
    };
  });
  return { ...stats(all), kinds, mismatches: all.filter((i) => rawRows[i] !== routerRows[i]).length };
}

// The hot search statements each use their index (EXPLAIN QUERY PLAN), so a schema or query change
// that would make a search at a million people read the whole table fails here first.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IdentityRepo } from './identity-repo';
import { aliasCandidatesSql, indexedCountSql, indexedGroups, indexedPageSql } from './name-search-sql';
import { openStore, type OpenedStore } from './open';
import { bySeqsQuery } from './persons-repo';

let dir: string;
let store: OpenedStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-plans-'));
  store = openStore({ file: join(dir, 'site.db'), key: randomBytes(32), create: true });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (sql: string, params: unknown): string =>
  (store.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as never) as { detail: string }[]).map((r) => r.detail).join(' | ');
const one = { a: 'smith', aHi: 'smiti', dob: '1988-04-03', limit: 26 };
const two = { ...one, b: 'jo', bHi: 'jp' };

it('reads the family-name groups from the family index alone, in order', () => {
  const g = indexedGroups(1);
  expect(plan(indexedPageSql(g[0]!, false), one)).toMatch(/^SEARCH persons USING COVERING INDEX persons_name_family \(<expr>=\?\)$/);
  expect(plan(indexedPageSql(g[2]!, false), one)).toMatch(/^SEARCH persons USING COVERING INDEX persons_name_family \(<expr>>\? AND <expr><\?\)$/);
  expect(plan(indexedCountSql(g[0]!), one)).toContain('COVERING INDEX persons_name_family');
  // Nearest date of birth first: read outward from the date, on each side only as far as the page.
  const nearest = plan(indexedPageSql(g[0]!, true), one);
  expect(nearest).toContain('SEARCH persons USING COVERING INDEX persons_name_family_birth (<expr>=? AND birth_date>?)');
  expect(nearest).toContain('SEARCH persons USING COVERING INDEX persons_name_family_birth (<expr>=? AND birth_date<?)');
  expect(nearest).not.toMatch(/SCAN persons/);
});

it('reads the given-name group from the given index alone', () => {
  const p = plan(indexedPageSql(indexedGroups(1)[4]!, false), one);
  expect(p).toContain('COVERING INDEX persons_name_given');
  expect(p).not.toContain('TEMP B-TREE');
});

it('reads two-word pairs from the name indexes alone, each half through the index of its longer word', () => {
  for (const aLonger of [true, false]) {
    const g = indexedGroups(2, aLonger);
    for (const sql of [indexedPageSql(g[0]!, false), indexedPageSql(g[0]!, true), indexedCountSql(g[0]!)]) {
      expect(plan(sql, two).match(/SEARCH persons USING COVERING INDEX persons_name_family \(<expr>=\? AND <expr>>\? AND <expr><\?\)/g)).toHaveLength(2);
    }
    for (const sql of [indexedPageSql(g[2]!, false), indexedCountSql(g[2]!)]) {
      const reads = plan(sql, two).split(' | ').filter((d) => /^(SEARCH|SCAN) persons/.test(d));
      // Family key starting with the first word and given key with the second, then the other way round.
      expect(reads).toEqual([
        `SEARCH persons USING COVERING INDEX ${aLonger ? 'persons_name_family' : 'persons_name_given'} (<expr>>? AND <expr><?)`,
        `SEARCH persons USING COVERING INDEX ${aLonger ? 'persons_name_given' : 'persons_name_family'} (<expr>>? AND <expr><?)`,
      ]);
    }
  }
});

it('finds alias candidates from the alias key indexes', () => {
  for (const [sql, params] of [
    [aliasCandidatesSql(1), one],
    [aliasCandidatesSql(2), two],
  ] as const) {
    const p = plan(sql, params);
    expect(p).toContain('person_alias_keys_family');
    expect(p).toContain('person_alias_keys_given');
    expect(p).not.toMatch(/SCAN person_alias_keys(?! USING)/);
  }
});

it('looks a local id up in any case by its own index', () => {
  const q = new IdentityRepo(store.db as never).localHolder().toSQL();
  expect(plan(q.sql, q.params.length ? ['loc-77'] : [])).toContain('person_identifiers_local_nocase');
});

it('reads a result page’s NHS numbers from the partial index alone', () => {
  const q = bySeqsQuery(store.db).toSQL();
  const p = plan(q.sql, q.params.map(() => '[1, 2, 3]'));
  expect(p).toContain('SEARCH persons USING INTEGER PRIMARY KEY (rowid=?)');
  expect(p).toContain('SEARCH person_identifiers USING COVERING INDEX person_identifiers_nhs_current (person_id=?) LEFT-JOIN');
});

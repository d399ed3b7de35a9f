// The indexed name search gives exactly the order domain/person/search-rank.ts defines, complete
// and without repeats across pages, for random populations (shared and double-barrelled names,
// middle names, aliases) and random queries. The reference ranks everyone in memory.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameIndexEntry, queryWords, type NameForm } from '../domain/person/search-keys';
import { rankAll, type IndexedPerson, type NameQuery } from '../domain/person/search-rank';
import { compareSimilar, similarRankOf, soundsLike } from '../domain/person/search-similar';
import { NameSearchRepo } from './name-search-repo';
import { openStore, type OpenedStore } from './open';

const FAMILY = ['Smith', 'Smithson', 'Smyth', 'Smith-Jones', 'Jones', 'Jonas', "O'Brien", 'van der Berg', 'Walsh', 'Welsh', 'Brown', 'Johnson', 'Bergman'];
const GIVEN = ['John', 'Jon', 'Joan', 'Jo', 'Mary', 'Mary-Jane', 'Smith', 'Paul John', 'Will', 'William', 'Ann Marie', 'Brian', ''];
const WORDS = ['smith', 'smi', 'smyth', 'jones', 'jo', 'jon', 'john', 'joan', 'mary', 'jane', 'obrien', 'brien', 'van', 'berg', 'vanderberg', 'walsh', 'welsh', 'will', 'b', 'paul', 'ann', 'smithjones', 'johnson', 'marie'];
const DATES = ['1980-01-01', '1980-01-05', '1981-06-30', '1988-04-03', '1990-12-31', '1975-03-15'];

interface Person {
  own: NameForm;
  birthDate: string;
  aliases: NameForm[];
}

const nameForm = fc.record({ familyName: fc.constantFrom(...FAMILY), givenNames: fc.constantFrom(...GIVEN) });
const person = fc.record({ own: nameForm, birthDate: fc.constantFrom(...DATES), aliases: fc.array(nameForm, { maxLength: 3 }) });
const population = fc.array(person, { minLength: 1, maxLength: 60 });
/** A word typed: a fixed one, or the start of a name word some person in the population has. */
const typedWord = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.tuple(fc.constantFrom(...FAMILY, ...GIVEN.filter(Boolean)), fc.integer({ min: 1, max: 12 })).map(([name, length]) => {
    const words = queryWords(name);
    const word = words[length % words.length] ?? 'x';
    return word.slice(0, Math.max(1, length));
  }),
);
const query = fc.record({
  words: fc.uniqueArray(typedWord, { minLength: 1, maxLength: 3 }),
  birthDate: fc.option(fc.constantFrom(...DATES), { nil: null }),
  pageSize: fc.integer({ min: 1, max: 9 }),
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-name-search-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function load(people: readonly Person[]): { store: OpenedStore; indexed: IndexedPerson[] } {
  const store = openStore({ file: join(dir, `s${n++}.db`), key: randomBytes(32), create: true });
  const insertPerson = store.raw.prepare(
    `INSERT INTO persons (id, family_name, given_names, birth_date, sex, origin_site, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, 'unknown', 'T', 'now', 'u', 'now') RETURNING seq`,
  );
  const insertAlias = store.raw.prepare(`INSERT INTO person_aliases (id, person_id, family_name, given_names, origin_site, created_at, created_by) VALUES (?, ?, ?, ?, 'T', 'now', 'u')`);
  const indexed: IndexedPerson[] = [];
  store.raw.transaction(() => {
    people.forEach((p, i) => {
      const seq = (insertPerson.get(`p${i}`, p.own.familyName, p.own.givenNames, p.birthDate) as { seq: number }).seq;
      p.aliases.forEach((a, j) => insertAlias.run(`a${i}-${j}`, `p${i}`, a.familyName, a.givenNames));
      indexed.push({ ...nameIndexEntry(p.own, p.aliases), seq, birthDate: p.birthDate });
    });
  })();
  return { store, indexed };
}

function everyPage(repo: NameSearchRepo, q: NameQuery, pageSize: number) {
  const seen: number[] = [];
  const similar: number[] = [];
  let first = repo.search(q, 0, pageSize);
  for (let offset = 0; ; offset += pageSize) {
    const page = offset === 0 ? first : repo.search(q, offset, pageSize);
    if (offset === 0) first = page;
    for (const m of page.members) (m.group === 'similar' ? similar : seen).push(m.seq);
    expect(page.total).toBe(first.total);
    const end = page.total + (page.similarTotal ?? Number.POSITIVE_INFINITY);
    if (page.members.length < pageSize || offset + pageSize >= end) return { first, last: page, seen, similar };
    if (offset > 500) throw new Error('paging did not end');
  }
}

function reference(indexed: IndexedPerson[], q: NameQuery) {
  const matches = rankAll(indexed, q).map((r) => r.seq);
  const inMatches = new Set(matches);
  const similar = indexed
    .filter((p) => !inMatches.has(p.seq) && soundsLike(p, q))
    .map((p) => similarRankOf(p, q))
    .sort(compareSimilar)
    .map((r) => r.seq);
  return { matches, similar };
}

describe('ranked name search', () => {
  it.each([
    ['read through the indexed groups', 0],
    ['ranked all at once', 1000],
  ])('lists everyone who matches, once, in the defined order, on every page size (%s)', (_how, rankAllMax) => {
    fc.assert(
      fc.property(population, fc.array(query, { minLength: 5, maxLength: 25 }), (people, queries) => {
        const { store, indexed } = load(people);
        try {
          const repo = new NameSearchRepo(store.raw, { rankAllMax });
          for (const { words, birthDate, pageSize } of queries) {
            const q: NameQuery = { words: queryWords(words.join(' ')), birthDate };
            const expected = reference(indexed, q);
            const got = everyPage(repo, q, pageSize);
            expect(got.first.total).toBe(expected.matches.length);
            expect(got.seen).toEqual(expected.matches);
            expect(got.last.similarTotal).toBe(expected.similar.length);
            expect(got.similar).toEqual(expected.similar);
            expect(got.first.ranked).toBe(true);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: rankAllMax === 0 ? 25 : 8 },
    );
  });

  it('reads a large alias-promoted group a short page at a time, in rank order', () => {
    // Thirty people known by the alias Smith (some Mary Smith), none by their own name: the alias
    // group is larger than a page, and its rank order by own family name differs from the order by
    // own given name, so taking a group's first k in the wrong order would show the wrong people.
    const own = ['Jones', 'Brown', 'Walsh', 'Welsh', 'Johnson', 'Bergman', "O'Brien", 'Jonas', 'van der Berg', 'Smyth'];
    const given = ['Will', 'Paul John', 'Mary', 'John', 'Brian', 'Ann Marie', 'Joan', 'Jo', 'William', 'Jon'];
    const people: Person[] = Array.from({ length: 30 }, (_, i) => ({
      own: { familyName: own[i % own.length]!, givenNames: given[(i * 7) % given.length]! },
      birthDate: DATES[i % DATES.length]!,
      aliases: [{ familyName: i % 3 === 0 ? 'Smithson' : 'Smith', givenNames: i % 2 === 0 ? 'Mary' : given[(i * 3) % given.length]! }],
    }));
    const { store, indexed } = load(people);
    try {
      const repo = new NameSearchRepo(store.raw, { rankAllMax: 0 });
      for (const text of ['smith', 'smi', 'mary smith', 'smith ma']) {
        for (const birthDate of [null, '1981-06-30']) {
          const q: NameQuery = { words: queryWords(text), birthDate };
          const expected = reference(indexed, q);
          for (const pageSize of [1, 2, 4]) expect(everyPage(repo, q, pageSize).seen, `${text} ${birthDate} ${pageSize}`).toEqual(expected.matches);
        }
      }
    } finally {
      store.close();
    }
  });

  it('reads one family nearest the date of birth first, outward from the date, a short page at a time', () => {
    // Forty Joneses on a handful of dates, several born on the same day on each side of the date
    // typed and on it: a page boundary inside one day's people must still follow the given names.
    const given = ['Will', 'Ann', 'Zoe', 'Brian', 'Mary', 'Carl', 'Joan', 'Eve'];
    const dates = ['1981-06-30', '1981-06-29', '1981-07-01', '1981-06-28', '1981-07-02', '1970-01-01', '1999-12-31'];
    const people: Person[] = Array.from({ length: 40 }, (_, i) => ({
      own: { familyName: i % 10 === 9 ? 'Jonesy' : 'Jones', givenNames: given[(i * 5) % given.length]! },
      birthDate: dates[(i * 3) % dates.length]!,
      aliases: [],
    }));
    const { store, indexed } = load(people);
    try {
      const repo = new NameSearchRepo(store.raw, { rankAllMax: 0 });
      for (const birthDate of ['1981-06-30', '1981-06-27', '1970-01-01', '2001-01-01']) {
        const q: NameQuery = { words: queryWords('jones'), birthDate };
        const expected = reference(indexed, q);
        for (const pageSize of [1, 2, 3, 5]) expect(everyPage(repo, q, pageSize).seen, `${birthDate} ${pageSize}`).toEqual(expected.matches);
      }
    } finally {
      store.close();
    }
  });

  it('above the ranking limit still lists everyone exactly once, and says the list is not fully ranked', () => {
    fc.assert(
      fc.property(population, fc.array(query, { minLength: 1, maxLength: 8 }), (people, queries) => {
        const { store, indexed } = load(people);
        try {
          const repo = new NameSearchRepo(store.raw, { materialiseMax: 2, rankAllMax: 0 });
          for (const { words, birthDate, pageSize } of queries) {
            const q: NameQuery = { words: queryWords(words.join(' ')), birthDate };
            const expected = reference(indexed, q);
            const got = everyPage(repo, q, pageSize);
            expect(got.first.total).toBe(expected.matches.length);
            expect([...got.seen].sort((a, b) => a - b)).toEqual([...expected.matches].sort((a, b) => a - b));
            expect([...got.similar].sort((a, b) => a - b)).toEqual([...expected.similar].sort((a, b) => a - b));
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 15 },
    );
  });
});

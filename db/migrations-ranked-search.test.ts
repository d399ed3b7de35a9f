// Migration 0002 (ranked search) on a store that already holds people and aliases at 0001: the
// new index, alias keys and name indexes are filled from what is there, and search finds them.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { NameSearchRepo } from './name-search-repo';
import { defaultMigrationsFolder, openStore } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The committed migrations up to and including `tag`, in a folder of their own. */
function migrationsUpTo(tag: string): string {
  const from = defaultMigrationsFolder();
  const to = join(dir, 'migrations');
  mkdirSync(join(to, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(from, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; idx: number }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(join(to, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) {
    copyFileSync(join(from, `${e.tag}.sql`), join(to, `${e.tag}.sql`));
    copyFileSync(join(from, 'meta', `${String(e.idx).padStart(4, '0')}_snapshot.json`), join(to, 'meta', `${String(e.idx).padStart(4, '0')}_snapshot.json`));
  }
  return to;
}

it('fills the ranked search index from the people and aliases already held', () => {
  const file = join(dir, 'site.db');
  const key = randomBytes(32);
  const old = openStore({ file, key, create: true, migrationsFolder: migrationsUpTo('0001_search_and_append_only') });
  const person = old.raw.prepare(
    `INSERT INTO persons (id, family_name, given_names, birth_date, sex, origin_site, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, 'male', 'T', 'now', 'u', 'now')`,
  );
  person.run('p1', 'Smyth', 'Jon', '1988-04-03');
  person.run('p2', 'Smith', 'John', '1970-01-01');
  old.raw.prepare(`INSERT INTO person_aliases (id, person_id, family_name, given_names, origin_site, created_at, created_by) VALUES ('a1', 'p1', 'Smith', 'John', 'T', 'now', 'u')`).run();
  expect(old.raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'person_alias_keys'").pluck().get()).toBe(0);
  old.close();

  const store = openStore({ file, key, create: false });
  expect(store.raw.prepare('SELECT fkey, gfirst, afkey, agfirst, birth_date FROM person_search WHERE rowid = 1').get()).toEqual({
    fkey: 'smyth',
    gfirst: 'jon',
    afkey: 'smith',
    agfirst: 'john',
    birth_date: '1988-04-03',
  });
  expect(store.raw.prepare('SELECT alias_id, person_seq, afk, own_fk FROM person_alias_keys').all()).toEqual([{ alias_id: 'a1', person_seq: 1, afk: 'smith', own_fk: 'smyth' }]);
  const page = new NameSearchRepo(store.raw).search({ words: ['smith', 'john'], birthDate: '1988-04-03' }, 0, 10);
  // Both are exactly "Smith, John*" (one by alias); the one born nearest the date typed first.
  expect(page).toMatchObject({ total: 2, members: [{ seq: 1, group: 0 }, { seq: 2, group: 0 }] });
  store.close();
});

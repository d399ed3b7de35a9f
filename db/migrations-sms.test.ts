// Migration 0005 (the SMS pathway and tasks that are never lost) on a store made at 0004 (sync state
// and ranked search already in place) with tasks and referrals in it: the old rows keep every value, the new columns are empty (not a made-up
// default), the new tables exist, and the store reads and writes as before.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NameSearchRepo } from './name-search-repo';
import { openStore } from './open';

const migrations = join(import.meta.dirname, 'migrations');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The committed migrations up to and including `tag`, as a folder drizzle can migrate from. */
function migrationsUpTo(tag: string): string {
  const folder = join(dir, 'migrations-old');
  cpSync(migrations, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string; idx: number }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  expect(last).toBeGreaterThanOrEqual(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  return folder;
}

describe('migration 0005_sms_pathway_and_tasks', () => {
  it('keeps tasks and referrals made before it, with the new columns empty', () => {
    dir = mkdtempSync(join(tmpdir(), 'sonar-mig-'));
    const file = join(dir, 'sonar.db');
    const key = randomBytes(32);
    const old = openStore({ file, key, create: true, migrationsFolder: migrationsUpTo('0004_ranked_search') });
    const raw = old.raw;
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'treatments'").pluck().get()).toBe(0);
    // The store really is at 0004: sync state and the ranked search index are there.
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('sync_state', 'person_search')").pluck().get()).toBe(2);
    raw.prepare(`INSERT INTO persons (id, family_name, given_names, birth_date, sex, origin_site, created_at, created_by, updated_at) VALUES ('p1', 'Old', 'Row', '1980-01-01', 'male', 'PRIS01', 'x', 'u', 'x')`).run();
    raw.prepare(`INSERT INTO tasks (id, person_id, kind, title, detail, for_role, due_at, site_code, status, created_at, created_by) VALUES ('t1', 'p1', 'second-stage-assessment', 'Second stage', 'why', 'prescriber', '2026-12-08T10:00:00Z', 'PRIS01', 'open', 'x', 'u')`).run();
    raw.prepare(`INSERT INTO referrals (id, person_id, to_service, reason, status, created_at, created_by, site_code) VALUES ('r1', 'p1', 'substance_misuse', 'Dual diagnosis', 'open', 'x', 'u', 'PRIS01')`).run();
    old.close();

    const now = openStore({ file, key, create: false });
    try {
      expect(now.raw.prepare('SELECT id, kind, title, detail, for_role, due_at, status, assignee_id, team, due_on, about_type, result FROM tasks').get()).toEqual({
        id: 't1',
        kind: 'second-stage-assessment',
        title: 'Second stage',
        detail: 'why',
        for_role: 'prescriber',
        due_at: '2026-12-08T10:00:00Z',
        status: 'open',
        assignee_id: null,
        team: null,
        due_on: null,
        about_type: null,
        result: null,
      });
      expect(now.raw.prepare('SELECT id, reason, status, source, urgency, substances, decided_on FROM referrals').get()).toEqual({
        id: 'r1',
        reason: 'Dual diagnosis',
        status: 'open',
        source: null,
        urgency: null,
        substances: null,
        decided_on: null,
      });
      for (const table of ['caseload_slots', 'caseload_assignments', 'treatments', 'sms_reviews', 'care_plans', 'care_plan_versions', 'release_plans']) {
        expect(now.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      }
      // The person made before the migration is still found by the ranked name search.
      expect(new NameSearchRepo(now.raw).search({ words: ['old'], birthDate: null }, 0, 10)).toMatchObject({ total: 1 });
      expect(now.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      now.close();
    }
  });
});

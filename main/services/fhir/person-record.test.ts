// An export never leaves an entry out: a person with more form entries than any screen lists (a
// long stay's COWS every few hours) has every current version read, and no superseded one.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../../db/open';
import { SiteStore } from '../../../db/store';
import { readPersonRecord } from './person-record';

let dir: string;
let store: SiteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-person-record-'));
  store = new SiteStore(openStore({ file: join(dir, 'site.db'), key: randomBytes(32), create: true }), 'DEMO01');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reads the current version of every one of 1,205 form entries', () => {
  const raw = store.raw;
  raw.exec(`INSERT INTO persons (id, family_name, given_names, birth_date, sex, origin_site, created_at, created_by, updated_at)
    VALUES ('p1', 'Long', 'Stay', '1980-01-01', 'male', 'DEMO01', '2026-01-01T00:00:00Z', 'u', '2026-01-01T00:00:00Z')`);
  const insert = raw.prepare(`INSERT INTO form_responses (id, chain_id, person_id, template_id, template_version, body, status, version, current, recorded_at, recorded_by, recorded_by_name, origin_site)
    VALUES (?, ?, 'p1', 'cows', 1, '{}', ?, ?, ?, ?, 'u', 'U', 'DEMO01')`);
  raw.transaction(() => {
    for (let i = 0; i < 1205; i++) insert.run(`f${i}`, `f${i}`, 'final', 1, i % 100 === 0 ? 0 : 1, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
    // Entries 0, 100, ... were amended: their current version is a second row.
    for (let i = 0; i < 1205; i += 100) insert.run(`f${i}-v2`, `f${i}`, 'amended', 2, 1, new Date(Date.UTC(2026, 0, 2, 0, i)).toISOString());
  })();
  const record = readPersonRecord(store.reads, 'p1')!;
  expect(record.responses).toHaveLength(1205);
  expect(record.responses.filter((r) => r.version === 2)).toHaveLength(13);
  expect(new Set(record.responses.map((r) => r.chainId)).size).toBe(1205);
});

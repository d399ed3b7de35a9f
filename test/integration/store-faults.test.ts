// Faults on real files (issue 7, items 1 and 2): a data directory that has held a site never gets
// a new, empty database, and a start that is refused changes, creates and deletes nothing. Each
// case starts the real site app on a real encrypted store that a crash left with committed
// records still in its WAL, breaks one file the way a careless day or an attacker would, and
// starts again.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSiteApp, type SiteApp } from '../../main/app/create-site-app';
import { FileKeyStore } from '../../main/keys/file-key-store';
import { crashImage, snapshotDir } from '../support/data-dir-snapshot';
import { signedInAdmin, startTempSite } from '../support/temp-site';

const PAGE = 4096;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function start(dataDir: string, integrityCheck?: 'auto' | 'background' | 'full'): Promise<SiteApp> {
  return createSiteApp({ dataDir, keyStore: new FileKeyStore(join(dataDir, 'db.key')), log: () => {}, ...(integrityCheck ? { integrityCheck } : {}) });
}

const PEOPLE = ['Okafor', 'Nowak', 'Lindqvist'];

/** A site with an administrator and three people; `crashed`: a copy as a kill -9 would leave it (WAL holding the records). */
async function siteWithRecords(how: 'crashed' | 'closed'): Promise<{ dataDir: string; personIds: string[] }> {
  const site = await startTempSite();
  dirs.push(site.dataDir);
  const token = await signedInAdmin(site);
  const personIds: string[] = [];
  for (const familyName of PEOPLE) {
    const { personId } = await site.ok('patients.register', { familyName, givenNames: 'Sam', title: null, birthDate: '1979-05-01', sex: 'unknown', nhsNumber: null }, token);
    personIds.push(personId);
  }
  if (how === 'closed') {
    site.app.close();
    return { dataDir: site.dataDir, personIds };
  }
  const dataDir = crashImage(site.dataDir);
  dirs.push(dataDir);
  site.app.close();
  expect(statSync(join(dataDir, 'sonar.db-wal')).size).toBeGreaterThan(0);
  return { dataDir, personIds };
}

async function refusedUnchanged(dataDir: string, message: RegExp, integrityCheck?: 'auto' | 'background' | 'full'): Promise<void> {
  const before = snapshotDir(dataDir);
  await expect(start(dataDir, integrityCheck)).rejects.toThrow(message);
  expect(snapshotDir(dataDir)).toEqual(before);
  // A second start is refused the same way: nothing was "repaired" by the first.
  await expect(start(dataDir, integrityCheck)).rejects.toThrow(message);
  expect(snapshotDir(dataDir)).toEqual(before);
}

function corruptPage(file: string, pgno: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(200), 0, 200, (pgno - 1) * PAGE + 1000);
  } finally {
    closeSync(fd);
  }
}

describe('a data directory that has held a site', () => {
  it('refuses a truncated sonar.db and keeps the WAL that still holds committed records', async () => {
    const { dataDir, personIds } = await siteWithRecords('crashed');
    const wal = readFileSync(join(dataDir, 'sonar.db-wal'));
    const db = readFileSync(join(dataDir, 'sonar.db'));
    truncateSync(join(dataDir, 'sonar.db'), 0);
    await refusedUnchanged(dataDir, /damaged: the file is empty/);
    // Putting the file back recovers every record: nothing the refusal did stood in the way.
    writeFileSync(join(dataDir, 'sonar.db'), db);
    expect(readFileSync(join(dataDir, 'sonar.db-wal')).equals(wal)).toBe(true);
    const app = await start(dataDir);
    for (const id of personIds) expect(app.store.reads.persons.get(id)).toBeTruthy();
    app.close();
  });

  it('refuses when sonar.db is deleted and its WAL kept', async () => {
    const { dataDir } = await siteWithRecords('crashed');
    unlinkSync(join(dataDir, 'sonar.db'));
    await refusedUnchanged(dataDir, /sonar\.db is missing, but this data directory has held a SONAR site/);
  });

  it('refuses when the database, its WAL and index are all deleted but the key is kept', async () => {
    const { dataDir } = await siteWithRecords('closed');
    for (const f of ['sonar.db', 'sonar.db-wal', 'sonar.db-shm', 'sonar.db.marker', 'sonar.db.seal']) rmSync(join(dataDir, f), { force: true });
    expect(existsSync(join(dataDir, 'db.key'))).toBe(true);
    await refusedUnchanged(dataDir, /is missing, but this data directory has held a SONAR site/);
  });

  it('refuses to open a database whose WAL of saved changes was deleted', async () => {
    const { dataDir } = await siteWithRecords('crashed');
    unlinkSync(join(dataDir, 'sonar.db-wal'));
    await refusedUnchanged(dataDir, /missing changes that were saved/);
  });

  it('refuses an older copy of the database put in place of the current one', async () => {
    const { dataDir } = await siteWithRecords('closed');
    const older = readFileSync(join(dataDir, 'sonar.db'));
    const app = await start(dataDir);
    const site = { call: app.router.handle.bind(app.router) };
    const signIn = await site.call('auth.signIn', { username: 'ada', password: 'correct horse battery staple' }, null);
    expect(signIn.ok).toBe(true);
    app.close();
    writeFileSync(join(dataDir, 'sonar.db'), older);
    await refusedUnchanged(dataDir, /missing changes that were saved/);
  });
});

describe('a damaged database', () => {
  it('is reported damaged, not as a wrong key, when cut in half, and is not changed', async () => {
    const { dataDir } = await siteWithRecords('crashed');
    const size = statSync(join(dataDir, 'sonar.db')).size;
    truncateSync(join(dataDir, 'sonar.db'), Math.floor(size / 2) + 100);
    await refusedUnchanged(dataDir, /database is damaged: the file was cut short/);
  });

  it('is reported damaged when cut short at a page boundary, even with only the critical check at start-up', async () => {
    const { dataDir } = await siteWithRecords('closed');
    const pages = statSync(join(dataDir, 'sonar.db')).size / PAGE;
    truncateSync(join(dataDir, 'sonar.db'), Math.floor(pages / 2) * PAGE);
    await refusedUnchanged(dataDir, /database is damaged: the file was cut short/, 'background');
  });

  it('is refused, byte for byte untouched, when a page is corrupted (WAL present)', async () => {
    const { dataDir } = await siteWithRecords('crashed');
    corruptPage(join(dataDir, 'sonar.db'), 3);
    await refusedUnchanged(dataDir, /database is damaged/);
  });

  it('is refused when its first page is overwritten, and says damaged rather than wrong key', async () => {
    const { dataDir } = await siteWithRecords('closed');
    corruptPage(join(dataDir, 'sonar.db'), 1);
    await refusedUnchanged(dataDir, /database is damaged/);
  });

  it('tells a wrong key apart from damage', async () => {
    const { dataDir } = await siteWithRecords('crashed');
    writeFileSync(join(dataDir, 'db.key'), randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
    await refusedUnchanged(dataDir, /key is wrong/);
  });

  it('found by the background check stops every call with a plain message', async () => {
    const { dataDir } = await siteWithRecords('closed');
    const probe = await start(dataDir);
    const personPages = probe.store.raw.prepare("SELECT pageno FROM dbstat WHERE name = 'persons' ORDER BY pageno").pluck().all() as number[];
    probe.close();
    corruptPage(join(dataDir, 'sonar.db'), personPages[personPages.length - 1]!);
    const app = await start(dataDir, 'background');
    const verdict = await app.integrity;
    expect(verdict.ok).toBe(false);
    const r = await app.router.handle('setup.status', {}, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/database on this computer is damaged/) } });
    app.close();
  });
});

describe('a first run', () => {
  it('cut off before the database got its first page is resumed, not refused', async () => {
    const { dataDir } = await siteWithRecords('closed');
    const fresh = join(dataDir, 'fresh');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(fresh);
    const first = await start(fresh);
    first.close();
    // What a first run killed after writing the marker and the key, and creating the empty file, leaves.
    const marker = JSON.parse(readFileSync(join(fresh, 'sonar.db.marker'), 'utf8')) as Record<string, unknown>;
    for (const f of ['sonar.db', 'sonar.db-wal', 'sonar.db-shm', 'sonar.db.seal']) rmSync(join(fresh, f), { force: true });
    writeFileSync(join(fresh, 'sonar.db.marker'), JSON.stringify({ ...marker, state: 'creating', salt: null }));
    writeFileSync(join(fresh, 'sonar.db'), '');
    const resumed = await start(fresh);
    expect(await resumed.router.handle('setup.status', {}, null)).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });
    resumed.close();
  });
});

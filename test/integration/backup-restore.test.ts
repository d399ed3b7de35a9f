// Issue 7 item 10: `npm run backup` makes an encrypted, verified copy while SONAR keeps writing;
// the copy is SQLCipher 4 with the site's raw key (checked page by page without SQLite, as any
// SQLCipher 4 client would read it); `npm run restore` puts it back, moving the files it replaces
// aside and never running beside the app.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_SIZE, decryptPage1Header, hmacKeyFor, pageAuthentic } from '../../db/sqlcipher-format';
import { snapshotDir } from '../support/data-dir-snapshot';
import { signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';
import { runTool, runToolAsync } from '../support/tools';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function site(): Promise<{ s: TempSite; token: string }> {
  const s = await startTempSite();
  cleanups.push(() => s.cleanup());
  return { s, token: await signedInAdmin(s) };
}

let born = 0;
/** A person no earlier one can be mistaken for (each has their own date of birth). */
const person = (familyName: string) => ({
  familyName,
  givenNames: 'Backup',
  title: null,
  birthDate: new Date(Date.UTC(1940, 0, 1) + born++ * 41 * 86_400_000).toISOString().slice(0, 10),
  sex: 'unknown' as const,
  nhsNumber: null,
});

describe('npm run backup', () => {
  it('copies the store while SONAR keeps writing, encrypted with the site key in SQLCipher 4 format, and verifies the copy', async () => {
    const { s, token } = await site();
    for (let i = 0; i < 20; i++) await s.ok('patients.register', person(`Before${i}`), token);
    const out = tempDir('sonar-backup-');
    const backup = join(out, 'site.db');

    const running = runToolAsync('backup', ['--data-dir', s.dataDir, '--to', backup]);
    let writesDuring = 0;
    let done: Awaited<typeof running> | null = null;
    void running.then((r) => (done = r));
    while (!done) {
      await s.ok('patients.register', person(`During${writesDuring++}`), token);
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = done as Awaited<typeof running>;
    expect(result.status, result.stderr).toBe(0);
    expect(writesDuring).toBeGreaterThan(0);
    const report = JSON.parse(result.stdout) as { verified: boolean; counts: Record<string, number>; auditHead: { seq: number } };
    expect(report.verified).toBe(true);
    expect(report.counts.persons).toBeGreaterThanOrEqual(20);
    expect(report.counts.persons).toBeLessThanOrEqual(20 + writesDuring);

    const bytes = readFileSync(backup);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Before1'))).toBe(false);
    // Every page authenticates under SQLCipher 4's rules with the raw key, and page 1 decrypts to a
    // SQLite header with 4096-byte pages and 80 reserved bytes (IV + HMAC-SHA512).
    const key = Buffer.from(readFileSync(join(s.dataDir, 'db.key'), 'utf8').trim(), 'hex');
    const hmacKey = hmacKeyFor(key, bytes.subarray(0, 16));
    const pages = bytes.length / PAGE_SIZE;
    for (let p = 1; p <= pages; p++) expect(pageAuthentic(bytes.subarray((p - 1) * PAGE_SIZE, p * PAGE_SIZE), p, hmacKey), `page ${p}`).toBe(true);
    const header = decryptPage1Header(bytes.subarray(0, PAGE_SIZE), key);
    expect(header.readUInt16BE(0)).toBe(4096);
    expect(header[20 - 16]).toBe(80);
    expect(existsSync(`${backup}.json`)).toBe(true);
  });

  it('refuses to overwrite an existing file and writes nothing', async () => {
    const { s } = await site();
    const out = tempDir('sonar-backup-');
    expect(runTool('backup', ['--data-dir', s.dataDir, '--to', join(out, 'a.db')]).status).toBe(0);
    const before = snapshotDir(out);
    const again = runTool('backup', ['--data-dir', s.dataDir, '--to', join(out, 'a.db')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(snapshotDir(out)).toEqual(before);
  });
});

describe('npm run restore', () => {
  it('puts a backup back after a loss, moving what was there aside, and the site opens with the backed-up records', async () => {
    const { s, token } = await site();
    const kept = await s.ok('patients.register', person('Kept'), token);
    const out = tempDir('sonar-backup-');
    const backup = join(out, 'site.db');
    expect(runTool('backup', ['--data-dir', s.dataDir, '--to', backup]).status).toBe(0);
    const lost = await s.ok('patients.register', person('AfterBackup'), token);

    // While SONAR runs, restore refuses and changes nothing.
    const before = snapshotDir(s.dataDir);
    const refused = runTool('restore', ['--data-dir', s.dataDir, '--from', backup]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/SONAR is running/);
    expect(snapshotDir(s.dataDir)).toEqual(before);

    s.app.close();
    const oldDb = readFileSync(join(s.dataDir, 'sonar.db'));
    const restored = runTool('restore', ['--data-dir', s.dataDir, '--from', backup]);
    expect(restored.status, restored.stderr).toBe(0);
    const aside = readdirSync(s.dataDir).find((n) => n.startsWith('before-restore-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(s.dataDir, aside!, 'sonar.db')).equals(oldDb)).toBe(true);

    const again = await startTempSite({ dataDir: s.dataDir });
    cleanups.push(() => again.app.close());
    expect(again.app.store.reads.persons.get(kept.personId)).toBeTruthy();
    expect(again.app.store.reads.persons.get(lost.personId)).toBeFalsy();
    const last = again.app.store.raw.prepare("SELECT action FROM audit_events WHERE channel = 'tools.restore'").pluck().get();
    expect(last).toBe('restored the database from a backup');
    again.app.close();
    expect(runTool('verify-audit', ['--data-dir', s.dataDir]).status).toBe(0);
  });

  it('restores onto a new machine with the site key file', async () => {
    const { s, token } = await site();
    const { personId } = await s.ok('patients.register', person('Moved'), token);
    const out = tempDir('sonar-backup-');
    expect(runTool('backup', ['--data-dir', s.dataDir, '--to', join(out, 'site.db')]).status).toBe(0);
    const fresh = join(tempDir('sonar-new-machine-'), 'data');
    const restored = runTool('restore', ['--data-dir', fresh, '--from', join(out, 'site.db'), '--key-file', join(s.dataDir, 'db.key')]);
    expect(restored.status, restored.stderr).toBe(0);
    // The new PC needs the site's own configuration too (site policy, or its sonar.config.json): a
    // record is never opened as the demo site.
    copyFileSync(join(s.dataDir, 'sonar.config.json'), join(fresh, 'sonar.config.json'));
    const there = await startTempSite({ dataDir: fresh });
    cleanups.push(() => there.app.close());
    expect(there.app.store.reads.persons.get(personId)).toBeTruthy();
  });
});

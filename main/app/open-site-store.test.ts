// a lost or wrong key never silently creates a fresh empty database.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../keys/file-key-store';
import { openSiteStore } from './open-site-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the site store with its key', () => {
  it('creates an owner-only key file on first run and reopens with it', () => {
    const keys = new FileKeyStore(join(dir, 'db.key'));
    openSiteStore(join(dir, 'sonar.db'), keys).close();
    const mode = statSync(join(dir, 'db.key')).mode & 0o777;
    expect(mode).toBe(0o600);
    openSiteStore(join(dir, 'sonar.db'), keys).close();
  });

  it('refuses to start when the key of an existing database is missing, leaving the file as it was', () => {
    const keys = new FileKeyStore(join(dir, 'db.key'));
    openSiteStore(join(dir, 'sonar.db'), keys).close();
    const before = readFileSync(join(dir, 'sonar.db'));
    unlinkSync(join(dir, 'db.key'));
    expect(() => openSiteStore(join(dir, 'sonar.db'), keys)).toThrow(/key .* is missing.*left untouched/s);
    expect(readFileSync(join(dir, 'sonar.db')).equals(before)).toBe(true);
    // And no new key was made behind the user's back.
    expect(keys.exists()).toBe(false);
  });

  it('refuses a wrong key without replacing the database', () => {
    const keys = new FileKeyStore(join(dir, 'db.key'));
    openSiteStore(join(dir, 'sonar.db'), keys).close();
    const before = readFileSync(join(dir, 'sonar.db'));
    writeFileSync(join(dir, 'db.key'), 'ab'.repeat(32), { mode: 0o600 });
    expect(() => openSiteStore(join(dir, 'sonar.db'), keys)).toThrow(/wrong/);
    expect(readFileSync(join(dir, 'sonar.db')).equals(before)).toBe(true);
  });

  it('refuses a key file other users can read', () => {
    const keys = new FileKeyStore(join(dir, 'db.key'));
    openSiteStore(join(dir, 'sonar.db'), keys).close();
    chmodSync(join(dir, 'db.key'), 0o644);
    expect(() => openSiteStore(join(dir, 'sonar.db'), keys)).toThrow(/owner only/);
  });
});

describe('the test clock', () => {
  it('is honoured at a demo site only', async () => {
    const { createSiteApp } = await import('./create-site-app');
    const demo = await createSiteApp({ dataDir: join(dir, 'demo'), keyStore: new FileKeyStore(join(dir, 'demo.key')), log: () => {}, testNow: '2030-01-01T00:00:00Z' });
    const status = await demo.router.handle('setup.status', {}, null);
    expect(status.ok).toBe(true);
    const row = demo.store.raw.prepare("SELECT at FROM audit_events WHERE channel = 'setup.status'").pluck().get() as string;
    expect(row.startsWith('2030-01-01')).toBe(true);
    demo.close();
    const { writeFileSync: write, mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'live'));
    write(join(dir, 'live', 'sonar.config.json'), JSON.stringify({ schemaVersion: 1, siteCode: 'LIVE01', siteName: 'Live', siteType: 'prison', demo: false, idleLockMinutes: 5 }));
    await expect(createSiteApp({ dataDir: join(dir, 'live'), keyStore: new FileKeyStore(join(dir, 'live.key')), log: () => {}, testNow: '2030-01-01T00:00:00Z' })).rejects.toThrow(/only at a demo site/);
  });
});

import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyUnavailableError } from './key-store';
import { safeStorageWrapping, type SafeStorageApi } from './safe-storage-wrapping';
import { SecretFile, ownerOnlyFile } from './secret-file';
import { SiteCredentialStore } from './site-credentials';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const keystore = (backend = 'gnome_libsecret', available = true): SafeStorageApi => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (s) => Buffer.from(`W${Buffer.from(s).toString('hex')}`),
  decryptString: (b) => {
    if (!b.toString().startsWith('W')) throw new Error('not ours');
    return Buffer.from(b.toString().slice(1), 'hex').toString();
  },
});

describe('SecretFile', () => {
  it('writes owner-only and refuses to read a file others can read', () => {
    const secret = new SecretFile(join(dir, 's'), ownerOnlyFile);
    secret.write(Buffer.from('top secret'));
    expect(statSync(secret.file).mode & 0o777).toBe(0o600);
    expect(secret.read().toString()).toBe('top secret');
    chmodSync(secret.file, 0o644);
    expect(() => secret.read()).toThrow(/readable by its owner only/);
  });

  it('wrapped by the keystore: nothing in clear on disk, and a file the keystore cannot unwrap is refused', () => {
    const secret = new SecretFile(join(dir, 's'), safeStorageWrapping(keystore(), 'linux'));
    expect(secret.file).toBe(join(dir, 's.safe'));
    secret.write(Buffer.from('top secret'));
    expect(readFileSync(secret.file, 'utf8')).not.toContain('top secret');
    expect(secret.read().toString()).toBe('top secret');
    writeFileSync(secret.file, 'copied from another PC');
    expect(() => secret.read()).toThrow(/cannot be unwrapped by this computer's keystore/);
  });

  it("refuses Linux's basic_text keystore and a missing keystore, before writing anything", () => {
    const basic = new SecretFile(join(dir, 'b'), safeStorageWrapping(keystore('basic_text'), 'linux'));
    expect(() => basic.write(Buffer.from('x'))).toThrow(KeyUnavailableError);
    expect(basic.exists()).toBe(false);
    const none = new SecretFile(join(dir, 'n'), safeStorageWrapping(keystore('gnome_libsecret', false), 'linux'));
    expect(() => none.write(Buffer.from('x'))).toThrow(/keystore is not available/);
  });
});

describe('SiteCredentialStore', () => {
  it('reports a damaged identity file plainly', () => {
    const store = new SiteCredentialStore(dir, ownerOnlyFile);
    writeFileSync(join(dir, 'site-tls.identity'), '{not json', { mode: 0o600 });
    expect(() => store.active()).toThrow(/site-tls\.identity is damaged/);
  });

  it('will not activate without an outstanding request', () => {
    expect(() => new SiteCredentialStore(dir, ownerOnlyFile).activate('-----BEGIN CERTIFICATE-----')).toThrow(/no outstanding certificate request/);
  });
});

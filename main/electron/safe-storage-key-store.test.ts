import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the OS keystore: a reversible transform the test can tell apart from plain text.
const fake = vi.hoisted(() => {
  const storage = {
    available: true,
    backend: 'gnome_libsecret' as string,
    isEncryptionAvailable: () => storage.available,
    getSelectedStorageBackend: () => storage.backend,
    encryptString: (plain: string) => Buffer.concat([Buffer.from('WRAP'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]),
    decryptString: (wrapped: Buffer) => {
      if (!wrapped.subarray(0, 4).equals(Buffer.from('WRAP'))) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(wrapped.subarray(4).map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
  return { storage };
});
vi.mock('electron', () => ({ safeStorage: fake.storage }));

import { KeyUnavailableError } from '../keys/key-store';
import { KEY_FILE_NAME, createSafeStorageKeyStore } from './safe-storage-key-store';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonar-keystore-'));
  fake.storage.available = true;
  fake.storage.backend = 'gnome_libsecret';
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const linuxStore = () => createSafeStorageKeyStore({ dataDir, platform: 'linux' });

describe('SafeStorageKeyStore', () => {
  it('round-trips a 32-byte key through the OS keystore (Electron safeStorage by default)', () => {
    const key = randomBytes(32);
    const store = linuxStore();
    expect(store.exists()).toBe(false);
    store.create(key);
    expect(store.exists()).toBe(true);
    expect(store.read().equals(key)).toBe(true);
    // A second store over the same folder (next launch) reads the same key.
    expect(linuxStore().read().equals(key)).toBe(true);
  });

  it('keeps the key only wrapped, in an owner-only file', () => {
    const key = randomBytes(32);
    linuxStore().create(key);
    const file = path.join(dataDir, KEY_FILE_NAME);
    const raw = fs.readFileSync(file);
    expect(raw.includes(key)).toBe(false);
    expect(raw.includes(Buffer.from(key.toString('hex')))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE_NAME]); // no temporary file left behind
  });

  it('refuses Linux basic_text (a hard-coded password) for create and read', () => {
    const key = randomBytes(32);
    linuxStore().create(key);
    fake.storage.backend = 'basic_text';
    expect(() => linuxStore().read()).toThrow(KeyUnavailableError);
    expect(() => linuxStore().read()).toThrow(/basic_text/);
    fs.rmSync(path.join(dataDir, KEY_FILE_NAME));
    expect(() => linuxStore().create(randomBytes(32))).toThrow(KeyUnavailableError);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it("refuses Linux's 'unknown' backend too", () => {
    fake.storage.backend = 'unknown';
    expect(() => linuxStore().create(randomBytes(32))).toThrow(KeyUnavailableError);
  });

  it('ignores the Linux backend name on other platforms', () => {
    fake.storage.backend = 'basic_text';
    const store = createSafeStorageKeyStore({ dataDir, platform: 'win32' });
    const key = randomBytes(32);
    store.create(key);
    expect(store.read().equals(key)).toBe(true);
  });

  it('refuses when the OS keystore is unavailable', () => {
    fake.storage.available = false;
    expect(() => linuxStore().create(randomBytes(32))).toThrow(KeyUnavailableError);
    expect(() => linuxStore().read()).toThrow(KeyUnavailableError);
  });

  it('throws KeyUnavailableError when the key file is missing', () => {
    expect(() => linuxStore().read()).toThrow(KeyUnavailableError);
    expect(() => linuxStore().read()).toThrow(/missing/);
  });

  it('throws KeyUnavailableError when the keystore cannot unwrap the file', () => {
    fs.writeFileSync(path.join(dataDir, KEY_FILE_NAME), 'not wrapped by this keystore');
    expect(() => linuxStore().read()).toThrow(KeyUnavailableError);
    expect(() => linuxStore().read()).toThrow(/cannot be unwrapped/);
  });

  it('throws KeyUnavailableError when the unwrapped content is not a 32-byte hex key', () => {
    fs.writeFileSync(path.join(dataDir, KEY_FILE_NAME), fake.storage.encryptString('abcd'));
    expect(() => linuxStore().read()).toThrow(/damaged/);
  });

  it('never replaces an existing key', () => {
    const key = randomBytes(32);
    linuxStore().create(key);
    expect(() => linuxStore().create(randomBytes(32))).toThrow(/Refusing to replace/);
    expect(linuxStore().read().equals(key)).toBe(true);
  });

  it('accepts only 32-byte keys', () => {
    expect(() => linuxStore().create(randomBytes(16))).toThrow(/32 bytes/);
    expect(linuxStore().exists()).toBe(false);
  });

  it('never puts the key in an error message or the description', () => {
    const key = randomBytes(32);
    const store = linuxStore();
    store.create(key);
    const messages: string[] = [store.description];
    for (const backend of ['basic_text', 'gnome_libsecret']) {
      fake.storage.backend = backend;
      try {
        store.create(key);
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    fake.storage.backend = 'basic_text';
    try {
      store.read();
    } catch (error) {
      messages.push((error as Error).message);
    }
    expect(messages.length).toBe(4);
    for (const m of messages) expect(m).not.toContain(key.toString('hex'));
  });
});

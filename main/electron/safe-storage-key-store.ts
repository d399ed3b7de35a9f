// The database key under Electron : 32 random bytes, kept on disk only wrapped
// by the OS keystore through safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/KWallet
// on Linux). Linux's `basic_text` fallback wraps with a password hard-coded in Chromium, which is
// no protection at all, so it is refused rather than used. The key is never logged, and no
// message built here contains it.
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { KeyUnavailableError, type KeyStore } from '../keys/key-store';

export const KEY_FILE_NAME = 'db.key.safe';
const KEY_BYTES = 32;

/** The part of Electron's safeStorage this store uses; a parameter so tests can fake it. */
export type SafeStorageLike = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SafeStorageKeyStoreOptions {
  dataDir: string;
  storage?: SafeStorageLike;
  platform?: NodeJS.Platform;
}

function assertUsable(storage: SafeStorageLike, platform: NodeJS.Platform): void {
  if (!storage.isEncryptionAvailable()) {
    throw new KeyUnavailableError(
      'The operating system keystore is not available, so the database key cannot be protected. ' +
        'Sign in to the computer normally (not a temporary profile) and start SONAR again.',
    );
  }
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend();
    // 'unknown' means the backend could not be determined; treated like no keystore at all.
    if (backend === 'basic_text' || backend === 'unknown') {
      throw new KeyUnavailableError(
        `No secure keyring was found (Electron safeStorage backend "${backend}"). ` +
          'SONAR will not store the database key without one: install and unlock GNOME Keyring ' +
          '(libsecret) or KWallet, then start SONAR again.',
      );
    }
  }
}

export function createSafeStorageKeyStore(options: SafeStorageKeyStoreOptions): KeyStore {
  const storage = options.storage ?? safeStorage;
  const platform = options.platform ?? process.platform;
  const file = path.join(options.dataDir, KEY_FILE_NAME);

  return {
    description: `OS keystore (Electron safeStorage), wrapped key file ${file}`,

    exists(): boolean {
      return fs.existsSync(file);
    },

    read(): Buffer {
      assertUsable(storage, platform);
      let wrapped: Buffer;
      try {
        wrapped = fs.readFileSync(file);
      } catch {
        throw new KeyUnavailableError(`The database key file ${file} is missing or unreadable.`);
      }
      let hex: string;
      try {
        hex = storage.decryptString(wrapped);
      } catch {
        // A different OS user, a reset keyring or a copied file: the keystore cannot unwrap it.
        throw new KeyUnavailableError(
          `The database key in ${file} cannot be unwrapped by this computer's keystore. ` +
            'The database has been left untouched.',
        );
      }
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        throw new KeyUnavailableError(`The database key in ${file} is damaged. The database has been left untouched.`);
      }
      return Buffer.from(hex, 'hex');
    },

    create(key: Buffer): void {
      if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
        throw new Error(`A database key must be ${KEY_BYTES} bytes.`);
      }
      assertUsable(storage, platform);
      // Never replace a key: whatever it encrypts would be lost for good.
      if (fs.existsSync(file)) throw new Error(`Refusing to replace the existing database key ${file}.`);
      const wrapped = storage.encryptString(key.toString('hex'));
      fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      // Written to a temporary name, flushed, then renamed: a crash leaves either no key file or a
      // whole one, never a truncated key that would lock the database for ever.
      const temp = `${file}.${process.pid}.tmp`;
      const fd = fs.openSync(temp, 'wx', 0o600);
      try {
        fs.writeSync(fd, wrapped);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      try {
        fs.renameSync(temp, file);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
      }
    },
  };
}

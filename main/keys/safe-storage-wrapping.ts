// Secrets wrapped by the OS keystore through Electron's safeStorage, with the same rules as the
// database key: no keystore, or Linux's `basic_text` fallback (a password hard-coded in Chromium),
// is refused rather than used. The safeStorage object is passed in, so this file never imports
// Electron and can be tested with it faked.
import { KeyUnavailableError } from './key-store';
import type { SecretWrapping } from './secret-file';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend(): string;
}

function assertUsable(storage: SafeStorageApi, platform: NodeJS.Platform): void {
  if (!storage.isEncryptionAvailable()) {
    throw new KeyUnavailableError('The operating system keystore is not available, so the site key cannot be protected. Sign in to the computer normally and try again.');
  }
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      throw new KeyUnavailableError(
        `No secure keyring was found (Electron safeStorage backend "${backend}"). Install and unlock GNOME Keyring (libsecret) or KWallet, then try again.`,
      );
    }
  }
}

export function safeStorageWrapping(storage: SafeStorageApi, platform: NodeJS.Platform = process.platform): SecretWrapping {
  return {
    description: 'wrapped by the OS keystore (Electron safeStorage)',
    suffix: '.safe',
    wrap(secret) {
      assertUsable(storage, platform);
      return storage.encryptString(secret.toString('base64'));
    },
    unwrap(stored, file) {
      assertUsable(storage, platform);
      let text: string;
      try {
        text = storage.decryptString(stored);
      } catch {
        throw new KeyUnavailableError(`${file} cannot be unwrapped by this computer's keystore (another Windows user, a reset keyring or a copied file).`);
      }
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new KeyUnavailableError(`${file} is damaged.`);
      return Buffer.from(text, 'base64');
    },
  };
}

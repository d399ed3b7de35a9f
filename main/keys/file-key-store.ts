// The browser host's key store: the raw key as hex in a file only its owner can read (0600),
// beside the database. Refuses a key file others can read, rather than trusting it.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { KeyUnavailableError, type KeyStore } from './key-store';

export class FileKeyStore implements KeyStore {
  readonly description: string;

  constructor(private readonly file: string) {
    this.description = `key file ${file}`;
  }

  exists(): boolean {
    return existsSync(this.file);
  }

  read(): Buffer {
    if (!this.exists()) throw new KeyUnavailableError(`The database key (${this.description}) is missing.`);
    if (process.platform !== 'win32' && (statSync(this.file).mode & 0o077) !== 0) {
      throw new KeyUnavailableError(`The ${this.description} can be read by other users; it must be readable by its owner only (chmod 600).`);
    }
    const text = readFileSync(this.file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(text)) throw new KeyUnavailableError(`The ${this.description} is not a valid key.`);
    return Buffer.from(text, 'hex');
  }

  create(key: Buffer): void {
    if (this.exists()) throw new KeyUnavailableError(`Refusing to overwrite the existing ${this.description}.`);
    writeFileSync(this.file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(this.file, 0o600);
  }
}

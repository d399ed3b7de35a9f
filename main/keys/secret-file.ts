// A small secret kept in one file beside the database, stored the way the database key is: wrapped
// by the OS keystore under Electron (safeStorage: DPAPI, Keychain, libsecret), or, in the browser
// host, as an owner-only file (0600; a file others can read is refused). Used for the site's TLS
// private key. Writes go to a temporary file, are flushed, then renamed: a crash leaves the old
// secret or the new one, never half of one. Nothing here logs or puts a secret in a message.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { KeyUnavailableError } from './key-store';

/** How a secret is turned into the bytes on disk and back. */
export interface SecretWrapping {
  /** For messages: "OS keystore (Electron safeStorage)", "owner-only file". */
  readonly description: string;
  /** The file name suffix this wrapping uses ('.safe' for the OS keystore). */
  readonly suffix: string;
  wrap(secret: Buffer): Buffer;
  unwrap(stored: Buffer, file: string): Buffer;
}

export const ownerOnlyFile: SecretWrapping = {
  description: 'owner-only file',
  suffix: '',
  wrap: (secret) => secret,
  unwrap: (stored, file) => {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
      throw new KeyUnavailableError(`${file} can be read by other users; it must be readable by its owner only (chmod 600).`);
    }
    return stored;
  },
};

export class SecretFile {
  readonly file: string;

  constructor(
    baseFile: string,
    private readonly wrapping: SecretWrapping,
  ) {
    this.file = `${baseFile}${wrapping.suffix}`;
  }

  get description(): string {
    return `${this.file} (${this.wrapping.description})`;
  }

  exists(): boolean {
    return existsSync(this.file);
  }

  read(): Buffer {
    let stored: Buffer;
    try {
      stored = readFileSync(this.file);
    } catch {
      throw new KeyUnavailableError(`${this.file} is missing or unreadable.`);
    }
    return this.wrapping.unwrap(stored, this.file);
  }

  /** Writes (or replaces) the secret atomically, readable by its owner only. */
  write(secret: Buffer): void {
    const stored = this.wrapping.wrap(secret);
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, stored);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(temp, this.file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}

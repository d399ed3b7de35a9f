// Where the database key lives. The key is 32 random bytes used raw; it is stored only wrapped:
// by the OS keystore under Electron (safeStorage), or in an owner-only file in the browser host.
// Implementations never log the key.

export interface KeyStore {
  /** For messages: where the key is kept ("key file /home/x/.local/share/sonar/db.key"). */
  readonly description: string;
  /** True when a stored key exists (it may still fail to unwrap). */
  exists(): boolean;
  /** The raw 32-byte key. Throws KeyUnavailableError when it cannot be read or unwrapped. */
  read(): Buffer;
  /** Stores a new key. Only ever called when neither a key nor a database exists. */
  create(key: Buffer): void;
}

export class KeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyUnavailableError';
  }
}

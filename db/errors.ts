// Why the store could not be opened. Each message tells a person what happened and that the
// existing files were left untouched: the app never replaces a database it cannot open.

export type StoreOpenReason =
  /** The key does not open the database (or, with no marker to say otherwise, the file is not a SONAR database). */
  | 'key_rejected'
  /** Written by a newer SONAR. */
  | 'newer_schema'
  /** The key is right but the file is empty, cut short or corrupt. */
  | 'damaged'
  /** The database exists but its key does not. */
  | 'key_missing'
  /** The data directory has held a site but its database is gone. */
  | 'missing';

export class StoreOpenError extends Error {
  constructor(
    readonly reason: StoreOpenReason,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** The recovery path every refusal ends with. */
export const RECOVERY_ADVICE =
  'The files were left untouched: nothing in the data directory was changed or deleted. Keep every file there (sonar.db, sonar.db-wal, sonar.db-shm, the key and the marker) ' +
  'and contact site IT: they can restore the last backup (npm run restore -- --from FILE), or recover from these files.';

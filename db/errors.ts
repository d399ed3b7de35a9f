// Why the store could not be opened. Each message tells a person what happened and that the
// existing file was left untouched: the app never replaces a database it cannot open.

export class StoreOpenError extends Error {
  constructor(
    readonly reason: 'key_rejected' | 'newer_schema' | 'damaged' | 'key_missing',
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

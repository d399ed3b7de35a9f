import type { ErrorCode } from '../../contract/result';

/** A refusal a service explains to the user (conflict, not found, throttled...). Nothing was changed. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
    /** Every problem found, each with its field path, for forms that mark all fields at once. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

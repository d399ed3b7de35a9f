import type { ErrorCode } from '../../contract/result';

/** A refusal a service explains to the user (conflict, not found, throttled...). Nothing was changed. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

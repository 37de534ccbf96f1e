/** The expected failures of a use case; the web layer maps each code to an HTTP status. */
export type ServiceErrorCode =
  | 'not-found'
  | 'invalid-input'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited';

/** A failure a person can act on: `message` is written for them and shown as is. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Extra data the client needs, such as the winning text of a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Throw a not-found error unless `value` is there. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ServiceError('not-found', `${what} does not exist.`);
  return value;
}

import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ServiceError, type ServiceErrorCode } from '../services/errors.js';

/** HTTP status for each expected failure of a use case. */
const STATUS_BY_CODE: Record<ServiceErrorCode, number> = {
  'not-found': 404,
  'invalid-input': 400,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  unauthorized: 401,
  forbidden: 403,
  'rate-limited': 429,
};

/** The HTTP status that answers a use case's expected failure. */
export function httpStatusOf(error: ServiceError): number {
  return STATUS_BY_CODE[error.code];
}

/** An answer the web layer decides itself (a bad route, a malformed body). */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The last route: anything not matched is a 404 in the format the client asked for. */
export const handleNotFound: RequestHandler = (request) => {
  throw new HttpError(404, 'not-found', `There is nothing at ${request.method} ${request.path}.`);
};

/** One error handler: JSON `{error: {code, message}}` for the API, an HTML page for people. */
export const handleError: ErrorRequestHandler = (error: unknown, request, response, _next) => {
  const failure = describeFailure(error);
  if (failure.status >= 500) request.log?.error({ err: error }, 'request failed');
  const retryAfter = failure.details?.retryAfter;
  if (typeof retryAfter === 'number') response.set('Retry-After', String(retryAfter));
  response.status(failure.status);
  if (wantsJson(request)) {
    response.json({ error: { code: failure.code, message: failure.message, ...failure.details } });
  } else {
    response.render('error', { title: 'Something went wrong', status: failure.status, message: failure.message });
  }
};

/** True for API routes and for clients that asked for JSON. */
export function wantsJson(request: Request): boolean {
  return request.originalUrl.startsWith('/api/') || request.accepts(['html', 'json']) === 'json';
}

interface Failure { status: number; code: string; message: string; details?: Record<string, unknown> }

function describeFailure(error: unknown): Failure {
  if (error instanceof ServiceError) {
    return { status: httpStatusOf(error), code: error.code, message: error.message, ...(error.details && { details: error.details }) };
  }
  if (error instanceof HttpError) {
    return { status: error.status, code: error.code, message: error.message, ...(error.details && { details: error.details }) };
  }
  // body-parser marks its own failures (malformed JSON, too large, bad charset) with a status.
  const status = (error as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') return { status: 413, code: 'too-large', message: 'The request is too large.' };
    if (type === 'entity.parse.failed') return { status: 400, code: 'malformed-json', message: 'The request body is not valid JSON.' };
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      return { status: 415, code: 'unsupported-media-type', message: 'Send the request body as UTF-8.' };
    }
    return { status, code: 'bad-request', message: (error as Error).message };
  }
  return { status: 500, code: 'internal', message: 'The server failed to handle this request. Nothing was changed; try again.' };
}

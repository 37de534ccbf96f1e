import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
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

/**
 * One error handler for every failure, those raised before login and in body parsing included:
 * JSON `{error: {code, message}}` for the API, the error page for people, never a stack, a file
 * path or template source.
 */
export function handleErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const failure = describeFailure(error);
    if (failure.status >= 500) logger.error({ err: error, req: { method: request.method, url: request.path } }, 'request failed');
    if (response.headersSent) {
      // Part of the answer is out (a download cut short): end it, so the client sees it failed.
      response.destroy();
      return;
    }
    setRetryAfter(response, failure.details);
    response.status(failure.status);
    if (wantsJson(request)) {
      response.json({ error: { code: failure.code, message: failure.message, ...failure.details } });
      return;
    }
    // The page's header reads what authenticate sets, which a request refused before it (a
    // malformed body) never got: give it empty values rather than fail to draw the error.
    const locals = { title: 'Something went wrong', status: failure.status, message: failure.message, csrfToken: response.locals.csrfToken ?? '' };
    response.render('error', locals, (renderError: Error | null, html?: string) => {
      if (renderError) logger.error({ err: renderError }, 'error page failed');
      response.type('html').send(renderError ? plainErrorPage(failure) : html);
    });
  };
}

/** True for API routes (the JSON side of the route table) and for clients that asked for JSON. */
function wantsJson(request: Request): boolean {
  return request.originalUrl.startsWith('/api/') || request.accepts(['html', 'json']) === 'json';
}

/** Say when to try again, for answers that ask the client to wait (429). */
export function setRetryAfter(response: Response, details: Record<string, unknown> | undefined): void {
  const retryAfter = details?.retryAfter;
  if (typeof retryAfter === 'number') response.set('Retry-After', String(retryAfter));
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
    if (type === 'parameters.too.many') return { status: 413, code: 'too-large', message: 'The form has too many fields.' };
    if (status === 404) return { status, code: 'not-found', message: 'There is nothing at this address.' };
    // Other parser failures (a body cut off, a malformed path): their own messages name internals.
    return { status, code: 'bad-request', message: 'The request could not be read. Check it and try again.' };
  }
  return { status: 500, code: 'internal', message: 'The server failed to handle this request. Nothing was changed; try again.' };
}

/** The error page without the template, when even that failed: the status and message, escaped. */
function plainErrorPage(failure: Failure): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${failure.status} · Retouche</title></head>`
    + `<body><h1>${failure.status}</h1><p>${escape(failure.message)}</p><p><a href="/documents">Back to the documents</a></p></body></html>\n`;
}

import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { decodeUtf8, findForbiddenCharacter } from '../services/input-rules.js';
import { HttpError } from './errors.js';

/**
 * Refuse any request whose query or body holds a string with a character no text may hold (see
 * input-rules.ts), naming the field: one check here covers every field of every route, those no
 * use case reads included, before any of them runs.
 */
export const rejectForbiddenText: RequestHandler = (request, _response, next) => {
  const query = request.originalUrl.indexOf('?');
  if (query >= 0) verifyFormEncoding(request.originalUrl.slice(query + 1), 'query string');
  const problem = describeForbiddenField(request.query) ?? describeForbiddenField(request.body);
  if (problem) throw new HttpError(400, 'invalid-text', problem);
  next();
};

/** What is wrong with parsed fields (a body, a query, an upload form's fields) holding a character no text may hold; null when nothing. */
export function describeForbiddenField(fields: unknown): string | null {
  const problem = findForbiddenField(fields, '');
  return problem ? `"${problem.field}": The value ${problem.why}, which cannot be stored. Remove it and try again.` : null;
}

/** express.json's `verify`: the body must be UTF-8, as uploaded files must (a JSON parser would put U+FFFD in place of a bad byte). */
export function verifyJsonBody(_request: IncomingMessage, _response: unknown, bytes: Buffer): void {
  verifyUtf8(bytes);
}

/** express.urlencoded's `verify`: UTF-8, and every %-escape decoding to UTF-8 (the parser would put U+FFFD in place of a bad one). */
export function verifyFormBody(_request: IncomingMessage, _response: unknown, bytes: Buffer): void {
  verifyUtf8(bytes);
  verifyFormEncoding(bytes.toString('utf8'), 'form');
}

function verifyUtf8(bytes: Buffer): void {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    throw new HttpError(400, 'invalid-text', `The request body is not valid UTF-8 (byte 0x${(bytes[decoded.offset] ?? 0).toString(16).toUpperCase()} `
      + `at position ${decoded.offset}). Send it as UTF-8.`);
  }
}

function verifyFormEncoding(encoded: string, where: string): void {
  for (const pair of encoded.split('&')) {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const field = tryDecode(name) ?? name;
    if (tryDecode(name) === undefined || (equals >= 0 && tryDecode(pair.slice(equals + 1)) === undefined)) {
      throw new HttpError(400, 'invalid-text', `"${field}" in the ${where} is not valid UTF-8 once its %-escapes are decoded. Send it as UTF-8.`);
    }
  }
}

function tryDecode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The first string (as a field path such as `targets[0].segmentId`) with a forbidden character. */
function findForbiddenField(value: unknown, path: string, depth = 0): { field: string; why: string } | undefined {
  if (typeof value === 'string') {
    const why = findForbiddenCharacter(value);
    return why ? { field: path, why } : undefined;
  }
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = findForbiddenCharacter(key);
    if (keyProblem) return { field: `${path}${path ? '.' : ''}${key}`, why: keyProblem };
    const found = findForbiddenField(item, Array.isArray(value) ? `${path}[${key}]` : `${path}${path ? '.' : ''}${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

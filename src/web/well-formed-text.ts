import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

/**
 * Refuse any request whose body or query holds a string with an unpaired UTF-16 surrogate.
 * JSON can carry one ("\ud800"), but UTF-8 cannot: SQLite would store it as U+FFFD and the stored
 * text would no longer match the patches and offsets computed from it. One check here covers
 * every field of every route.
 */
export const rejectMalformedText: RequestHandler = (request, _response, next) => {
  if (!isWellFormedDeep(request.body) || !isWellFormedDeep(request.query)) {
    throw new HttpError(400, 'malformed-text',
      'The request holds a character that cannot be stored (an unpaired UTF-16 surrogate or a NUL). Remove it and try again.');
  }
  next();
};

/**
 * Whether every string in a parsed body (objects, arrays, nested) is well-formed Unicode without
 * NUL: PostgreSQL text cannot hold U+0000, and both backends must accept the same texts.
 */
function isWellFormedDeep(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.isWellFormed() && !value.includes('\u0000');
  if (typeof value !== 'object' || value === null || depth > 32) return true;
  const values = Array.isArray(value) ? value : Object.values(value);
  return values.every((item) => isWellFormedDeep(item, depth + 1));
}

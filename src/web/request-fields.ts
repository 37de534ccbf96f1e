import type { Request } from 'express';
import { ServiceError } from '../services/errors.js';

/** The parsed body of a form or JSON request as plain fields (empty when there was no body). */
export function fieldsOf(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A single query-string value as text, '' when absent or repeated. */
export function queryText(request: Request, name: string): string {
  const value = request.query[name];
  return typeof value === 'string' ? value : '';
}

/** An optional text field: a string, or absent (undefined or JSON null); anything else is a 400 naming it. */
export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ServiceError('invalid-input', `"${field}" must be a string.`);
  return value;
}

/**
 * A local address to go to after a form, from a field or query: a path on this site (never
 * "//elsewhere" or a full URL, which would send the person away), else `fallback`.
 */
export function readReturnPath(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : fallback;
}

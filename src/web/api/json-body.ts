import type { Request } from 'express';
import { HttpError } from '../errors.js';

/** The JSON object a state-changing API call must send; anything else is a 415 that says what to send. */
export function requireJsonObject(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(415, 'unsupported-media-type', 'Send a JSON object with Content-Type: application/json.');
  }
  return body as Record<string, unknown>;
}

/** A string field, or a 400 naming it. */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new HttpError(400, 'invalid-input', `"${field}" must be a string.`);
  return value;
}

/** An optional string field. */
export function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, field);
}

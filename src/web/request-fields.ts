import type { Request } from 'express';

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

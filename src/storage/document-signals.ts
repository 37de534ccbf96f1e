import { RESYNC } from './engine.js';

/**
 * What a committed change tells the servers watching a database: a document has new events, its
 * presence list changed, or it was deleted; `resync` when some of those may have been missed.
 */
export type DocumentSignal =
  | { kind: 'events' | 'presence' | 'deleted'; documentId: number }
  | { kind: 'resync' };

const KINDS = new Set(['events', 'presence', 'deleted']);

/** The announcement of a signal: short, since PostgreSQL's NOTIFY payloads are limited to 8,000 bytes. */
export function formatSignal(kind: 'events' | 'presence' | 'deleted', documentId: number): string {
  return `${kind}:${documentId}`;
}

/** The signal an announcement carries; undefined for anything else said on the channel. */
export function parseSignal(message: string): DocumentSignal | undefined {
  if (message === RESYNC) return { kind: 'resync' };
  const [kind = '', id = ''] = message.split(':');
  const documentId = Number(id);
  return KINDS.has(kind) && Number.isSafeInteger(documentId) ? { kind: kind as 'events', documentId } : undefined;
}

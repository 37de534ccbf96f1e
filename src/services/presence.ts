import type { Storage } from '../storage/types.js';
import { ServiceError, found } from './errors.js';
import { requireAuthor } from './validate.js';

/**
 * How long "I have this sentence open" holds unless said again: an editor's page says it again
 * every half of this while the sentence stays open, so a closed tab or a lost connection drops off
 * others' pages within a minute.
 */
export const PRESENCE_TTL_MS = 60_000;

/** Say that an editor opened (`open: true`) or closed a sentence in their editor; every stream of the document hears it. */
export async function markPresence(
  storage: Storage, request: { segmentId: number; open: unknown; author: unknown },
): Promise<{ segmentId: number; documentId: number; open: boolean; expiresAt: string | null }> {
  const author = requireAuthor(request.author);
  if (typeof request.open !== 'boolean') throw new ServiceError('invalid-input', '"open" must be true (the sentence is open in your editor) or false.');
  const segment = found(await storage.segments.get(request.segmentId), `Sentence ${request.segmentId}`);
  const presence = { documentId: segment.documentId, segmentId: segment.id, author };
  if (!request.open) {
    await storage.presence.close(presence);
    return { ...presence, open: false, expiresAt: null };
  }
  const expiresAt = new Date(Date.now() + PRESENCE_TTL_MS).toISOString();
  await storage.presence.open({ ...presence, expiresAt });
  return { segmentId: segment.id, documentId: segment.documentId, open: true, expiresAt };
}

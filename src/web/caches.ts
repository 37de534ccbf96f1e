import { createHistoryCache, type HistoryCache } from '../services/segment-history.js';
import { createCallerCache, type CallerCache } from './caller-cache.js';
import { createSegmentMarkupCache, type SegmentMarkupCache } from './segment-markup.js';

/**
 * What the app keeps in memory between requests, all bounded. Made where the storage is opened
 * (server.ts, each test's app) and handed to createApp: the entries are keyed on ids of that one
 * storage, so two apps over two databases in one process never share them.
 */
export interface AppCaches {
  /** Sentences' histories replayed from their patches, extended as revisions are added. */
  histories: HistoryCache;
  /** The document page's markup of each sentence, reused while the sentence is unchanged. */
  segmentMarkup: SegmentMarkupCache;
  /** Who a session cookie or API token belongs to, trusted for a few seconds (caller-cache.ts). */
  callers: CallerCache;
}

/** Empty caches for one app over one storage. */
export function createAppCaches(): AppCaches {
  return { histories: createHistoryCache(), segmentMarkup: createSegmentMarkupCache(), callers: createCallerCache() };
}

/**
 * Drop what is kept of a deleted document: SQLite may give its ids to the next document, whose
 * sentences must not be shown this one's replayed history.
 */
export function forgetDocument(caches: AppCaches, segmentIds: readonly number[]): void {
  for (const id of segmentIds) caches.histories.delete(id);
}

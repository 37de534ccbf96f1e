import { applyTextPatch } from '../history/text-patch.js';
import { rebuildText, revisionsNeededFor } from '../history/rebuild.js';
import { blameText, blameWords, extendBlame, type BlameRun } from '../history/blame.js';
import type { Storage } from '../storage/types.js';
import type { DismissalRecord, DocumentEventRecord, RevisionRecord, SegmentRecord } from '../model.js';
import { BoundedCache } from './bounded-cache.js';
import { ServiceError, found } from './errors.js';

/** One revision with the texts on both sides of it, rebuilt from the stored patches. */
export interface RevisionWithText extends RevisionRecord {
  before: string;
  text: string;
}

export interface SegmentHistory {
  segment: SegmentRecord;
  /** Oldest first: revision 0 is the machine translation as imported. */
  revisions: RevisionWithText[];
  /**
   * Everything else that happened to it, oldest first: status changes, comments, dismissals and
   * their restores, and one event per revision after the import (which says which action made it).
   */
  events: DocumentEventRecord[];
  /** The dismissals in force on it. */
  dismissals: DismissalRecord[];
  /** The current text word by word, each with the revision that last changed it. */
  blame: BlameRun[];
}

/** A sentence's revisions replayed up to its newest, with the blame of that text. */
export interface ReplayedHistory {
  revisions: RevisionWithText[];
  blameRuns: BlameRun[];
}

// History is append-only, so a replay stays true for its revisions and only needs the newer ones
// added: a sentence with 10,000 revisions took ~90 ms to read and replay, a reread after one
// more save then costs one patch. Kept for the most recently viewed sentences, up to a total
// number of revisions.
const MAX_CACHED_REVISIONS = 50_000;

/** Replayed histories by sentence id; one per storage (ids of two databases would mix). */
export type HistoryCache = BoundedCache<number, ReplayedHistory>;

/** An empty history cache, for one storage (server.ts makes one for the app; tests make their own). */
export function createHistoryCache(): HistoryCache {
  return new BoundedCache<number, ReplayedHistory>(MAX_CACHED_REVISIONS, (_id, replay) => replay.revisions.length);
}

/** Every revision of a sentence with its text, replayed from the patches in one pass. */
export async function getSegmentHistory(storage: Storage, cache: HistoryCache, segmentId: number): Promise<SegmentHistory> {
  const segment = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  const replay = await replayHistory(storage, cache, segment);
  return {
    segment, revisions: replay.revisions, events: await storage.events.listBySegment(segmentId),
    dismissals: await storage.dismissals.listBySegment(segmentId), blame: blameWords(replay.blameRuns),
  };
}

async function replayHistory(storage: Storage, cache: HistoryCache, segment: SegmentRecord): Promise<ReplayedHistory> {
  const known = cache.get(segment.id);
  const newest = known?.revisions.at(-1)?.number ?? -1;
  let replay: ReplayedHistory;
  if (known && newest === segment.revision) {
    replay = known;
  } else if (known && newest < segment.revision) {
    const newer = await storage.revisions.listRange(segment.id, newest + 1, segment.revision);
    replay = { revisions: [...known.revisions, ...withTexts(newer, known.revisions.at(-1)?.text ?? '')], blameRuns: extendBlame(known.blameRuns, newer) };
  } else {
    const revisions = await storage.revisions.listBySegment(segment.id);
    replay = { revisions: withTexts(revisions, ''), blameRuns: blameText(revisions) };
  }
  // A save landing between the two reads makes the list run past `segment.revision`: still true.
  // Frozen: every page that shows this history shares these objects.
  Object.freeze(replay.revisions);
  cache.set(segment.id, replay);
  return replay;
}

// Each revision with the text before and after it, `text` being the text before the first.
function withTexts(revisions: readonly RevisionRecord[], text: string): RevisionWithText[] {
  return revisions.map((revision): RevisionWithText => {
    const before = text;
    text = revision.number === 0 ? revision.checkpoint ?? '' : applyTextPatch(text, revision.patch);
    return Object.freeze({ ...revision, before, text });
  });
}

/** The text of one version of a sentence, from the nearest checkpoint (at most one checkpoint interval of patches). */
export async function getSegmentVersion(storage: Storage, segmentId: number, number: number): Promise<string> {
  const segment = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  if (number > segment.revision) {
    throw new ServiceError('not-found', `Sentence ${segmentId} has no version ${number}; its newest is ${segment.revision}.`);
  }
  const { from, to } = revisionsNeededFor(number);
  return rebuildText(await storage.revisions.listRange(segmentId, from, to), number);
}

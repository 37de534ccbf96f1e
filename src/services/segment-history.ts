import { applyTextPatch } from '../history/text-patch.js';
import { rebuildText, revisionsNeededFor } from '../history/rebuild.js';
import { blameText, blameWords, type BlameRun } from '../history/blame.js';
import type { RevisionRecord, SegmentEventRecord, SegmentRecord, Storage } from '../storage/types.js';
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
  /** Status changes and comments, oldest first. */
  events: SegmentEventRecord[];
  /** The current text word by word, each with the revision that last changed it. */
  blame: BlameRun[];
}

/** Every revision of a sentence with its text, replayed from the patches in one pass. */
export async function getSegmentHistory(storage: Storage, segmentId: number): Promise<SegmentHistory> {
  const segment = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  const revisions = await storage.revisions.listBySegment(segmentId);
  let text = '';
  const withText = revisions.map((revision): RevisionWithText => {
    const before = text;
    text = revision.number === 0 ? revision.checkpoint ?? '' : applyTextPatch(text, revision.patch);
    return { ...revision, before, text };
  });
  return { segment, revisions: withText, events: await storage.events.listBySegment(segmentId), blame: blameWords(blameText(revisions)) };
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

import type { ReviewCounts } from '../model.js';

/** How far the review of a document has come, as the progress line and the API show it. */
export interface DocumentProgress {
  total: number;
  /** Sentences neither to review nor set aside: edited or approved with no open flag, or excluded by an editor. */
  reviewed: number;
  /** Sentences with the status "to-review" or an open flag, whatever their status. */
  toReview: number;
  /** Page noise the import set aside (photo captions and credits, tags...), counted apart. */
  setAside: number;
  edited: number;
  approved: number;
  excluded: number;
  /** Sentences whose text differs from the machine translation. */
  corrected: number;
  /** Flags neither dismissed nor closed by approving or excluding their sentence. */
  openFlags: number;
  /** Sentences with at least one open flag (all of them to review). */
  flaggedToReview: number;
}

/** A document's progress from its kept counters (src/review/queue.ts says what they count). */
export function toProgress(counts: ReviewCounts): DocumentProgress {
  return {
    total: counts.total,
    reviewed: counts.total - counts.toReview - counts.setAside,
    toReview: counts.toReview,
    setAside: counts.setAside,
    edited: counts.edited,
    approved: counts.approved,
    excluded: counts.excluded,
    corrected: counts.corrected,
    openFlags: counts.openFlags,
    flaggedToReview: counts.flagged,
  };
}

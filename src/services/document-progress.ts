import type { AnalyzedSegment } from './document-analysis.js';

/** How far the review of a document has come. */
export interface DocumentProgress {
  total: number;
  /** Sentences no longer waiting: edited, approved or excluded. */
  reviewed: number;
  toReview: number;
  edited: number;
  approved: number;
  excluded: number;
  /** Sentences whose text differs from the machine translation. */
  corrected: number;
  /** Open flags on sentences nobody has dealt with yet (still to review). */
  openFlags: number;
  /** Sentences still to review that carry at least one open flag. */
  flaggedToReview: number;
}

/** A sentence still flagged that nobody corrected, approved, excluded or cleared: what the export asks about. */
export function isUnresolved(segment: AnalyzedSegment): boolean {
  return segment.status === 'to-review' && segment.flags.length > 0;
}

/**
 * Count a document's progress. A flag stops counting once its sentence is edited, approved or
 * excluded, or once it is dismissed: that is the list the export asks about.
 */
export function summarizeProgress(segments: readonly AnalyzedSegment[]): DocumentProgress {
  const progress: DocumentProgress = {
    total: segments.length, reviewed: 0, toReview: 0, edited: 0, approved: 0, excluded: 0, corrected: 0, openFlags: 0, flaggedToReview: 0,
  };
  for (const segment of segments) {
    if (segment.text !== segment.original) progress.corrected++;
    if (segment.status === 'to-review') {
      progress.toReview++;
      progress.openFlags += segment.flags.length;
      if (isUnresolved(segment)) progress.flaggedToReview++;
    } else {
      progress.reviewed++;
      if (segment.status === 'edited') progress.edited++;
      else if (segment.status === 'approved') progress.approved++;
      else progress.excluded++;
    }
  }
  return progress;
}

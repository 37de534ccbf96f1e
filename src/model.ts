import type { TextPatch } from './history/text-patch.js';

/**
 * The domain model: what Retouche stores and shows, in one place that storage, services and
 * web all import. Plain data, no behaviour; the storage contract (src/storage/types.ts) reads
 * and writes these shapes.
 */

/** What a segment is on the page: only `body`, `heading`, `caption` and `teaser` text is article text. */
export type SegmentRole =
  | 'body'
  | 'heading'
  | 'caption'
  | 'credit'
  | 'separator'
  | 'section-label'
  | 'teaser'
  | 'tag';

/** Where a sentence stands in review. */
export type SegmentStatus = 'to-review' | 'edited' | 'approved' | 'excluded';

/** How a revision came about: the import (revision 0), an editor's change, or a restore of an earlier text. */
export type RevisionKind = 'import' | 'edit' | 'revert';

export interface DocumentRecord {
  id: number;
  title: string;
  targetLanguage: string;
  detectedLanguage: string;
  /** The language of the original article, when an editor attached it. */
  sourceLanguage: string | null;
  /**
   * The sum of its sentences' revision numbers: every saved revision raises it by one, in the
   * same transaction, so an unchanged sum says no sentence's text changed.
   */
  revisionSum: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A document with the text it was imported from. Only exports and comparisons need that text,
 * and it can weigh megabytes, so reading a document for a page or a save leaves it out.
 */
export interface DocumentWithText extends DocumentRecord {
  originalText: string;
}

/** A file an article was imported from and whose export writes back into it: only XLIFF, so far. */
export interface ImportedFile {
  format: 'xliff';
  /** The file as it came (decoded from UTF-8, byte-order mark and line ends kept). */
  content: string;
}

export interface DocumentSummary {
  id: number;
  title: string;
  targetLanguage: string;
  detectedLanguage: string;
  createdAt: string;
  updatedAt: string;
  segmentCount: number;
  /** Sentences whose current text differs from the machine translation. */
  correctedCount: number;
}

export interface SegmentRecord {
  id: number;
  documentId: number;
  position: number;
  paragraph: number;
  start: number;
  end: number;
  role: SegmentRole;
  original: string;
  text: string;
  status: SegmentStatus;
  revision: number;
  updatedAt: string;
}

export interface RevisionRecord {
  id: number;
  segmentId: number;
  number: number;
  kind: RevisionKind;
  patch: TextPatch;
  checkpoint: string | null;
  revertedTo: number | null;
  author: string;
  comment: string | null;
  createdAt: string;
}

export interface DismissalRecord {
  id: number;
  segmentId: number;
  checkId: string;
  /** The flagged words when the flag was dismissed; the same check on the same words stays dismissed. */
  spanText: string;
  author: string;
  createdAt: string;
}

export interface SegmentEventRecord {
  id: number;
  segmentId: number;
  kind: 'status' | 'comment';
  /** The status set, for a status event. */
  status: SegmentStatus | null;
  /** The comment, for a comment event. */
  body: string | null;
  author: string;
  createdAt: string;
}

export type UserRole = 'viewer' | 'editor' | 'admin';

export interface UserRecord {
  id: number;
  name: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SourceSentenceRecord {
  id: number;
  documentId: number;
  position: number;
  start: number;
  end: number;
  text: string;
}

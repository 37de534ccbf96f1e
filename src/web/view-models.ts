import { diffForDisplay, diffSideBySide, type DiffPart } from '../history/display-diff.js';
import type { DocumentRecord, SegmentRecord } from '../storage/types.js';
import type { RevisionWithText } from '../services/segment-history.js';
import { describeLanguageMismatch, languageName } from '../services/import-document.js';

/** What the API says about one sentence. */
export function toSegmentJson(segment: SegmentRecord) {
  return {
    id: segment.id,
    documentId: segment.documentId,
    paragraph: segment.paragraph,
    position: segment.position,
    original: segment.original,
    text: segment.text,
    revision: segment.revision,
    status: segment.status,
    updatedAt: segment.updatedAt,
  };
}

/** What the API says about a document, without its sentences. */
export function toDocumentJson(document: DocumentRecord) {
  return {
    id: document.id,
    title: document.title,
    targetLanguage: document.targetLanguage,
    detectedLanguage: document.detectedLanguage,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

export interface SegmentView {
  id: number;
  position: number;
  text: string;
  original: string;
  revision: number;
  status: string;
  changed: boolean;
  /** Word diff from the machine translation to the current text; empty when unchanged. */
  diff: DiffPart[];
}

export interface ParagraphView {
  index: number;
  segments: SegmentView[];
}

/** The sentences grouped by paragraph, each with its diff against the machine translation. */
export function toParagraphViews(segments: readonly SegmentRecord[]): ParagraphView[] {
  const paragraphs: ParagraphView[] = [];
  for (const segment of segments) {
    let paragraph = paragraphs.at(-1);
    if (!paragraph || paragraph.index !== segment.paragraph) {
      paragraph = { index: segment.paragraph, segments: [] };
      paragraphs.push(paragraph);
    }
    paragraph.segments.push(toSegmentView(segment));
  }
  return paragraphs;
}

export function toSegmentView(segment: SegmentRecord): SegmentView {
  const changed = segment.text !== segment.original;
  return {
    id: segment.id,
    position: segment.position,
    text: segment.text,
    original: segment.original,
    revision: segment.revision,
    status: segment.status,
    changed,
    diff: changed ? diffForDisplay(segment.original, segment.text) : [],
  };
}

/** The header facts of a document page. */
export function toDocumentHeader(document: DocumentRecord, segments: readonly SegmentRecord[]) {
  return {
    id: document.id,
    title: document.title,
    targetLanguageName: languageName(document.targetLanguage),
    detectedLanguageName: document.detectedLanguage === 'und' ? 'not recognised' : languageName(document.detectedLanguage),
    languageWarning: describeLanguageMismatch(document.detectedLanguage, document.targetLanguage),
    sentenceCount: segments.length,
    correctedCount: segments.filter((segment) => segment.text !== segment.original).length,
  };
}

export interface RevisionView {
  number: number;
  kind: string;
  author: string;
  comment: string | null;
  createdAt: string;
  revertedTo: number | null;
  text: string;
  sides: { before: DiffPart[]; after: DiffPart[] };
  interleaved: DiffPart[];
  isCurrent: boolean;
}

/** History entries newest first, each with its diff shown as two lines and interleaved. */
export function toRevisionViews(revisions: readonly RevisionWithText[], current: number): RevisionView[] {
  return revisions.map((revision): RevisionView => ({
    number: revision.number,
    kind: revision.kind,
    author: revision.author,
    comment: revision.comment,
    createdAt: revision.createdAt,
    revertedTo: revision.revertedTo,
    text: revision.text,
    sides: revision.number === 0 ? { before: [], after: [{ text: revision.text, kind: 'same' }] } : diffSideBySide(revision.before, revision.text),
    interleaved: revision.number === 0 ? [] : diffForDisplay(revision.before, revision.text),
    isCurrent: revision.number === current,
  })).reverse();
}

/**
 * Two versions of a sentence side by side. `from` and `to` come from the query string; a missing
 * or unknown version falls back to the machine translation and the current text.
 */
export function toComparisonView(revisions: readonly RevisionWithText[], from: unknown, to: unknown) {
  const pick = (value: unknown, fallback: RevisionWithText) =>
    revisions.find((revision) => String(revision.number) === value) ?? fallback;
  const before = pick(from, revisions[0]!);
  const after = pick(to, revisions.at(-1)!);
  return {
    from: before.number,
    to: after.number,
    sides: diffSideBySide(before.text, after.text),
    interleaved: diffForDisplay(before.text, after.text),
  };
}

import { applyTextPatch } from '../history/text-patch.js';
import { diffForDisplay, type DiffPart } from '../history/display-diff.js';
import type { Storage } from '../storage/types.js';
import type { RevisionRecord, SegmentRecord } from '../model.js';
import { getDocument, getDocumentWithText } from './documents.js';
import { ServiceError } from './errors.js';
import { getSegmentVersion } from './segment-history.js';
import { readMoment } from './validate.js';

/** One entry of a document's timeline: a revision of one of its sentences, with the texts around it. */
export interface TimelineEntry extends RevisionRecord {
  position: number;
  before: string;
  text: string;
}

/** Timeline entries per page: enough for a day's work on an article, small enough to render at once. */
export const TIMELINE_PAGE_SIZE = 100;

/** A page of the document's revisions, newest first, optionally by one author. */
export async function getTimeline(
  storage: Storage, documentId: number, options: { author?: string; beforeId?: number } = {},
): Promise<{ entries: TimelineEntry[]; authors: string[]; nextBeforeId: number | null }> {
  const { segments } = await getDocument(storage, documentId);
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const revisions = await storage.revisions.listTimeline(documentId, { ...options, limit: TIMELINE_PAGE_SIZE + 1 });
  const page = revisions.slice(0, TIMELINE_PAGE_SIZE);
  const entries: TimelineEntry[] = [];
  for (const revision of page) {
    const before = revision.number === 0 ? '' : await getSegmentVersion(storage, revision.segmentId, revision.number - 1);
    const text = revision.number === 0 ? revision.checkpoint ?? '' : applyTextPatch(before, revision.patch);
    entries.push({ ...revision, position: byId.get(revision.segmentId)?.position ?? -1, before, text });
  }
  return {
    entries,
    authors: await storage.revisions.listAuthors(documentId),
    nextBeforeId: revisions.length > TIMELINE_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}

/** A point in a document's life: its machine translation, its current text, or a moment. */
export type PointInTime = { kind: 'mt' } | { kind: 'current' } | { kind: 'time'; at: string };

/** Read a point in time from a query value: "mt", "current" (or nothing), or an ISO date and time. */
export function readPointInTime(value: unknown, fallback: PointInTime): PointInTime {
  if (value === undefined || value === '') return fallback;
  if (value === 'mt' || value === 'current') return { kind: value };
  try {
    return { kind: 'time', at: readMoment(value, 'point in time', { endOfMinute: true }) };
  } catch {
    throw new ServiceError('invalid-input', `"${String(value)}" is not a point in time: use "mt", "current" or a date such as 2026-11-25T14:30 (UTC).`);
  }
}

export interface DocumentComparison {
  /** The whole document as one word-level diff; text between sentences counts as unchanged. */
  parts: DiffPart[];
  changedSentences: number;
}

/** Word-level diff of the whole document between two points in time. */
export async function compareDocument(storage: Storage, documentId: number, from: PointInTime, to: PointInTime): Promise<DocumentComparison> {
  const { document, segments } = await getDocumentWithText(storage, documentId);
  const revisions = await storage.revisions.listByDocument(documentId);
  const before = textsAt(segments, revisions, from);
  const after = textsAt(segments, revisions, to);
  const parts: DiffPart[] = [];
  let cursor = 0;
  let changedSentences = 0;
  segments.forEach((segment, index) => {
    parts.push({ text: document.originalText.slice(cursor, segment.start), kind: 'same' });
    if (before[index] !== after[index]) changedSentences++;
    parts.push(...diffForDisplay(before[index]!, after[index]!));
    cursor = segment.end;
  });
  parts.push({ text: document.originalText.slice(cursor), kind: 'same' });
  return { parts: mergeParts(parts), changedSentences };
}

/** Join neighbouring parts of the same kind and drop empty ones. */
function mergeParts(parts: readonly DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && last.kind === part.kind) merged[merged.length - 1] = { text: last.text + part.text, kind: part.kind };
    else merged.push(part);
  }
  return merged;
}

/** Each sentence's text at a point in time, replayed from its revisions (revision times only grow per sentence). */
function textsAt(segments: readonly SegmentRecord[], revisions: readonly RevisionRecord[], point: PointInTime): string[] {
  if (point.kind === 'mt') return segments.map((segment) => segment.original);
  if (point.kind === 'current') return segments.map((segment) => segment.text);
  const texts = new Map<number, string>();
  for (const revision of revisions) {
    if (revision.number === 0) texts.set(revision.segmentId, revision.checkpoint ?? '');
    else if (revision.createdAt <= point.at) texts.set(revision.segmentId, applyTextPatch(texts.get(revision.segmentId)!, revision.patch));
  }
  return segments.map((segment) => texts.get(segment.id) ?? segment.original);
}

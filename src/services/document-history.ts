import { applyTextPatch } from '../history/text-patch.js';
import { diffForDisplay, type DiffPart } from '../history/display-diff.js';
import type { Storage } from '../storage/types.js';
import type { DocumentEventRecord, RevisionRecord, SegmentRecord } from '../model.js';
import { getDocument, getDocumentWithText } from './documents.js';
import { ServiceError } from './errors.js';
import { getSegmentVersion } from './segment-history.js';
import { readMoment } from './validate.js';

/** One entry of a document's timeline: an event, with its sentence's place and, for a revision, the texts around it. */
export interface TimelineEntry extends DocumentEventRecord {
  /** The sentence's place in the document (0-based), for the events of one sentence. */
  position: number | null;
  /** For a revision: how it came about, and the text before and after it. */
  change: Pick<RevisionRecord, 'kind' | 'comment' | 'revertedTo'> & { before: string; text: string } | null;
}

/** Timeline entries per page: enough for a day's work on an article, small enough to render at once. */
export const TIMELINE_PAGE_SIZE = 100;

/**
 * A page of what happened to the document, newest first, optionally by one author: its import (one
 * entry), revisions, status changes, comments, dismissals and their restores, undos, renames.
 */
export async function getTimeline(
  storage: Storage, documentId: number, options: { author?: string; beforeId?: number } = {},
): Promise<{ entries: TimelineEntry[]; authors: string[]; nextBeforeId: number | null }> {
  const { segments } = await getDocument(storage, documentId);
  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const events = await storage.events.listTimeline(documentId, { ...options, limit: TIMELINE_PAGE_SIZE + 1 });
  const page = events.slice(0, TIMELINE_PAGE_SIZE);
  const entries: TimelineEntry[] = [];
  for (const event of page) {
    const position = event.segmentId === null ? null : byId.get(event.segmentId)?.position ?? null;
    entries.push({ ...event, position, change: event.type === 'revision' ? await describeRevision(storage, event.segmentId!, event.revision!) : null });
  }
  return {
    entries,
    authors: await storage.events.listAuthors(documentId),
    nextBeforeId: events.length > TIMELINE_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}

async function describeRevision(storage: Storage, segmentId: number, number: number): Promise<TimelineEntry['change']> {
  const [revision] = await storage.revisions.listRange(segmentId, number, number);
  if (!revision) return null;
  const before = await getSegmentVersion(storage, segmentId, number - 1);
  return { kind: revision.kind, comment: revision.comment, revertedTo: revision.revertedTo, before, text: applyTextPatch(before, revision.patch) };
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

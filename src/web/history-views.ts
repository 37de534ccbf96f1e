import { diffForDisplay, diffSideBySide, type DiffPart } from '../history/display-diff.js';
import type { TimelineEntry } from '../services/document-history.js';
import type { RevisionWithText, SegmentHistory } from '../services/segment-history.js';

/** One line of a sentence's history: a revision (with its diff), a status change or a comment. */
export type HistoryEntry =
  | ({ type: 'revision' } & RevisionView)
  | { type: 'status'; status: string; author: string; createdAt: string }
  | { type: 'comment'; body: string; author: string; createdAt: string };

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
function toRevisionView(revision: RevisionWithText, current: number): RevisionView {
  return {
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
  };
}

/** A sentence's revisions, status changes and comments, newest first. */
export function toHistoryEntries(history: SegmentHistory): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...history.revisions.map((revision) => ({ type: 'revision' as const, ...toRevisionView(revision, history.segment.revision) })),
    ...history.events.map((event) => (event.kind === 'comment'
      ? { type: 'comment' as const, body: event.body ?? '', author: event.author, createdAt: event.createdAt }
      : { type: 'status' as const, status: event.status ?? '', author: event.author, createdAt: event.createdAt })),
  ];
  // Stable sort: a revision and an event of the same millisecond keep revisions-then-events order.
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The timeline page's entries with their diffs, and the author filter's choices. */
export function toTimelineView(timeline: { entries: TimelineEntry[]; authors: string[]; nextBeforeId: number | null }) {
  return {
    entries: timeline.entries.map((entry) => ({
      id: entry.id,
      segmentId: entry.segmentId,
      position: entry.position,
      number: entry.number,
      kind: entry.kind,
      author: entry.author,
      comment: entry.comment,
      createdAt: entry.createdAt,
      revertedTo: entry.revertedTo,
      sides: entry.number === 0 ? { before: [], after: [{ text: entry.text, kind: 'same' as const }] } : diffSideBySide(entry.before, entry.text),
    })),
    authors: timeline.authors,
    nextBeforeId: timeline.nextBeforeId,
  };
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

/** The current text word by word, each with who last changed it and when, for the blame view. */
export function toBlameView(history: SegmentHistory) {
  const byNumber = new Map(history.revisions.map((revision) => [revision.number, revision]));
  return history.blame.map(({ text, revision }) => ({
    text, revision, author: byNumber.get(revision)?.author ?? '', createdAt: byNumber.get(revision)?.createdAt ?? '',
  }));
}

/** History entries (revisions, status changes, comments) per page of a sentence's history. */
const HISTORY_PAGE_SIZE = 50;

/**
 * The part of a sentence's history one page shows, newest first in the order toHistoryEntries
 * gives: only that part gets diffs drawn, so a 10,000-revision sentence costs one page of diffs.
 * Without a page number, the page that shows `revision` (else the first).
 */
export function paginateHistory(history: SegmentHistory, options: { page?: number; revision?: number }) {
  // Newest first also among entries of the same millisecond (scripts save fast): the sort is stable.
  const order = [
    ...history.revisions.map((revision, index) => ({ isRevision: true, index, createdAt: revision.createdAt, number: revision.number })).reverse(),
    ...history.events.map((event, index) => ({ isRevision: false, index, createdAt: event.createdAt, number: -1 })).reverse(),
  ].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const pageCount = Math.max(1, Math.ceil(order.length / HISTORY_PAGE_SIZE));
  const position = options.revision === undefined ? -1 : order.findIndex((entry) => entry.isRevision && entry.number === options.revision);
  const wanted = options.page ?? (position >= 0 ? Math.floor(position / HISTORY_PAGE_SIZE) + 1 : 1);
  const page = Math.min(Math.max(1, wanted), pageCount);
  const shown = order.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE);
  const revisions = new Set(shown.filter((entry) => entry.isRevision).map((entry) => entry.index));
  const events = new Set(shown.filter((entry) => !entry.isRevision).map((entry) => entry.index));
  return {
    page,
    pageCount,
    history: {
      ...history,
      revisions: history.revisions.filter((_, index) => revisions.has(index)).reverse(),
      events: history.events.filter((_, index) => events.has(index)).reverse(),
    },
  };
}

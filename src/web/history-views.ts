import { diffForDisplay, diffSideBySide, type DiffPart } from '../history/display-diff.js';
import type { DocumentEventRecord } from '../model.js';
import type { TimelineEntry } from '../services/document-history.js';
import type { RevisionWithText, SegmentHistory } from '../services/segment-history.js';
import { canUndoEvent } from '../services/undo-action.js';
import { describeEvent, toActionJson, toActionView, toEventJson, type ActionView } from './event-views.js';

/**
 * One line of a sentence's history: a revision (with its diff), or another event (a status, a
 * comment, a dismissal or its restore, a corrected source link), each saying which action made it
 * and offering its undo while that is possible.
 */
export type HistoryEntry =
  | ({ type: 'revision' } & RevisionView & ActionView)
  | ({ type: Exclude<DocumentEventRecord['type'], 'revision'>; what: string; body: string | null; author: string; createdAt: string } & ActionView);

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

/** A sentence's revisions and other events, newest first, each with the action that made it and its undo. */
export function toHistoryEntries(history: SegmentHistory): HistoryEntry[] {
  const byId = new Map(history.events.map((event) => [event.id, event]));
  const revisionEvents = new Map(history.events.filter((event) => event.type === 'revision').map((event) => [event.revision, event]));
  const actionOf = (event: DocumentEventRecord | undefined) => toActionView(event, event?.undoesEvent ? byId.get(event.undoesEvent) : undefined,
    event !== undefined && canUndoEvent(event, history.segment, history.dismissals));
  const entries: HistoryEntry[] = [
    ...history.revisions.map((revision) => ({
      type: 'revision' as const, ...toRevisionView(revision, history.segment.revision), ...actionOf(revisionEvents.get(revision.number)),
    })),
    ...history.events.filter((event) => event.type !== 'revision').map((event) => ({
      type: event.type as Exclude<DocumentEventRecord['type'], 'revision'>, what: describeEvent(event), body: event.body,
      author: event.author, createdAt: event.createdAt, ...actionOf(event),
    })),
  ];
  // Stable sort: a revision and an event of the same millisecond keep revisions-then-events order.
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * A sentence's history for the API: each revision with the action that made it, the other events
 * (statuses, comments, dismissals, restores), and whether each can be undone now.
 */
export function toHistoryJson(history: SegmentHistory) {
  const revisionEvents = new Map(history.events.filter((event) => event.type === 'revision').map((event) => [event.revision, event]));
  const undoable = (event: DocumentEventRecord | undefined) => event !== undefined && canUndoEvent(event, history.segment, history.dismissals);
  return {
    revisions: history.revisions.map(({ before: _before, ...revision }) => {
      const event = revisionEvents.get(revision.number);
      return { ...revision, eventId: event?.id ?? null, action: toActionJson(event), undoneBy: event?.undoneBy ?? null, undoable: undoable(event) };
    }),
    events: history.events.filter((event) => event.type !== 'revision')
      .map((event) => ({ ...toEventJson(event), undoneBy: event.undoneBy, undoable: undoable(event) })),
  };
}

/** The timeline page's entries with their diffs, and the author filter's choices. */
export function toTimelineView(timeline: { entries: TimelineEntry[]; authors: string[]; nextBeforeId: number | null }) {
  return {
    entries: timeline.entries.map((entry) => ({
      id: entry.id,
      type: entry.type,
      segmentId: entry.segmentId,
      position: entry.position,
      revision: entry.revision,
      author: entry.author,
      what: describeEvent(entry, entry.change),
      comment: entry.type === 'comment' ? entry.body : entry.change?.comment ?? null,
      createdAt: entry.createdAt,
      sides: entry.change ? diffSideBySide(entry.change.before, entry.change.text) : null,
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
  // A revision's own event goes with it (it says which action made it), so only the other events are entries.
  const others = history.events.filter((event) => event.type !== 'revision');
  // Newest first also among entries of the same millisecond (scripts save fast): the sort is stable.
  const order = [
    ...history.revisions.map((revision, index) => ({ isRevision: true, index, createdAt: revision.createdAt, number: revision.number })).reverse(),
    ...others.map((event, index) => ({ isRevision: false, index, createdAt: event.createdAt, number: -1 })).reverse(),
  ].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const pageCount = Math.max(1, Math.ceil(order.length / HISTORY_PAGE_SIZE));
  const position = options.revision === undefined ? -1 : order.findIndex((entry) => entry.isRevision && entry.number === options.revision);
  const wanted = options.page ?? (position >= 0 ? Math.floor(position / HISTORY_PAGE_SIZE) + 1 : 1);
  const page = Math.min(Math.max(1, wanted), pageCount);
  const onPage = order.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE);
  const revisions = new Set(onPage.filter((entry) => entry.isRevision).map((entry) => entry.index));
  const events = new Set(onPage.filter((entry) => !entry.isRevision).map((entry) => entry.index));
  const shownRevisions = history.revisions.filter((_, index) => revisions.has(index));
  const numbers = new Set(shownRevisions.map((revision) => revision.number));
  const shown = new Set(others.filter((_, index) => events.has(index)));
  for (const event of history.events) if (event.type === 'revision' && numbers.has(event.revision!)) shown.add(event);
  // An undo among them names the event it undid, which its line describes.
  const undone = new Set([...shown].map((event) => event.undoesEvent));
  return {
    page,
    pageCount,
    history: {
      ...history,
      revisions: shownRevisions.reverse(),
      events: history.events.filter((event) => shown.has(event) || undone.has(event.id)).reverse(),
    },
  };
}

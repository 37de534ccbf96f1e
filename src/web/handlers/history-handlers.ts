import type { Request, Response } from 'express';
import { readAnalyzedSegment } from '../../services/analyzed-segments.js';
import { compareDocument, getTimeline, readPointInTime } from '../../services/document-history.js';
import { getDocumentRecord, getSegment, readPageNumber } from '../../services/documents.js';
import { revertAuthorEdits } from '../../services/revert-author.js';
import { getSegmentHistory } from '../../services/segment-history.js';
import { parseId, requireRevisionNumber } from '../../services/validate.js';
import { authorName } from '../auth.js';
import { paginateHistory, toBlameView, toComparisonView, toHistoryEntries, toHistoryJson, toTimelineView } from '../history-views.js';
import { findUndoOffer } from '../document-page.js';
import { toPageLinks } from '../page-links.js';
import { fieldsOf, queryText } from '../request-fields.js';
import { answersJson, type RouteContext } from '../route-table.js';
import { toSegmentJson } from '../segment-views.js';
import { toUndoOffer } from '../undo-views.js';

/** A sentence's history page: newest first, 50 entries a page (?page=N, or ?revision=N for the page that shows version N). */
export async function showSentenceHistory(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  const undoOffer = await findUndoOffer(storage, request);
  const history = await getSegmentHistory(storage, caches.histories, parseId(request.params.id, 'Sentence'));
  const { document } = await getSegment(storage, history.segment.id);
  const revision = queryText(request, 'revision');
  const page = paginateHistory(history, {
    ...(request.query.page !== undefined && { page: readPageNumber(request.query.page) }),
    ...(revision !== '' && { revision: requireRevisionNumber(revision, 'revision') }),
  });
  const comparison = toComparisonView(history.revisions, request.query.from, request.query.to);
  const compared = { from: String(comparison.from), to: String(comparison.to) };
  response.render('segment-history', {
    title: `History of sentence ${history.segment.position + 1}`,
    document: { id: document.id, title: document.title },
    segment: history.segment,
    entries: toHistoryEntries(page.history),
    dismissals: history.dismissals,
    undoOffer,
    blame: toBlameView(history),
    comparison,
    pages: toPageLinks(page.page, page.pageCount, request.query.from === undefined && request.query.to === undefined ? {} : compared,
      `/segments/${history.segment.id}/history`),
  });
}

/** Every revision of a sentence with its text and action, and its other events, each saying whether it can be undone, for scripts. */
export async function showRevisions(request: Request, response: Response, { storage, analyzer, caches }: RouteContext): Promise<void> {
  const history = await getSegmentHistory(storage, caches.histories, parseId(request.params.id, 'Sentence'));
  response.json({ segment: toSegmentJson(await readAnalyzedSegment(storage, analyzer, history.segment.id)), ...toHistoryJson(history) });
}

export async function showBlame(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  const history = await getSegmentHistory(storage, caches.histories, parseId(request.params.id, 'Sentence'));
  response.json({ words: toBlameView(history) });
}

/** The document's revisions, newest first, optionally of one author (`?author=`), continuing before a revision id (`?before=`). */
export async function showTimeline(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const author = queryText(request, 'author');
  const before = queryText(request, 'before');
  const timeline = await getTimeline(storage, documentId, {
    ...(author && { author }),
    ...(before && { beforeId: requireRevisionNumber(before, 'before') }),
  });
  if (answersJson(response)) return void response.json(timeline);
  const document = await getDocumentRecord(storage, documentId);
  response.render('timeline', {
    title: `Timeline of ${document.title}`, document: { id: document.id, title: document.title }, filterAuthor: author, ...toTimelineView(timeline),
  });
}

/** The whole text compared between two moments (`?from=` and `?to=`: mt, current, or a time). */
export async function showComparison(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const comparison = await compareDocument(storage, documentId,
    readPointInTime(request.query.from, { kind: 'mt' }), readPointInTime(request.query.to, { kind: 'current' }));
  if (answersJson(response)) return void response.json(comparison);
  const document = await getDocumentRecord(storage, documentId);
  response.render('compare', {
    title: `Compare · ${document.title}`, document: { id: document.id, title: document.title },
    from: queryText(request, 'from') || 'mt', to: queryText(request, 'to') || 'current', comparison,
  });
}

/** Undo every edit of one author in a time span, each undo a new revision, all one action (admins). */
export async function revertAuthor(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const body = fieldsOf(request);
  const outcome = await revertAuthorEdits(storage, analyzer, { documentId, author: body.targetAuthor, from: body.from, to: body.to, by: authorName(response) });
  if (answersJson(response)) {
    response.json({
      action: outcome.action, reverted: outcome.reverted.map((segment) => ({ segmentId: segment.id, revision: segment.revision })), skipped: outcome.skipped,
    });
    return;
  }
  const document = await getDocumentRecord(storage, documentId);
  response.render('revert-author-done', {
    title: 'Edits undone', document: { id: document.id, title: document.title }, outcome, targetAuthor: body.targetAuthor,
    undoOffer: outcome.action && toUndoOffer(outcome.action, `/documents/${document.id}/timeline`),
  });
}

import { Router } from 'express';
import { getDocumentRecord, getSegment } from '../../services/documents.js';
import { compareDocument, getTimeline, readPointInTime } from '../../services/document-history.js';
import { revertAuthorEdits } from '../../services/revert-author.js';
import { revertSegment } from '../../services/revert-segment.js';
import { getSegmentHistory, type SegmentHistory } from '../../services/segment-history.js';
import { parseId, requireRevisionNumber } from '../../services/validate.js';
import { readPageNumber } from '../../services/documents.js';
import type { Storage } from '../../storage/types.js';
import { authorName, requireRole } from '../auth.js';
import { fieldsOf, queryText } from '../request-fields.js';
import { toBlameView, toComparisonView, toHistoryEntries, toTimelineView } from '../history-views.js';
import { toPageLinks } from '../document-views.js';

/** History pages: one sentence's revisions, the document's timeline, comparisons, and undoing. */
export function createHistoryPages(storage: Storage): Router {
  const router = Router();

  // Newest first, 50 entries a page (?page=N, or ?revision=N for the page that shows version N).
  router.get('/segments/:id/history', async (request, response) => {
    const history = await getSegmentHistory(storage, parseId(request.params.id, 'Sentence'));
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
      blame: toBlameView(history),
      comparison,
      pages: toPageLinks(page.page, page.pageCount, request.query.from === undefined && request.query.to === undefined ? {} : compared,
        `/segments/${history.segment.id}/history`),
    });
  });

  router.post('/segments/:id/revert', async (request, response) => {
    const form = fieldsOf(request);
    const { segment } = await revertSegment(storage, {
      segmentId: parseId(request.params.id, 'Sentence'),
      revision: form.revision,
      baseRevision: form.baseRevision,
      author: authorName(response),
      comment: form.comment,
    });
    response.redirect(303, `/segments/${segment.id}/history`);
  });

  router.get('/documents/:id/timeline', async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    const author = queryText(request, 'author');
    const before = queryText(request, 'before');
    const timeline = await getTimeline(storage, documentId, {
      ...(author && { author }),
      ...(before && { beforeId: requireRevisionNumber(before, 'before') }),
    });
    const document = await getDocumentRecord(storage, documentId);
    response.render('timeline', {
      title: `Timeline of ${document.title}`, document: { id: document.id, title: document.title }, filterAuthor: author, ...toTimelineView(timeline),
    });
  });

  router.get('/documents/:id/compare', async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    const from = readPointInTime(request.query.from, { kind: 'mt' });
    const to = readPointInTime(request.query.to, { kind: 'current' });
    const document = await getDocumentRecord(storage, documentId);
    response.render('compare', {
      title: `Compare · ${document.title}`, document: { id: document.id, title: document.title }, from: queryText(request, 'from') || 'mt', to: queryText(request, 'to') || 'current',
      comparison: await compareDocument(storage, documentId, from, to),
    });
  });

  router.post('/documents/:id/revert-author', requireRole('admin'), async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    const form = fieldsOf(request);
    const outcome = await revertAuthorEdits(storage, {
      documentId, author: form.targetAuthor, from: form.from, to: form.to, by: authorName(response),
    });
    const document = await getDocumentRecord(storage, documentId);
    response.render('revert-author-done', { title: 'Edits undone', document: { id: document.id, title: document.title }, outcome, targetAuthor: form.targetAuthor });
  });

  return router;
}

/** History entries (revisions, status changes, comments) per page of a sentence's history. */
const HISTORY_PAGE_SIZE = 50;

/**
 * The part of a sentence's history one page shows, newest first in the order toHistoryEntries
 * gives: only that part gets diffs drawn, so a 10,000-revision sentence costs one page of diffs.
 * Without a page number, the page that shows `revision` (else the first).
 */
function paginateHistory(history: SegmentHistory, options: { page?: number; revision?: number }) {
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

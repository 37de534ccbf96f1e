import { Router } from 'express';
import { getDocumentRecord, getSegment } from '../../services/documents.js';
import { compareDocument, getTimeline, readPointInTime } from '../../services/document-history.js';
import { revertAuthorEdits } from '../../services/revert-author.js';
import { revertSegment } from '../../services/revert-segment.js';
import { getSegmentHistory } from '../../services/segment-history.js';
import { parseId, requireRevisionNumber } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { authorName, requireRole } from '../auth.js';
import { fieldsOf, queryText } from '../request-fields.js';
import { toBlameView, toComparisonView, toHistoryEntries, toTimelineView } from '../history-views.js';

/** History pages: one sentence's revisions, the document's timeline, comparisons, and undoing. */
export function createHistoryPages(storage: Storage): Router {
  const router = Router();

  router.get('/segments/:id/history', async (request, response) => {
    const history = await getSegmentHistory(storage, parseId(request.params.id, 'Sentence'));
    const { document } = await getSegment(storage, history.segment.id);
    response.render('segment-history', {
      title: `History of sentence ${history.segment.position + 1}`,
      document: { id: document.id, title: document.title },
      segment: history.segment,
      entries: toHistoryEntries(history),
      blame: toBlameView(history),
      numbers: history.revisions.map((revision) => revision.number),
      comparison: toComparisonView(history.revisions, request.query.from, request.query.to),
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

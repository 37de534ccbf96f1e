import { Router } from 'express';
import { compareDocument, getTimeline, readPointInTime } from '../../services/document-history.js';
import { getAnalyzedSegment } from '../../services/document-analysis.js';
import { revertAuthorEdits } from '../../services/revert-author.js';
import { getSegmentHistory } from '../../services/segment-history.js';
import { parseId, requireRevisionNumber } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { authorName, requireRole } from '../auth.js';
import { toSegmentJson } from '../document-views.js';
import { toBlameView } from '../history-views.js';
import { queryText } from '../request-fields.js';
import { requireJsonObject } from './json-body.js';

/** History: a sentence's revisions and blame, a document's timeline and comparisons, undoing an author. */
export function createHistoryApi(storage: Storage): Router {
  const router = Router();

  router.get('/segments/:id/revisions', async (request, response) => {
    const history = await getSegmentHistory(storage, parseId(request.params.id, 'Sentence'));
    response.json({
      segment: toSegmentJson(await getAnalyzedSegment(storage, history.segment.id)),
      revisions: history.revisions.map(({ before: _before, ...revision }) => revision),
      events: history.events,
    });
  });

  router.get('/segments/:id/blame', async (request, response) => {
    const history = await getSegmentHistory(storage, parseId(request.params.id, 'Sentence'));
    response.json({ words: toBlameView(history) });
  });

  router.get('/documents/:id/timeline', async (request, response) => {
    const author = queryText(request, 'author');
    const before = queryText(request, 'before');
    const timeline = await getTimeline(storage, parseId(request.params.id, 'Document'), {
      ...(author && { author }),
      ...(before && { beforeId: requireRevisionNumber(before, 'before') }),
    });
    response.json(timeline);
  });

  router.get('/documents/:id/compare', async (request, response) => {
    const comparison = await compareDocument(storage, parseId(request.params.id, 'Document'),
      readPointInTime(request.query.from, { kind: 'mt' }), readPointInTime(request.query.to, { kind: 'current' }));
    response.json(comparison);
  });

  router.post('/documents/:id/revert-author', requireRole('admin'), async (request, response) => {
    const body = requireJsonObject(request);
    const outcome = await revertAuthorEdits(storage, {
      documentId: parseId(request.params.id, 'Document'), author: body.targetAuthor, from: body.from, to: body.to, by: authorName(response),
    });
    response.json({ reverted: outcome.reverted.map((result) => ({ segmentId: result.segment.id, revision: result.segment.revision })), skipped: outcome.skipped });
  });

  return router;
}

import { Router } from 'express';
import { correctSegment } from '../../services/correct-segment.js';
import { getAnalyzedSegment } from '../../services/document-analysis.js';
import { getSegment } from '../../services/documents.js';
import { ServiceError } from '../../services/errors.js';
import { applySuggestion, dismissFlag } from '../../services/review-flags.js';
import { commentOnSegment, setSegmentStatus } from '../../services/segment-status.js';
import { parseId } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { authorName } from '../auth.js';
import { httpStatusOf } from '../errors.js';
import { fieldsOf } from '../request-fields.js';
import { toSegmentView } from '../document-views.js';
import { renderDocumentPage } from './render-document.js';

/** Plain-form actions on one sentence; each answers with a redirect back to it. */
export function createSegmentPages(storage: Storage): Router {
  const router = Router();

  router.post('/segments/:id', async (request, response) => {
    const segmentId = parseId(request.params.id, 'Sentence');
    const form = fieldsOf(request);
    try {
      const { segment, revision } = await correctSegment(storage, {
        segmentId, text: form.text, baseRevision: form.baseRevision, author: authorName(response), comment: form.comment,
      });
      const propagate = revision ? `&propagate=${segment.id}` : '';
      response.redirect(303, `/documents/${segment.documentId}?sentence=${segment.id}${propagate}`);
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code === 'not-found') throw error;
      // Re-show the page with the editor's text kept and, on a conflict, the winning text beside it.
      const { segment } = await getSegment(storage, segmentId);
      response.status(httpStatusOf(error));
      await renderDocumentPage(storage, request, response, segment.documentId, {
        failedSave: {
          segmentId,
          text: typeof form.text === 'string' ? form.text : '',
          comment: typeof form.comment === 'string' ? form.comment : '',
          message: error.message,
          conflict: error.code === 'conflict' ? { text: segment.text, revision: segment.revision } : null,
        },
      });
    }
  });

  router.post('/segments/:id/apply-suggestion', async (request, response) => {
    const form = fieldsOf(request);
    const { segment } = await applySuggestion(storage, {
      segmentId: parseId(request.params.id, 'Sentence'), checkId: form.checkId, start: form.start, end: form.end,
      baseRevision: form.baseRevision, suggestion: form.suggestion, author: authorName(response),
    });
    response.redirect(303, `/documents/${segment.documentId}?sentence=${segment.id}`);
  });

  router.post('/segments/:id/dismissals', async (request, response) => {
    const form = fieldsOf(request);
    const segmentId = parseId(request.params.id, 'Sentence');
    await dismissFlag(storage, {
      segmentId, checkId: form.checkId, start: form.start, end: form.end, baseRevision: form.baseRevision, author: authorName(response),
    });
    const { segment } = await getSegment(storage, segmentId);
    response.redirect(303, `/documents/${segment.documentId}?sentence=${segment.id}`);
  });

  router.post('/segments/:id/status', async (request, response) => {
    const form = fieldsOf(request);
    const { segment } = await setSegmentStatus(storage, {
      segmentId: parseId(request.params.id, 'Sentence'), status: form.status, baseRevision: form.baseRevision, author: authorName(response),
    });
    response.redirect(303, `/documents/${segment.documentId}?sentence=${segment.id}`);
  });

  router.post('/segments/:id/comments', async (request, response) => {
    const form = fieldsOf(request);
    const segmentId = parseId(request.params.id, 'Sentence');
    await commentOnSegment(storage, { segmentId, body: form.body, author: authorName(response) });
    response.redirect(303, `/segments/${segmentId}/history#comments`);
  });

  // One sentence's markup, so the editor script shows a change exactly as a page load would.
  router.get('/segments/:id/fragment', async (request, response) => {
    const segment = await getAnalyzedSegment(storage, parseId(request.params.id, 'Sentence'));
    response.render('_partials/segment', { segment: toSegmentView(segment), failed: null });
  });

  return router;
}

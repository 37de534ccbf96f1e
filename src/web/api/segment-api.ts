import { Router } from 'express';
import { diffForDisplay } from '../../history/display-diff.js';
import { correctSegment, type SaveResult } from '../../services/correct-segment.js';
import { getAnalyzedSegment } from '../../services/document-analysis.js';
import { offerPropagation } from '../../services/propagate-correction.js';
import { applySuggestion, dismissFlag } from '../../services/review-flags.js';
import { revertSegment } from '../../services/revert-segment.js';
import { commentOnSegment, setSegmentStatus } from '../../services/segment-status.js';
import { parseId } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { authorName } from '../auth.js';
import { toSegmentJson } from '../document-views.js';
import { requireJsonObject } from './json-body.js';

/** One sentence: correct, revert, apply a suggestion, dismiss a flag, set its status, comment. */
export function createSegmentApi(storage: Storage): Router {
  const router = Router();

  router.put('/segments/:id', async (request, response) => {
    const body = requireJsonObject(request);
    const result = await correctSegment(storage, {
      segmentId: parseId(request.params.id, 'Sentence'), text: body.text, baseRevision: body.baseRevision, author: authorName(response), comment: body.comment,
    });
    response.json(await toSaveJson(result));
  });

  router.post('/segments/:id/revert', async (request, response) => {
    const body = requireJsonObject(request);
    const result = await revertSegment(storage, {
      segmentId: parseId(request.params.id, 'Sentence'), revision: body.revision, author: authorName(response), baseRevision: body.baseRevision, comment: body.comment,
    });
    response.json(await toSaveJson(result));
  });

  router.post('/segments/:id/apply-suggestion', async (request, response) => {
    const body = requireJsonObject(request);
    const result = await applySuggestion(storage, { segmentId: parseId(request.params.id, 'Sentence'), ...flagReference(body, authorName(response)), suggestion: body.suggestion });
    response.json(await toSaveJson(result));
  });

  router.post('/segments/:id/dismissals', async (request, response) => {
    const body = requireJsonObject(request);
    const segmentId = parseId(request.params.id, 'Sentence');
    const dismissal = await dismissFlag(storage, { segmentId, ...flagReference(body, authorName(response)) });
    response.status(201).json({ dismissal, segment: toSegmentJson(await getAnalyzedSegment(storage, segmentId)) });
  });

  router.post('/segments/:id/status', async (request, response) => {
    const body = requireJsonObject(request);
    const { segment, event } = await setSegmentStatus(storage, {
      segmentId: parseId(request.params.id, 'Sentence'), status: body.status, baseRevision: body.baseRevision, author: authorName(response),
    });
    response.json({ segment: toSegmentJson(await getAnalyzedSegment(storage, segment.id)), event });
  });

  router.post('/segments/:id/comments', async (request, response) => {
    const body = requireJsonObject(request);
    const comment = await commentOnSegment(storage, { segmentId: parseId(request.params.id, 'Sentence'), body: body.body, author: authorName(response) });
    response.status(201).json({ comment });
  });

  // After a correction: the other sentences that contain the phrase it replaced.
  router.get('/segments/:id/propagation', async (request, response) => {
    response.json({ propagation: await offerPropagation(storage, parseId(request.params.id, 'Sentence')) });
  });

  return router;

  /** A save's answer: the sentence with its fresh flags, the revision made, and its diff against the machine translation. */
  async function toSaveJson(result: SaveResult) {
    const segment = await getAnalyzedSegment(storage, result.segment.id, result.segment);
    return { segment: toSegmentJson(segment), revision: result.revision, changed: result.revision !== null, diff: diffForDisplay(segment.original, segment.text) };
  }
}

function flagReference(body: Record<string, unknown>, author: string) {
  return { checkId: body.checkId, start: body.start, end: body.end, baseRevision: body.baseRevision, author };
}

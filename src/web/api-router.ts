import { Router } from 'express';
import type { Storage } from '../storage/types.js';
import { correctSegment } from '../services/correct-segment.js';
import { listDocuments } from '../services/documents.js';
import { getAnalyzedDocument, getAnalyzedSegment } from '../services/document-analysis.js';
import { applySuggestion, dismissFlag } from '../services/review-flags.js';
import { listChecks } from '../checks/run.js';
import { exportDocument, type ExportFormat } from '../services/export-document.js';
import { importDocument } from '../services/import-document.js';
import { revertSegment } from '../services/revert-segment.js';
import { getSegmentHistory } from '../services/segment-history.js';
import { parseId } from '../services/validate.js';
import { diffForDisplay } from '../history/display-diff.js';
import { HttpError } from './errors.js';
import { toDocumentJson, toSegmentJson } from './view-models.js';
import type { SaveResult } from '../services/correct-segment.js';

/** The JSON API; the browser's scripts and automation use the same routes. */
export function createApiRouter(storage: Storage): Router {
  const router = Router();

  router.get('/documents', async (_request, response) => {
    response.json({ documents: await listDocuments(storage) });
  });

  router.post('/documents', async (request, response) => {
    const body = requireObject(request.body);
    const result = await importDocument(storage, {
      title: optionalString(body.title, 'title'),
      text: requireString(body.text, 'text'),
      targetLanguage: optionalString(body.targetLanguage, 'targetLanguage'),
      author: typeof body.author === 'string' && body.author.trim() !== '' ? body.author : 'api',
    });
    response.status(201).location(`/api/documents/${result.document.id}`).json({
      document: toDocumentJson(result.document),
      segmentCount: result.segmentCount,
      languageWarning: result.languageWarning,
    });
  });

  router.get('/documents/:id', async (request, response) => {
    const { document, segments } = await getAnalyzedDocument(storage, parseId(request.params.id, 'Document'));
    response.json({ document: toDocumentJson(document), segments: segments.map(toSegmentJson) });
  });

  router.get('/documents/:id/export', async (request, response) => {
    const format = request.query.format ?? 'txt';
    if (format !== 'txt' && format !== 'json') {
      throw new HttpError(400, 'invalid-input', 'format must be "txt" or "json".');
    }
    const file = await exportDocument(storage, parseId(request.params.id, 'Document'), format as ExportFormat,
      { includeExcluded: request.query.include === 'excluded' });
    response.attachment(file.fileName).type(file.contentType).send(file.body);
  });

  router.put('/segments/:id', async (request, response) => {
    const body = requireObject(request.body);
    const result = await correctSegment(storage, {
      segmentId: parseId(request.params.id, 'Sentence'),
      text: body.text,
      baseRevision: body.baseRevision,
      author: body.author,
      comment: body.comment,
    });
    response.json(await toSaveJson(result));
  });

  router.get('/segments/:id/revisions', async (request, response) => {
    const history = await getSegmentHistory(storage, parseId(request.params.id, 'Sentence'));
    response.json({
      segment: toSegmentJson(await getAnalyzedSegment(storage, history.segment.id)),
      revisions: history.revisions.map(({ before: _before, ...revision }) => revision),
    });
  });

  router.post('/segments/:id/revert', async (request, response) => {
    const body = requireObject(request.body);
    const result = await revertSegment(storage, {
      segmentId: parseId(request.params.id, 'Sentence'),
      revision: body.revision,
      author: body.author,
      baseRevision: body.baseRevision,
      comment: body.comment,
    });
    response.json(await toSaveJson(result));
  });

  router.post('/segments/:id/apply-suggestion', async (request, response) => {
    const body = requireObject(request.body);
    const result = await applySuggestion(storage, { segmentId: parseId(request.params.id, 'Sentence'), ...flagReference(body), suggestion: body.suggestion });
    response.json(await toSaveJson(result));
  });

  router.post('/segments/:id/dismissals', async (request, response) => {
    const body = requireObject(request.body);
    const segmentId = parseId(request.params.id, 'Sentence');
    const dismissal = await dismissFlag(storage, { segmentId, ...flagReference(body) });
    response.status(201).json({ dismissal, segment: toSegmentJson(await getAnalyzedSegment(storage, segmentId)) });
  });

  router.get('/checks', (_request, response) => {
    response.json({ checks: listChecks() });
  });

  return router;

  /** A save's answer: the sentence as it now is with its fresh flags, the revision made, and its diff against the machine translation. */
  async function toSaveJson(result: SaveResult) {
    const segment = await getAnalyzedSegment(storage, result.segment.id);
    return {
      segment: toSegmentJson(segment),
      revision: result.revision,
      changed: result.revision !== null,
      diff: diffForDisplay(segment.original, segment.text),
    };
  }
}

function flagReference(body: Record<string, unknown>) {
  return { checkId: body.checkId, start: body.start, end: body.end, baseRevision: body.baseRevision, author: body.author };
}

function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(415, 'unsupported-media-type', 'Send a JSON object with Content-Type: application/json.');
  }
  return body as Record<string, unknown>;
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new HttpError(400, 'invalid-input', `"${field}" must be a string.`);
  return value;
}

function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, field);
}

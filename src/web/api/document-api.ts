import { Router } from 'express';
import { listChecks } from '../../checks/run.js';
import { getAnalyzedDocument } from '../../services/document-analysis.js';
import { summarizeProgress } from '../../services/document-progress.js';
import { listDocuments, readPageNumber } from '../../services/documents.js';
import { EXPORT_FORMATS, exportDocument, isExportFormat } from '../../services/export-document.js';
import { importDocument } from '../../services/import-document.js';
import { applyReplacements, previewReplacements, readReplaceRule } from '../../services/search-replace.js';
import { parseId } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { authorName } from '../auth.js';
import { toDocumentJson, toSegmentJson } from '../document-views.js';
import { HttpError } from '../errors.js';
import { queryText } from '../request-fields.js';
import { readImportRequest } from '../import-request.js';
import { parseImportForm } from '../upload.js';
import { requireJsonObject } from './json-body.js';

/** Documents: list, import, read with flags, progress, export, search and replace. */
export function createDocumentApi(storage: Storage): Router {
  const router = Router();

  // A page of documents (`?page=`, 50 each), optionally only titles containing `?search=`.
  router.get('/documents', async (request, response) => {
    const { documents, total, page, pageSize } = await listDocuments(storage, {
      page: readPageNumber(request.query.page), search: queryText(request, 'search'),
    });
    response.json({ documents, total, page, pageSize });
  });

  // A JSON body ({text} or {url}), or multipart with a file in any import format ("curl -F file=@story.docx").
  router.post('/documents', parseImportForm, async (request, response) => {
    const { input, options } = readImportRequest(request, response);
    const result = await importDocument(storage, input, options);
    response.status(201).location(`/api/documents/${result.document.id}`).json({
      document: toDocumentJson(result.document),
      segmentCount: result.segmentCount,
      languageWarning: result.languageWarning,
      source: result.source,
      sourceError: result.sourceError,
    });
  });

  router.get('/documents/:id', async (request, response) => {
    const { document, segments } = await getAnalyzedDocument(storage, parseId(request.params.id, 'Document'));
    response.json({ document: toDocumentJson(document), progress: summarizeProgress(segments), segments: segments.map(toSegmentJson) });
  });

  router.get('/documents/:id/progress', async (request, response) => {
    const { segments } = await getAnalyzedDocument(storage, parseId(request.params.id, 'Document'));
    response.json({ progress: summarizeProgress(segments) });
  });

  router.get('/documents/:id/export', async (request, response) => {
    const format = request.query.format ?? 'txt';
    if (!isExportFormat(format)) {
      throw new HttpError(400, 'invalid-input', `format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const file = await exportDocument(storage, parseId(request.params.id, 'Document'), format,
      { includeExcluded: request.query.include === 'excluded' });
    response.attachment(file.fileName).type(file.contentType).send(file.body);
  });

  // Preview: which sentences a rule would change, in one document or (scope "all") in every document.
  router.post('/documents/:id/replacements/preview', async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    const body = requireJsonObject(request);
    const matches = await previewReplacements(storage, readReplaceRule(body), body.scope === 'all' ? undefined : [documentId]);
    response.json({ matches });
  });

  // Apply a previewed rule to the confirmed sentences ({segmentId, revision} as previewed), one revision each.
  router.post('/replacements', async (request, response) => {
    const body = requireJsonObject(request);
    const outcome = await applyReplacements(storage, { rule: readReplaceRule(body), targets: body.targets, author: authorName(response) });
    response.json({ applied: outcome.applied.map((result) => ({ segmentId: result.segment.id, revision: result.segment.revision })), conflicts: outcome.conflicts });
  });

  router.get('/checks', (_request, response) => {
    // Checks marked needsSource run only on documents with an attached source.
    response.json({ checks: listChecks() });
  });

  return router;
}

import { Router, type Request, type Response } from 'express';
import type { Storage } from '../storage/types.js';
import { correctSegment } from '../services/correct-segment.js';
import { getSegment, listDocuments } from '../services/documents.js';
import { getAnalyzedDocument, getAnalyzedSegment } from '../services/document-analysis.js';
import { applySuggestion, dismissFlag } from '../services/review-flags.js';
import { ServiceError } from '../services/errors.js';
import { importDocument } from '../services/import-document.js';
import { revertSegment } from '../services/revert-segment.js';
import { getSegmentHistory } from '../services/segment-history.js';
import { parseId } from '../services/validate.js';
import { SUPPORTED_LANGUAGES } from '../text/detect-language.js';
import { authorOf, readAuthor, rememberAuthor } from './author-cookie.js';
import { httpStatusOf } from './errors.js';
import { parseImportForm } from './upload.js';
import {
  readSegmentFilter, toComparisonView, toDocumentHeader, toFilterChoices, toParagraphViews, toRevisionViews, toSegmentView,
} from './view-models.js';

/** The HTML pages; every form works without JavaScript, which only saves page reloads. */
export function createPagesRouter(storage: Storage): Router {
  const router = Router();

  router.get('/', (_request, response) => response.redirect('/documents'));

  router.get('/documents', async (request, response) => {
    response.render('documents', { title: 'Documents', documents: await listDocuments(storage), author: readAuthor(request) });
  });

  router.get('/import', (request, response) => {
    renderImport(request, response, {});
  });

  router.post('/documents', parseImportForm, async (request, response) => {
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    rememberAuthor(response, form.author);
    try {
      if (response.locals.uploadError) throw response.locals.uploadError;
      const result = await importDocument(storage, {
        title: form.title,
        text: form.text,
        file: request.file && { name: request.file.originalname, bytes: request.file.buffer },
        targetLanguage: form.targetLanguage,
        author: authorOf(request),
      });
      if (result.languageWarning === null) return response.redirect(303, `/documents/${result.document.id}`);
      // The import page says so when the text is not in the declared language; the document is kept.
      renderImport(request, response, { imported: { id: result.document.id, title: result.document.title, warning: result.languageWarning } });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      response.status(httpStatusOf(error));
      renderImport(request, response, { error: error.message, form: { title: form.title ?? '', text: form.text ?? '', targetLanguage: form.targetLanguage ?? 'en' } });
    }
  });

  router.get('/documents/:id', async (request, response) => {
    await renderDocument(request, response, parseId(request.params.id, 'Document'), null);
  });

  router.post('/author', (request, response) => {
    rememberAuthor(response, request.body?.author);
    response.redirect(303, safeReturnPath(request.body?.returnTo));
  });

  router.post('/segments/:id', async (request, response) => {
    const segmentId = parseId(request.params.id, 'Sentence');
    const form = (request.body ?? {}) as Record<string, unknown>;
    rememberAuthor(response, form.author);
    try {
      const { segment } = await correctSegment(storage, {
        segmentId, text: form.text, baseRevision: form.baseRevision, author: authorOf(request), comment: form.comment,
      });
      response.redirect(303, `/documents/${segment.documentId}#segment-${segment.id}`);
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code === 'not-found') throw error;
      // Re-show the page with the editor's text kept and, on a conflict, the winning text beside it.
      const { segment } = await getSegment(storage, segmentId);
      response.status(httpStatusOf(error));
      await renderDocument(request, response, segment.documentId, {
        segmentId,
        text: typeof form.text === 'string' ? form.text : '',
        comment: typeof form.comment === 'string' ? form.comment : '',
        message: error.message,
        conflict: error.code === 'conflict' ? { text: segment.text, revision: segment.revision } : null,
      });
    }
  });

  router.post('/segments/:id/apply-suggestion', async (request, response) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const { segment } = await applySuggestion(storage, {
      segmentId: parseId(request.params.id, 'Sentence'), checkId: form.checkId, start: form.start, end: form.end,
      baseRevision: form.baseRevision, suggestion: form.suggestion, author: authorOf(request),
    });
    response.redirect(303, `/documents/${segment.documentId}#segment-${segment.id}`);
  });

  router.post('/segments/:id/dismissals', async (request, response) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const segmentId = parseId(request.params.id, 'Sentence');
    await dismissFlag(storage, {
      segmentId, checkId: form.checkId, start: form.start, end: form.end, baseRevision: form.baseRevision, author: authorOf(request),
    });
    const { segment } = await getSegment(storage, segmentId);
    response.redirect(303, `/documents/${segment.documentId}#segment-${segment.id}`);
  });

  // One sentence's markup, so the editor script shows a change exactly as a page load would.
  router.get('/segments/:id/fragment', async (request, response) => {
    const segment = await getAnalyzedSegment(storage, parseId(request.params.id, 'Sentence'));
    response.render('_partials/segment', { segment: toSegmentView(segment), author: readAuthor(request), failed: null });
  });

  router.get('/segments/:id/history', async (request, response) => {
    const history = await getSegmentHistory(storage, parseId(request.params.id, 'Sentence'));
    const { document } = await getSegment(storage, history.segment.id);
    response.render('segment-history', {
      title: `History of sentence ${history.segment.position + 1}`,
      document: { id: document.id, title: document.title },
      segment: history.segment,
      revisions: toRevisionViews(history.revisions, history.segment.revision),
      numbers: history.revisions.map((revision) => revision.number),
      comparison: toComparisonView(history.revisions, request.query.from, request.query.to),
      author: readAuthor(request),
    });
  });

  router.post('/segments/:id/revert', async (request, response) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    rememberAuthor(response, form.author);
    const { segment } = await revertSegment(storage, {
      segmentId: parseId(request.params.id, 'Sentence'),
      revision: form.revision,
      baseRevision: form.baseRevision,
      author: authorOf(request),
      comment: form.comment,
    });
    response.redirect(303, `/segments/${segment.id}/history`);
  });

  return router;

  async function renderDocument(request: Request, response: Response, documentId: number, failedSave: FailedSave | null) {
    const { document, segments } = await getAnalyzedDocument(storage, documentId);
    const filter = readSegmentFilter(request.query);
    response.render('document', {
      title: document.title,
      header: toDocumentHeader(document, segments),
      paragraphs: toParagraphViews(segments, filter),
      filter,
      choices: toFilterChoices(segments),
      author: readAuthor(request),
      failedSave,
    });
  }
}

interface FailedSave {
  segmentId: number;
  text: string;
  comment: string;
  message: string;
  conflict: { text: string; revision: number } | null;
}

function renderImport(request: Request, response: Response, state: Record<string, unknown>) {
  response.render('import', {
    title: 'Import an article',
    languages: SUPPORTED_LANGUAGES,
    author: readAuthor(request),
    imported: null,
    error: null,
    form: { title: '', text: '', targetLanguage: 'en' },
    ...state,
  });
}

/** Only local paths: a form must not be able to send the editor to another site. */
function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/documents';
}

import { Router, type Request, type Response } from 'express';
import { getAnalyzedDocument } from '../../services/document-analysis.js';
import { isUnresolved } from '../../services/document-progress.js';
import { listAllDocuments, listDocuments, readPageNumber } from '../../services/documents.js';
import { buildPostEditingReport } from '../../services/post-editing-report.js';
import { ServiceError } from '../../services/errors.js';
import { importDocument } from '../../services/import-document.js';
import { offerPropagation } from '../../services/propagate-correction.js';
import { applyReplacements, previewReplacements, readReplaceRule } from '../../services/search-replace.js';
import { parseId } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { authorName, requireRole } from '../auth.js';
import { SUPPORTED_LANGUAGES } from '../../text/detect-language.js';
import { HttpError, httpStatusOf } from '../errors.js';
import { fieldsOf, queryText } from '../request-fields.js';
import { readImportRequest } from '../import-request.js';
import { parseImportForm } from '../upload.js';
import { toPageLinks, toReplacementViews } from '../document-views.js';
import { findSentencePage, renderDocumentPage } from './render-document.js';

/** Pages for the list of documents, import, one document, and search-and-replace in it. */
export function createDocumentPages(storage: Storage): Router {
  const router = Router();

  router.get('/', (_request, response) => response.redirect('/documents'));

  router.get('/documents', async (request, response) => {
    const list = await listDocuments(storage, { page: readPageNumber(request.query.page), search: queryText(request, 'search') });
    response.render('documents', { title: 'Documents', ...list, pages: toPageLinks(list.page, list.pageCount, { search: list.search }, '/documents') });
  });

  router.get('/import', requireRole('editor'), (request, response) => renderImport(request, response, {}));

  router.post('/documents', parseImportForm, async (request, response) => {
    const form = fieldsOf(request) as Record<string, string | undefined>;
    try {
      const { input, options } = readImportRequest(request, response);
      const result = await importDocument(storage, input, options);
      if (result.languageWarning === null && result.sourceError === null) return response.redirect(303, `/documents/${result.document.id}`);
      // The import page says so when the text is not in the declared language or the source was refused; the document is kept.
      renderImport(request, response, {
        imported: { id: result.document.id, title: result.document.title, warning: result.languageWarning, sourceError: result.sourceError },
      });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      response.status(httpStatusOf(error));
      renderImport(request, response, { error: error.message, form: {
        title: form.title ?? '', text: form.text ?? '', url: form.url ?? '', targetLanguage: form.targetLanguage ?? 'en', sourceText: form.sourceText ?? '',
      } });
    }
  });

  router.get('/documents/:id', async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    // A link to one sentence (?sentence=ID) leads to the page that shows it.
    const sentence = queryText(request, 'sentence');
    if (sentence) {
      const location = await findSentencePage(storage, request, documentId, parseId(sentence, 'Sentence'));
      if (!location) throw new HttpError(404, 'not-found', `Document ${documentId} has no sentence ${sentence}.`);
      return response.redirect(location);
    }
    // After a plain-form save the page offers to make the same change elsewhere.
    const propagateFrom = queryText(request, 'propagate');
    const propagateId = propagateFrom ? parseId(propagateFrom, 'Sentence') : undefined;
    const propagation = propagateId === undefined ? null : await offerPropagation(storage, propagateId);
    await renderDocumentPage(storage, request, response, documentId, { propagation, ...(propagateId !== undefined && { focusId: propagateId }) });
  });

  router.get('/documents/:id/replace', requireRole('editor'), async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    const rule = queryText(request, 'find') === '' ? null : readReplaceRule(request.query);
    const scope = queryText(request, 'scope') === 'all' ? 'all' : 'document';
    response.render('replace', {
      title: 'Search and replace',
      documentId,
      rule,
      scope,
      matches: toReplacementViews(rule ? await previewReplacements(storage, rule, scope === 'all' ? undefined : [documentId]) : []),
      documentTitles: new Map((await listAllDocuments(storage)).map((document) => [document.id, document.title])),
          });
  });

  router.post('/documents/:id/replace', async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    const form = fieldsOf(request);
    const outcome = await applyReplacements(storage, {
      rule: readReplaceRule(form), targets: readTargetFields(form.targets), author: authorName(response),
    });
    response.render('replace-done', { title: 'Replaced', documentId, outcome });
  });

  router.get('/documents/:id/report', async (request, response) => {
    const report = await buildPostEditingReport(storage, parseId(request.params.id, 'Document'));
    response.render('report', { title: `Report · ${report.document.title}`, report });
  });

  // Before a download: the sentences still flagged that nobody corrected, approved or cleared.
  router.get('/documents/:id/export', async (request, response) => {
    const { document, segments } = await getAnalyzedDocument(storage, parseId(request.params.id, 'Document'));
    response.render('export', {
      title: `Export · ${document.title}`,
      document: { id: document.id, title: document.title },
      unresolved: segments.filter(isUnresolved)
        .map((segment) => ({ id: segment.id, position: segment.position, text: segment.text, flagCount: segment.flags.length })),
      formats: EXPORT_CHOICES,
          });
  });

  return router;
}

/** The downloads the export page offers, in the order an editor reaches for them. */
const EXPORT_CHOICES = [
  { format: 'txt', label: 'Clean text (.txt)' },
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'html', label: 'HTML for a CMS (.html)' },
  { format: 'md', label: 'Markdown (.md)' },
  { format: 'xliff', label: 'XLIFF (.xlf)' },
  { format: 'patch', label: 'Changes as a unified diff (.patch)' },
  { format: 'csv', label: 'Post-editing report (.csv)' },
  { format: 'json', label: 'Everything as JSON (.json)' },
];

/** The files the import page takes, as it lists them; `accept` tells the browser's file picker. */
const IMPORT_CHOICES = [
  { label: 'Word', extensions: '.docx', note: 'headings, captions and bylines by their styles' },
  { label: 'Web page', extensions: '.html, .htm', note: 'saved from the browser; the article is taken out of the page' },
  { label: 'XLIFF 1.2 or 2.x', extensions: '.xlf, .xliff', note: 'from a translation tool; its sources become the source text, and the XLIFF export goes back into the same file' },
  { label: 'Markdown', extensions: '.md', note: '' },
  { label: 'Plain text', extensions: '.txt', note: 'UTF-8' },
];
const IMPORT_ACCEPT = IMPORT_CHOICES.flatMap((choice) => choice.extensions.split(', ')).join(',');
// A source is an article in another language: any of these but XLIFF, which carries its own.
const SOURCE_ACCEPT = IMPORT_ACCEPT.replace(',.xlf,.xliff', '');

function renderImport(request: Request, response: Response, state: Record<string, unknown>) {
  response.render('import', {
    title: 'Import an article',
    languages: SUPPORTED_LANGUAGES,
    formats: IMPORT_CHOICES,
    accept: IMPORT_ACCEPT,
    sourceAccept: SOURCE_ACCEPT,
    imported: null,
    error: null,
    form: { title: '', text: '', url: '', targetLanguage: 'en', sourceText: '' },
    ...state,
  });
}

/** Checkbox values "segmentId:revision" from the preview form, as targets. */
function readTargetFields(value: unknown): { segmentId: string; revision: string }[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((entry) => {
    const [segmentId = '', revision = ''] = String(entry).split(':');
    return { segmentId, revision };
  });
}

import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { listChecks } from '../../checks/run.js';
import { listStillFlagged, readAnalyzedSentences, SENTENCES_PER_API_PAGE } from '../../services/analyzed-segments.js';
import { toProgress } from '../../services/document-progress.js';
import { chooseEnglishVariant } from '../../services/english-variant.js';
import { getDocumentRecord, listAllDocuments, listDocuments, readPageNumber } from '../../services/documents.js';
import type { ServiceError } from '../../services/errors.js';
import { EXPORT_FORMATS, exportDocument, isExportFormat } from '../../services/export-document.js';
import { importDocument } from '../../services/import-document.js';
import { buildPostEditingReport } from '../../services/post-editing-report.js';
import { offerPropagation } from '../../services/propagate-correction.js';
import { applyReplacements, previewReplacements, readReplaceRule } from '../../services/search-replace.js';
import { parseId } from '../../services/validate.js';
import { SUPPORTED_LANGUAGES } from '../../text/detect-language.js';
import { authorName } from '../auth.js';
import { findSentencePage, findUndoOffer, renderDocumentPage } from '../document-page.js';
import { toDocumentJson } from '../document-views.js';
import { HttpError } from '../errors.js';
import { readImportRequest } from '../import-request.js';
import { toPageLinks } from '../page-links.js';
import { toReplacementViews } from '../replacement-views.js';
import { fieldsOf, queryText } from '../request-fields.js';
import type { RouteContext } from '../route-table.js';
import { answersJson } from '../route-table.js';
import { toSegmentJson } from '../segment-views.js';
import { sendDownload } from '../send-download.js';
import { toUndoOffer } from '../undo-views.js';

/** A page of documents (`?page=`, 50 each), optionally only titles containing `?search=`; the archived ones with `?archived=1`. */
export async function showDocuments(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const archived = queryText(request, 'archived') === '1';
  const list = await listDocuments(storage, { page: readPageNumber(request.query.page), search: queryText(request, 'search'), archived });
  // Each document's review as its own page counts it, from the same kept counters.
  const documents = list.documents.map((document) => ({ ...document, progress: toProgress(document.counts) }));
  if (answersJson(response)) {
    response.json({ documents, total: list.total, page: list.page, pageSize: list.pageSize, archived });
    return;
  }
  const params = { search: list.search, ...(archived && { archived: '1' }) };
  response.render('documents', {
    title: archived ? 'Archived documents' : 'Documents', ...list, documents, pages: toPageLinks(list.page, list.pageCount, params, '/documents'),
  });
}

export function showImportForm(_request: Request, response: Response): void {
  renderImport(response, {});
}

/** Import a pasted or uploaded article (and its source, if given). */
export async function importArticle(request: Request, response: Response, { storage, analyzer, urlPolicy }: RouteContext): Promise<void> {
  const result = await importDocument(storage, analyzer, readImportRequest(request, response), { urlPolicy });
  if (answersJson(response)) {
    response.status(201).location(`/api/documents/${result.document.id}`).json({
      document: toDocumentJson(result.document),
      segmentCount: result.segmentCount,
      languageWarning: result.languageWarning,
      source: result.source,
      sourceError: result.sourceError,
    });
  } else if (result.languageWarning === null && result.sourceError === null) {
    response.redirect(303, `/documents/${result.document.id}`);
  } else {
    // The import page says so when the text is not in the declared language or the source was refused; the document is kept.
    renderImport(response, {
      imported: { id: result.document.id, title: result.document.title, warning: result.languageWarning, sourceError: result.sourceError },
    });
  }
}

/** The import form again, with what the editor sent and why nothing was stored. */
export function refuseImport(error: ServiceError, request: Request, response: Response): void {
  const form = fieldsOf(request);
  const text = (name: string, fallback = '') => (typeof form[name] === 'string' ? form[name] : fallback);
  renderImport(response, {
    error: error.message,
    form: {
      title: text('title'), text: text('text'), url: text('url'), targetLanguage: text('targetLanguage', 'en'), sourceText: text('sourceText'),
    },
  });
}

/**
 * A document with every sentence and its flags; the page shows one page of sentences under the
 * filter, the one holding `?sentence=ID` when asked, and after a plain-form save offers to make
 * the same change elsewhere (`?propagate=ID`).
 */
export async function showDocument(request: Request, response: Response, context: RouteContext): Promise<void> {
  const { storage, analyzer } = context;
  const documentId = parseId(request.params.id, 'Document');
  if (answersJson(response)) {
    const page = readPageNumber(request.query.page);
    const range = { offset: (page - 1) * SENTENCES_PER_API_PAGE, limit: SENTENCES_PER_API_PAGE };
    // Read before the sentences: a stream opened with ?after=lastEventId then misses nothing that came after them.
    const lastEventId = await storage.events.latestId(documentId);
    const { document, state, segments } = await readAnalyzedSentences(storage, analyzer, documentId, range);
    response.json({
      document: toDocumentJson(document), lastEventId, progress: toProgress(state.counts), segments: segments.map(toSegmentJson),
      page, pageSize: SENTENCES_PER_API_PAGE, pageCount: Math.max(1, Math.ceil(state.counts.total / SENTENCES_PER_API_PAGE)),
    });
    return;
  }
  const sentence = queryText(request, 'sentence');
  if (sentence) {
    const location = await findSentencePage(context, request, documentId, parseId(sentence, 'Sentence'), ['action', 'propagate']);
    if (!location) throw new HttpError(404, 'not-found', `Document ${documentId} has no sentence ${sentence}.`);
    return response.redirect(location);
  }
  const propagateFrom = queryText(request, 'propagate');
  const propagateId = propagateFrom ? parseId(propagateFrom, 'Sentence') : undefined;
  const propagation = propagateId === undefined ? null : await offerPropagation(storage, propagateId);
  await renderDocumentPage(context, request, response, documentId, {
    propagation, undoOffer: await findUndoOffer(storage, request), ...(propagateId !== undefined && { focusId: propagateId }),
  });
}

export async function showProgress(request: Request, response: Response, { analyzer }: RouteContext): Promise<void> {
  const state = await analyzer.ensureCurrent(parseId(request.params.id, 'Document'));
  response.json({ progress: toProgress(state.counts) });
}

/**
 * A download (`?format=`, txt by default through the API); people without a format first see the
 * export page, which lists the sentences that still have open flags.
 */
export async function exportDocumentFile(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  if (answersJson(response) || request.query.format !== undefined) {
    const format = request.query.format ?? 'txt';
    if (!isExportFormat(format)) throw new HttpError(400, 'invalid-input', `format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    await sendDownload(response, await exportDocument(storage, analyzer, documentId, format, { includeExcluded: request.query.include === 'excluded' }));
    return;
  }
  const document = await getDocumentRecord(storage, documentId);
  response.render('export', {
    title: `Export · ${document.title}`,
    document: { id: document.id, title: document.title },
    unresolved: await listStillFlagged(storage, analyzer, documentId),
    formats: EXPORT_CHOICES,
  });
}

/** The search-and-replace page; with `?find=` it previews the sentences that would change. */
export async function showReplaceForm(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
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
}

/** Preview for scripts: which sentences a rule would change, in one document or (scope "all") in every document. */
export async function previewReplace(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const body = fieldsOf(request);
  const matches = await previewReplacements(storage, readReplaceRule(body), body.scope === 'all' ? undefined : [documentId]);
  response.json({ matches });
}

/** Apply a previewed rule to the confirmed sentences ({segmentId, revision} as previewed), one revision each, as one action. */
export async function applyReplace(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const outcome = await applyReplacements(storage, analyzer, {
    rule: readReplaceRule(body), targets: readTargets(body.targets), author: authorName(response), origin: body.origin,
  });
  if (answersJson(response)) {
    response.json({
      action: outcome.action,
      applied: outcome.applied.map((segment) => ({ segmentId: segment.id, revision: segment.revision })), conflicts: outcome.conflicts,
    });
    return;
  }
  // The forms name the document they came from, for the way back.
  const documentId = typeof body.documentId === 'string' && body.documentId !== '' ? parseId(body.documentId, 'Document') : null;
  const undoOffer = outcome.action && toUndoOffer(outcome.action, documentId ? `/documents/${documentId}` : '/documents');
  response.render('replace-done', { title: 'Replaced', documentId, outcome, undoOffer });
}

export async function showReport(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const report = await buildPostEditingReport(storage, parseId(request.params.id, 'Document'));
  response.render('report', { title: `Report · ${report.document.title}`, report });
}

export function showChecks(_request: Request, response: Response): void {
  // Checks marked needsSource run only on documents with an attached source. The list is fixed
  // for the life of the process: serialised and tagged once, not on every request.
  checksAnswer ??= fixedJson({ checks: listChecks() });
  response.set('ETag', checksAnswer.etag).type('json').send(checksAnswer.body);
}
let checksAnswer: { body: string; etag: string } | undefined;

/** A JSON body that never changes, with its entity tag (Express would hash it again on every send). */
function fixedJson(value: unknown): { body: string; etag: string } {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
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

function renderImport(response: Response, state: Record<string, unknown>): void {
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

/** Targets as the API sends them ([{segmentId, revision}]) or as the preview form's checkboxes do ("segmentId:revision"). */
function readTargets(value: unknown): unknown {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((entry: unknown) => {
    if (typeof entry !== 'string') return entry;
    const [segmentId = '', revision = ''] = entry.split(':');
    return { segmentId, revision };
  });
}

/** Choose the English a document follows. */
export async function setDocumentVariant(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const event = await chooseEnglishVariant(storage, documentId, { variant: fieldsOf(request).variant, author: authorName(response) });
  if (answersJson(response)) {
    const document = (await storage.documents.get(documentId))!;
    return void response.json({ document: toDocumentJson(document), event });
  }
  response.redirect(303, `/documents/${documentId}`);
}

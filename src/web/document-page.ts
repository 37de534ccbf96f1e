import type { Request, Response } from 'express';
import { getAnalyzedDocument } from '../services/document-analysis.js';
import { summarizeProgress } from '../services/document-progress.js';
import { readPageNumber } from '../services/documents.js';
import type { PropagationOffer } from '../services/propagate-correction.js';
import { toDocumentHeader, toFilterChoices } from './document-views.js';
import { toPageLinks } from './page-links.js';
import { toPropagationView } from './replacement-views.js';
import type { RouteContext } from './route-table.js';
import { filterParams, locateSentence, paginateSegments, readSegmentFilter } from './segment-filter.js';
import { ARTICLE_PLACEHOLDER, joinPage, renderArticleMarkup, type FailedSave } from './segment-markup.js';

/**
 * Render one page of the document, optionally with a failed save or a propagation offer to show.
 * Without `?page=`, the page shows the sentence of the failed save, or `focusId`.
 */
export async function renderDocumentPage(
  { storage, caches }: Pick<RouteContext, 'storage' | 'caches'>,
  request: Request,
  response: Response,
  documentId: number,
  extras: { failedSave?: FailedSave; propagation?: PropagationOffer | null; focusId?: number } = {},
): Promise<void> {
  const { document, segments } = await getAnalyzedDocument(storage, caches.analyses, documentId);
  const filter = readSegmentFilter(request.query);
  const focusId = extras.failedSave?.segmentId ?? extras.focusId;
  const page = paginateSegments(segments, filter, {
    ...(request.query.page !== undefined && { page: readPageNumber(request.query.page) }),
    ...(focusId !== undefined && { focusId }),
  });
  const article = renderArticleMarkup(caches.segmentMarkup, page.segments, extras.failedSave ?? null, {
    canEdit: response.locals.canEdit === true,
    csrfToken: String(response.locals.csrfToken ?? ''),
    sourceLanguage: document.sourceLanguage ?? '',
  });
  const html = await renderView(response, 'document', {
    title: page.pageCount > 1 ? `${document.title} (page ${page.page} of ${page.pageCount})` : document.title,
    header: toDocumentHeader(document, segments),
    progress: summarizeProgress(segments),
    sentenceCount: page.segments.length,
    articlePlaceholder: ARTICLE_PLACEHOLDER,
    matching: page.matching,
    pages: toPageLinks(page.page, page.pageCount, filterParams(filter), `/documents/${document.id}`),
    beyond: page.beyond,
    filterQuery: new URLSearchParams(filterParams(filter)).toString(),
    filter,
    choices: toFilterChoices(segments),
    failedSave: extras.failedSave ?? null,
    propagation: toPropagationView(extras.propagation ?? null),
    sourceLanguage: document.sourceLanguage ?? '',
  });
  response.type('html').send(joinPage(html, article));
}

function renderView(response: Response, view: string, locals: object): Promise<string> {
  return new Promise((resolve, reject) => {
    response.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? '')));
  });
}

/**
 * The address of the page that shows one sentence (keeping the filter when it shows the
 * sentence), with the sentence as the fragment; undefined when the document has no such sentence.
 */
export async function findSentencePage(
  { storage, caches }: Pick<RouteContext, 'storage' | 'caches'>, request: Request, documentId: number, segmentId: number,
): Promise<string | undefined> {
  const { segments } = await getAnalyzedDocument(storage, caches.analyses, documentId);
  const location = locateSentence(segments, readSegmentFilter(request.query), segmentId);
  return location && `/documents/${documentId}?${new URLSearchParams(location.params).toString()}#segment-${segmentId}`;
}

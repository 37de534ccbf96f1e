import type { Request, Response } from 'express';
import { locateSentence, readDocumentPage } from '../services/analyzed-segments.js';
import { toProgress } from '../services/document-progress.js';
import { readPageNumber } from '../services/documents.js';
import type { PropagationOffer } from '../services/propagate-correction.js';
import type { Storage } from '../storage/types.js';
import { toUndoOffer, type UndoOffer } from './undo-views.js';
import { toDocumentHeader, toFilterChoices } from './document-views.js';
import { toPageLinks } from './page-links.js';
import type { RouteContext } from './route-table.js';
import { filterParams, readSegmentFilter, toSegmentQuery } from './segment-filter.js';
import { ARTICLE_PLACEHOLDER, joinPage, renderArticleMarkup } from './segment-markup.js';

/** Render one page of the document, optionally with a propagation offer to show; without `?page=`, the page of `focusId`. */
export async function renderDocumentPage(
  { storage, analyzer, caches }: Pick<RouteContext, 'storage' | 'analyzer' | 'caches'>,
  request: Request,
  response: Response,
  documentId: number,
  extras: { propagation?: PropagationOffer | null; focusId?: number; undoOffer?: UndoOffer | null } = {},
): Promise<void> {
  // Read before the sentences, for the page's stream to start from (see showDocument).
  const lastEventId = await storage.events.latestId(documentId);
  const filter = readSegmentFilter(request.query);
  const query = toSegmentQuery(filter);
  const { focusId } = extras;
  const page = await readDocumentPage(storage, analyzer, documentId, query, {
    ...(request.query.page !== undefined && { page: readPageNumber(request.query.page) }),
    ...(focusId !== undefined && { focusId }),
  });
  const { document, state } = page;
  const article = renderArticleMarkup(caches.segmentMarkup, page.segments, {
    canEdit: response.locals.canEdit === true,
    sourceLanguage: document.sourceLanguage ?? '',
  });
  const html = await renderView(response, 'document', {
    title: page.pageCount > 1 ? `${document.title} (page ${page.page} of ${page.pageCount})` : document.title,
    header: toDocumentHeader(document, state.counts),
    progress: toProgress(state.counts),
    sentenceCount: page.segments.length,
    articlePlaceholder: ARTICLE_PLACEHOLDER,
    matching: page.matching,
    pages: toPageLinks(page.page, page.pageCount, filterParams(query), `/documents/${document.id}`),
    beyond: page.beyond,
    filterQuery: new URLSearchParams(filterParams(query)).toString(),
    filter,
    choices: toFilterChoices(),
    propagation: extras.propagation ?? null,
    undoOffer: extras.undoOffer ?? null,
    lastEventId,
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
 * sentence, and the query parameters named in `keep`), with the sentence as the fragment;
 * undefined when the document has no such sentence.
 */
export async function findSentencePage(
  { storage }: Pick<RouteContext, 'storage'>, request: Request, documentId: number, segmentId: number, keep: readonly string[] = [],
): Promise<string | undefined> {
  const location = await locateSentence(storage, documentId, toSegmentQuery(readSegmentFilter(request.query)), segmentId);
  if (!location) return undefined;
  const params = new URLSearchParams({ ...filterParams(location.query), page: String(location.page) });
  for (const name of keep) {
    const value = request.query[name];
    if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  return `/documents/${documentId}?${params.toString()}#segment-${segmentId}`;
}

/** The Undo offer of the action a page was reached after (`?action=ID`), to undo it from there; null without one. */
export async function findUndoOffer(storage: Storage, request: Request): Promise<UndoOffer | null> {
  const value = request.query.action;
  const id = typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
  const action = id === undefined ? undefined : await storage.actions.get(id);
  if (!action) return null;
  const url = new URL(request.originalUrl, 'http://retouche');
  url.searchParams.delete('action');
  return toUndoOffer(action, `${url.pathname}${url.search}`);
}

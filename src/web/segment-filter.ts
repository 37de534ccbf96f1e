import type { AnalyzedSegment } from '../services/document-analysis.js';

/** What the document page can narrow the sentences to; every field comes from the query string. */
export interface SegmentFilter {
  /** Words to find in the current text or the machine translation, ignoring case. */
  query: string;
  flagged: boolean;
  category: string;
  severity: string;
  status: string;
}

/** Read the filter from a query string, ignoring values that are not text. */
export function readSegmentFilter(query: Record<string, unknown>): SegmentFilter {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { query: text(query.q).trim(), flagged: query.flagged === '1', category: text(query.category), severity: text(query.severity), status: text(query.status) };
}

/** Whether a sentence passes the filter. */
export function matchesFilter(segment: AnalyzedSegment, filter: SegmentFilter): boolean {
  if (filter.query) {
    const wanted = filter.query.toLocaleLowerCase();
    if (!segment.text.toLocaleLowerCase().includes(wanted) && !segment.original.toLocaleLowerCase().includes(wanted)) return false;
  }
  if (filter.flagged && segment.flags.length === 0) return false;
  if (filter.category && !segment.flags.some((flag) => flag.category === filter.category)) return false;
  if (filter.severity && !segment.flags.some((flag) => flag.severity === filter.severity)) return false;
  return !filter.status || segment.status === filter.status;
}

/** Sentences per page of the document page: a 5,000-sentence article is not drawn at once. */
export const SENTENCES_PER_PAGE = 100;

/** The filter as query-string pairs, only those set, for links that keep it. */
export function filterParams(filter: SegmentFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.query) params.q = filter.query;
  if (filter.flagged) params.flagged = '1';
  if (filter.category) params.category = filter.category;
  if (filter.severity) params.severity = filter.severity;
  if (filter.status) params.status = filter.status;
  return params;
}

/** One page of the document's sentences: the filter applies to the whole document, then pages are cut. */
export interface SegmentPage {
  segments: AnalyzedSegment[];
  /** Sentences that pass the filter, on all pages. */
  matching: number;
  page: number;
  pageCount: number;
  /** Where keyboard navigation continues past this page's ends (sentence ids, null at the document's ends). */
  beyond: { previousLast: number | null; nextFirst: number | null; previousFlagged: number | null; nextFlagged: number | null };
}

/**
 * Cut the filtered sentences into pages. Without a page number, the page holding `focusId` (a
 * sentence to show, such as the one a failed save belongs to) is chosen, else the first.
 */
export function paginateSegments(
  segments: readonly AnalyzedSegment[],
  filter: SegmentFilter,
  options: { page?: number; focusId?: number } = {},
): SegmentPage {
  const matching = segments.filter((segment) => matchesFilter(segment, filter));
  const pageCount = Math.max(1, Math.ceil(matching.length / SENTENCES_PER_PAGE));
  const focusIndex = options.focusId === undefined ? -1 : matching.findIndex((segment) => segment.id === options.focusId);
  const wanted = options.page ?? (focusIndex >= 0 ? Math.floor(focusIndex / SENTENCES_PER_PAGE) + 1 : 1);
  const page = Math.min(Math.max(1, wanted), pageCount);
  const start = (page - 1) * SENTENCES_PER_PAGE;
  const end = start + SENTENCES_PER_PAGE;
  const flagged = (segment: AnalyzedSegment) => segment.flags.length > 0;
  return {
    segments: matching.slice(start, end),
    matching: matching.length,
    page,
    pageCount,
    beyond: {
      previousLast: matching[start - 1]?.id ?? null,
      nextFirst: matching[end]?.id ?? null,
      previousFlagged: matching.slice(0, start).findLast(flagged)?.id ?? null,
      nextFlagged: matching.slice(end).find(flagged)?.id ?? null,
    },
  };
}

/**
 * Where a link to one sentence leads: its page under the filter, or, when the filter hides it,
 * its page with no filter. Undefined when the document has no such sentence.
 */
export function locateSentence(segments: readonly AnalyzedSegment[], filter: SegmentFilter, segmentId: number) {
  if (!segments.some((segment) => segment.id === segmentId)) return undefined;
  const kept = segments.some((segment) => segment.id === segmentId && matchesFilter(segment, filter));
  const effective = kept ? filter : readSegmentFilter({});
  const { page } = paginateSegments(segments, effective, { focusId: segmentId });
  return { params: { ...filterParams(effective), page: String(page) }, page };
}

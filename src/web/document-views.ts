import { diffForDisplay, type DiffPart } from '../history/display-diff.js';
import type { DocumentRecord } from '../model.js';
import { toFlagViews, toTextPieces, type FlagView, type TextPiece } from './flag-views.js';
import type { AnalyzedSegment } from '../services/document-analysis.js';
import type { PropagationOffer } from '../services/propagate-correction.js';
import type { PlannedReplacement } from '../services/search-replace.js';
import { describeLanguageMismatch, languageName } from '../services/languages.js';

/** What the API says about one sentence, with the checks' findings. */
export function toSegmentJson(segment: AnalyzedSegment) {
  return {
    id: segment.id,
    documentId: segment.documentId,
    paragraph: segment.paragraph,
    position: segment.position,
    role: segment.role,
    original: segment.original,
    text: segment.text,
    revision: segment.revision,
    status: segment.status,
    updatedAt: segment.updatedAt,
    risk: segment.risk,
    flags: segment.flags,
    dismissedFlags: segment.dismissedFlags,
    source: segment.source,
  };
}

/** What the API says about a document, without its sentences. */
export function toDocumentJson(document: DocumentRecord) {
  return {
    id: document.id,
    title: document.title,
    targetLanguage: document.targetLanguage,
    detectedLanguage: document.detectedLanguage,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

export interface SegmentView {
  id: number;
  position: number;
  role: string;
  text: string;
  /** The aligned source sentence(s), '' when none. */
  source: string;
  original: string;
  revision: number;
  status: string;
  changed: boolean;
  /** Word diff from the machine translation to the current text; empty when unchanged. */
  diff: DiffPart[];
  risk: number;
  /** The current text cut at flag boundaries, for highlighting. */
  pieces: TextPiece[];
  flags: FlagView[];
  dismissedCount: number;
  /** The status buttons that make sense for the sentence's current status. */
  statusActions: StatusAction[];
}

export interface StatusAction {
  status: string;
  label: string;
  title: string;
}

const APPROVE: StatusAction = { status: 'approved', label: 'Approve', title: 'Read and found fine (key a)' };
const EXCLUDE: StatusAction = { status: 'excluded', label: 'Exclude', title: 'Leave out of the export: page noise or dropped (key x)' };
const INCLUDE: StatusAction = { status: 'to-review', label: 'Include', title: 'Bring back into the export, to review (key x)' };
const REOPEN: StatusAction = { status: 'to-review', label: 'Reopen', title: 'Send back to review' };

/** Which status buttons a sentence shows: never one that would leave it as it is. */
function statusActionsFor(status: string): StatusAction[] {
  if (status === 'excluded') return [INCLUDE];
  if (status === 'approved') return [REOPEN, EXCLUDE];
  return [APPROVE, EXCLUDE];
}

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

export interface PageLink {
  number: number;
  href: string;
  current: boolean;
}

/** Links to pages of a list: the first, the last and a few around the current one; null marks a gap. */
export function toPageLinks(page: number, pageCount: number, params: Record<string, string>, path: string) {
  const href = (number: number) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ''));
    if (number > 1) query.set('page', String(number));
    const text = query.toString();
    return text ? `${path}?${text}` : path;
  };
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((number) => number >= 1 && number <= pageCount).sort((a, b) => a - b);
  const items: (PageLink | null)[] = [];
  for (const number of numbers) {
    const previous = items.at(-1);
    if (previous && number > previous.number + 1) items.push(null);
    items.push({ number, href: href(number), current: number === page });
  }
  return {
    page,
    pageCount,
    previous: page > 1 ? href(page - 1) : null,
    next: page < pageCount ? href(page + 1) : null,
    items,
  };
}

export function toSegmentView(segment: AnalyzedSegment): SegmentView {
  const changed = segment.text !== segment.original;
  return {
    id: segment.id,
    position: segment.position,
    role: segment.role,
    text: segment.text,
    source: segment.source,
    original: segment.original,
    revision: segment.revision,
    status: segment.status,
    changed,
    diff: changed ? diffForDisplay(segment.original, segment.text) : [],
    risk: segment.risk,
    pieces: toTextPieces(segment.text, segment.flags),
    flags: toFlagViews(segment.text, segment.flags),
    dismissedCount: segment.dismissedFlags.length,
    statusActions: statusActionsFor(segment.status),
  };
}

/** The choices of the filter form: the categories and severities this document's flags use. */
export function toFilterChoices(segments: readonly AnalyzedSegment[]) {
  const categories = new Set<string>();
  for (const segment of segments) for (const flag of segment.flags) categories.add(flag.category);
  return {
    categories: [...categories].sort(),
    severities: ['critical', 'major', 'minor'],
    statuses: ['to-review', 'edited', 'approved', 'excluded'],
  };
}

/** The header facts of a document page. */
export function toDocumentHeader(document: DocumentRecord, segments: readonly AnalyzedSegment[]) {
  return {
    id: document.id,
    title: document.title,
    targetLanguageName: languageName(document.targetLanguage),
    detectedLanguageName: document.detectedLanguage === 'und' ? 'not recognised' : languageName(document.detectedLanguage),
    languageWarning: describeLanguageMismatch(document.detectedLanguage, document.targetLanguage),
    sentenceCount: segments.length,
    correctedCount: segments.filter((segment) => segment.text !== segment.original).length,
  };
}


/** Planned replacements with each change as a word diff, for a preview. */
export function toReplacementViews(matches: readonly PlannedReplacement[]) {
  return matches.map((match) => ({ ...match, diff: diffForDisplay(match.before, match.after) }));
}

/** A propagation offer with each match's change as a word diff. */
export function toPropagationView(offer: PropagationOffer | null) {
  return offer && { rule: offer.rule, matches: toReplacementViews(offer.matches) };
}

import { diffForDisplay, type DiffPart } from '../history/display-diff.js';
import type { DocumentRecord } from '../storage/types.js';
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

export interface ParagraphView {
  index: number;
  segments: SegmentView[];
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

/** The sentences that pass the filter, grouped by paragraph, each with its diff and flags. */
export function toParagraphViews(segments: readonly AnalyzedSegment[], filter?: SegmentFilter): ParagraphView[] {
  const paragraphs: ParagraphView[] = [];
  for (const segment of segments) {
    if (filter && !matchesFilter(segment, filter)) continue;
    let paragraph = paragraphs.at(-1);
    if (!paragraph || paragraph.index !== segment.paragraph) {
      paragraph = { index: segment.paragraph, segments: [] };
      paragraphs.push(paragraph);
    }
    paragraph.segments.push(toSegmentView(segment));
  }
  return paragraphs;
}

export function toSegmentView(segment: AnalyzedSegment): SegmentView {
  const changed = segment.text !== segment.original;
  return {
    id: segment.id,
    position: segment.position,
    role: segment.role,
    text: segment.text,
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

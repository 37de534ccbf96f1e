import { changesMostWords, diffForDisplay, splitSides, type DiffPart } from '../history/display-diff.js';
import type { AnalyzedSegment } from '../services/analyzed-segments.js';
import { MAX_FLAGS_PER_SENTENCE } from '../analysis/engine.js';
import { isToReview } from '../review/queue.js';
import { toFlagViews, toTextPieces, type FlagView, type TextPiece } from './flag-views.js';

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
    openFlags: segment.openFlags,
    flags: segment.flags,
    dismissedFlags: segment.dismissedFlags,
    source: segment.source,
  };
}

export interface SegmentView {
  id: number;
  position: number;
  role: string;
  roleLabel: string;
  text: string;
  /** The aligned source sentence(s), '' when none. */
  source: string;
  original: string;
  revision: number;
  status: string;
  statusLabel: string;
  changed: boolean;
  /** Word diff from the machine translation to the current text; empty when unchanged. */
  diff: DiffPart[];
  /** The same diff as two lines (before, after) when it rewrote most words (changesMostWords), else null. */
  sides: { before: DiffPart[]; after: DiffPart[] } | null;
  risk: number;
  /** Flags that still ask for a decision: Alt+↓ goes to the next sentence with one. */
  openFlags: number;
  /** Waits for an editor (status to review, or an open flag): Ctrl+Enter goes to the next one. */
  toReview: boolean;
  /** The current text cut at flag boundaries, for highlighting. */
  pieces: TextPiece[];
  /** The flags listed under the sentence: on the document page, the first few (see toSegmentView). */
  flags: FlagView[];
  /** What the list leaves out: dismissed flags, flags beyond the list; '' when nothing. */
  flagNote: string;
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

/**
 * Flags listed under a sentence on the document page: a sentence can carry hundreds (see
 * MAX_FLAGS_PER_SENTENCE), and a page costs what it shows. Its own page lists them all.
 */
export const LISTED_FLAGS = 20;

/** One sentence as the document page's partial (`listed` flags at most) or its own page shows it. */
export function toSegmentView(segment: AnalyzedSegment, listed = LISTED_FLAGS): SegmentView {
  const changed = segment.text !== segment.original;
  const diff = changed ? diffForDisplay(segment.original, segment.text) : [];
  // An excluded sentence's flags are closed (src/review/queue.ts): page noise drawn with "Use …"
  // buttons would ask for work nobody needs to do. Including the sentence brings them back.
  const shown = segment.status === 'excluded' ? [] : segment.flags;
  const flags = toFlagViews(segment, shown.length > listed ? shown.slice(0, listed) : shown);
  return {
    id: segment.id,
    position: segment.position,
    role: segment.role,
    roleLabel: segment.role.replaceAll('-', ' '),
    text: segment.text,
    source: segment.source,
    original: segment.original,
    revision: segment.revision,
    status: segment.status,
    statusLabel: segment.status.replaceAll('-', ' '),
    changed,
    diff,
    sides: changesMostWords(diff) ? splitSides(diff) : null,
    risk: segment.risk,
    openFlags: segment.openFlags,
    toReview: isToReview(segment.status, segment.openFlags),
    pieces: toTextPieces(segment.text, shown),
    flags,
    flagNote: describeUnlisted(segment, shown, flags.length),
    statusActions: statusActionsFor(segment.status),
  };
}

// "2 flags dismissed", "18 more flags on the sentence's page", "the checks found more than 500 flags: the first are kept".
function describeUnlisted(segment: AnalyzedSegment, shown: readonly unknown[], listed: number): string {
  const notes: string[] = [];
  const hidden = segment.flags.length - shown.length;
  if (hidden) notes.push(`${hidden} flag${hidden > 1 ? 's' : ''} not shown while the sentence is excluded`);
  const dismissed = segment.dismissedFlags.length;
  if (dismissed) notes.push(`${dismissed} flag${dismissed > 1 ? 's' : ''} dismissed`);
  const more = shown.length - listed;
  if (more > 0) notes.push(`${more} more flag${more > 1 ? 's' : ''} on the sentence's own page (Edit)`);
  if (segment.flags.length + dismissed >= MAX_FLAGS_PER_SENTENCE) notes.push(`only the first ${MAX_FLAGS_PER_SENTENCE} flags of this sentence are kept`);
  return notes.join(' · ');
}

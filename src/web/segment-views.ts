import { diffForDisplay, type DiffPart } from '../history/display-diff.js';
import type { AnalyzedSegment } from '../services/analyzed-segments.js';
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
  /** Flags that still ask for a decision: Alt+↓ goes to the next sentence with one. */
  openFlags: number;
  /** Waits for an editor (status to review, or an open flag): Ctrl+Enter goes to the next one. */
  toReview: boolean;
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

/** One sentence as the document page's partial shows it. */
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
    openFlags: segment.openFlags,
    toReview: isToReview(segment.status, segment.openFlags),
    pieces: toTextPieces(segment.text, segment.flags),
    flags: toFlagViews(segment.text, segment.flags),
    dismissedCount: segment.dismissedFlags.length,
    statusActions: statusActionsFor(segment.status),
  };
}

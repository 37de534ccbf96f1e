import { PAGE_NOISE_ROLES, type FlagRecord, type ReviewCounts, type SegmentRole, type SegmentStatus } from '../model.js';

/**
 * The review queue's rules, in one place: which flags are still open, which sentences wait for an
 * editor, and what each sentence adds to its document's counters. Storage applies them inside the
 * transaction of every change (src/storage/segment-queue.ts), so the counters a page shows are
 * kept, never recounted, and every server of one database sees the same ones.
 *
 * - A flag is open until the words under it change (the checks no longer find it), it is
 *   dismissed, or its sentence is approved or excluded. Editing a sentence closes nothing else:
 *   applying one of four suggestions leaves the other three open.
 * - A sentence is to review while its status is "to-review" or it carries an open flag, whatever
 *   its status ("edited" included).
 * - Page noise set aside at import (a noise role, still excluded) is neither to review nor
 *   reviewed: it is counted apart.
 */

/** The statuses under which a sentence's flags no longer ask for anything. */
const CLOSING_STATUSES: ReadonlySet<SegmentStatus> = new Set(['approved', 'excluded']);

/** What names a dismissed flag: the check and the words it was on (flags are recomputed, offsets move). */
export function dismissalKey(checkId: string, spanText: string): string {
  return `${checkId}\u0000${spanText}`;
}

/** Whether a flag on `text` was dismissed (its check on the same words). */
export function isDismissed(flag: Pick<FlagRecord, 'checkId' | 'start' | 'end'>, text: string, dismissed: ReadonlySet<string>): boolean {
  return dismissed.size > 0 && dismissed.has(dismissalKey(flag.checkId, text.slice(flag.start, flag.end)));
}

/** The flags of a sentence that still ask for a decision (see the rules above). */
export function selectOpenFlags<F extends FlagRecord>(flags: readonly F[], text: string, status: SegmentStatus, dismissed: ReadonlySet<string>): F[] {
  if (CLOSING_STATUSES.has(status)) return [];
  return flags.filter((flag) => !isDismissed(flag, text, dismissed));
}

/** Whether a sentence waits for an editor. */
export function isToReview(status: SegmentStatus, openFlags: number): boolean {
  return status === 'to-review' || openFlags > 0;
}

/** Whether a sentence is page noise that the import set aside and nobody brought back. */
export function isSetAside(role: SegmentRole, status: SegmentStatus): boolean {
  return status === 'excluded' && PAGE_NOISE_ROLES.has(role);
}

/** The sentence's state as the counters read it. */
export interface QueueRow {
  role: SegmentRole;
  status: SegmentStatus;
  text: string;
  original: string;
  openFlags: number;
}

/** What one sentence adds to its document's counters. */
export function countSentence(row: QueueRow): ReviewCounts {
  return {
    total: 1,
    setAside: isSetAside(row.role, row.status) ? 1 : 0,
    toReview: isToReview(row.status, row.openFlags) ? 1 : 0,
    edited: row.status === 'edited' ? 1 : 0,
    approved: row.status === 'approved' ? 1 : 0,
    excluded: row.status === 'excluded' ? 1 : 0,
    corrected: row.text !== row.original ? 1 : 0,
    openFlags: row.openFlags,
    flagged: row.openFlags > 0 ? 1 : 0,
  };
}

/** The counters' change when a sentence goes from `before` to `after` (a new sentence: `before` undefined). */
export function diffCounts(before: QueueRow | undefined, after: QueueRow | undefined): ReviewCounts {
  const added = after ? countSentence(after) : EMPTY_COUNTS;
  const removed = before ? countSentence(before) : EMPTY_COUNTS;
  const delta = { ...EMPTY_COUNTS };
  for (const key of COUNT_KEYS) delta[key] = added[key] - removed[key];
  return delta;
}

/** Add `delta` into `sum`, in place. */
export function addCounts(sum: ReviewCounts, delta: ReviewCounts): ReviewCounts {
  for (const key of COUNT_KEYS) sum[key] += delta[key];
  return sum;
}

/** Whether a change of counts changes nothing. */
export function isZero(counts: ReviewCounts): boolean {
  return COUNT_KEYS.every((key) => counts[key] === 0);
}

export const EMPTY_COUNTS: Readonly<ReviewCounts> = Object.freeze({
  total: 0, setAside: 0, toReview: 0, edited: 0, approved: 0, excluded: 0, corrected: 0, openFlags: 0, flagged: 0,
});

const COUNT_KEYS = Object.keys(EMPTY_COUNTS) as (keyof ReviewCounts)[];

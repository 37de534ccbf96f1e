import type { Flag } from '../checks/types.js';
import type { Storage } from '../storage/types.js';
import type { ActionRecord, DismissalRecord, SegmentRecord } from '../model.js';
import { readAnalyzedSegment, type AnalyzedSegment } from './analyzed-segments.js';
import type { Analyzer } from './document-analysis.js';
import { ServiceError, found } from './errors.js';
import { conflictError, reviseSentence, type SaveResult } from './sentence-changes.js';
import { requireAuthor, requireRevisionNumber } from './validate.js';

/** Names a flag as the editor saw it: the check and the span in the sentence at `baseRevision`. */
export interface FlagReference {
  segmentId: number;
  checkId: unknown;
  start: unknown;
  end: unknown;
  baseRevision: unknown;
  author: unknown;
}

/** A dismissal and the action that made or withdrew it (null when it was already so: nothing to undo). */
export interface DismissalResult {
  dismissal: DismissalRecord;
  segment: SegmentRecord;
  action: ActionRecord | null;
}

/**
 * Replace a flagged span with one of its suggestions, saved as a normal revision. The flag is
 * looked up again on the server's text, so a stale page can never splice text at the wrong place.
 */
export async function applySuggestion(
  storage: Storage, analyzer: Analyzer, request: FlagReference & { suggestion: unknown },
): Promise<SaveResult> {
  const author = requireAuthor(request.author);
  const { segment, flag } = await findFlag(storage, analyzer, request);
  const index = requireRevisionNumber(request.suggestion ?? 0, 'suggestion');
  const replacement = flag.suggestions[index];
  if (replacement === undefined) {
    throw new ServiceError('invalid-input', `This flag has ${flag.suggestions.length} suggestion${flag.suggestions.length === 1 ? '' : 's'}; there is no suggestion ${index}.`);
  }
  const text = segment.text.slice(0, flag.start) + replacement + segment.text.slice(flag.end);
  return reviseSentence(storage, analyzer, segment, { kind: 'suggestion', author }, {
    kind: 'edit', text, revertedTo: null, status: 'edited',
    comment: `Applied the suggestion of ${flag.checkId}: “${segment.text.slice(flag.start, flag.end)}” → “${replacement}”`,
  });
}

/** Mark a flag as a false alarm; it stays dismissed while the same words are in the sentence. */
export async function dismissFlag(storage: Storage, analyzer: Analyzer, request: FlagReference): Promise<DismissalResult> {
  const author = requireAuthor(request.author);
  const { segment, flag } = await findFlag(storage, analyzer, request);
  const spanText = segment.text.slice(flag.start, flag.end);
  const { action, outcomes: [outcome] } = await storage.actions.record({ kind: 'dismissal', author }, [
    { type: 'dismissal', segmentId: segment.id, checkId: flag.checkId, spanText },
  ]);
  if (outcome?.ok) return { dismissal: outcome.dismissal!, segment: outcome.segment, action };
  // Dismissed already (twice from one page, or by someone else): the first dismissal stands.
  const existing = (await storage.dismissals.listBySegment(segment.id)).find((dismissal) => dismissal.checkId === flag.checkId && dismissal.spanText === spanText);
  return { dismissal: found(existing, 'That dismissal'), segment, action: null };
}

/** Withdraw a dismissal: the flag is open again, and the history records who restored it. */
export async function restoreDismissal(storage: Storage, request: { segmentId: number; dismissalId: number; author: unknown }): Promise<DismissalResult> {
  const author = requireAuthor(request.author);
  const dismissal = await storage.dismissals.get(request.dismissalId);
  if (!dismissal || dismissal.segmentId !== request.segmentId) {
    throw new ServiceError('not-found', `Sentence ${request.segmentId} has no dismissed flag ${request.dismissalId} (it may have been restored already).`);
  }
  const { action, outcomes: [outcome] } = await storage.actions.record({ kind: 'dismissal-restore', author }, [
    { type: 'dismissal-restore', segmentId: dismissal.segmentId, checkId: dismissal.checkId, spanText: dismissal.spanText },
  ]);
  if (!outcome?.ok) throw new ServiceError('not-found', `The dismissed flag ${request.dismissalId} was restored already.`);
  return { dismissal, segment: outcome.segment, action };
}

async function findFlag(storage: Storage, analyzer: Analyzer, request: FlagReference): Promise<{ segment: AnalyzedSegment; flag: Flag }> {
  const baseRevision = requireRevisionNumber(request.baseRevision, 'baseRevision');
  const start = requireRevisionNumber(request.start, 'start');
  const end = requireRevisionNumber(request.end, 'end');
  const segment = await readAnalyzedSegment(storage, analyzer, request.segmentId);
  if (segment.revision !== baseRevision) throw await conflictError(storage, segment, baseRevision);
  const flag = [...segment.flags, ...segment.dismissedFlags]
    .find((candidate) => candidate.checkId === request.checkId && candidate.start === start && candidate.end === end);
  if (!flag) {
    throw new ServiceError('not-found', 'That flag is no longer on this sentence: reload the page to see its current flags.');
  }
  return { segment, flag };
}

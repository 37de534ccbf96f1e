import type { Flag } from '../checks/types.js';
import type { Storage } from '../storage/types.js';
import type { DismissalRecord } from '../model.js';
import { appendRevision, conflictWith, type SaveResult } from './correct-segment.js';
import { readAnalyzedSegment, type AnalyzedSegment } from './analyzed-segments.js';
import type { Analyzer } from './document-analysis.js';
import { ServiceError } from './errors.js';
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
    throw new ServiceError('invalid-input', `This flag has ${flag.suggestions.length} suggestion(s); there is no suggestion ${index}.`);
  }
  const text = segment.text.slice(0, flag.start) + replacement + segment.text.slice(flag.end);
  return appendRevision(storage, analyzer, segment, {
    kind: 'edit', text, revertedTo: null, author, status: 'edited',
    comment: `Applied the suggestion of ${flag.checkId}: “${segment.text.slice(flag.start, flag.end)}” → “${replacement}”`,
  });
}

/** Mark a flag as a false alarm; it stays dismissed while the same words are in the sentence. */
export async function dismissFlag(storage: Storage, analyzer: Analyzer, request: FlagReference): Promise<DismissalRecord> {
  const author = requireAuthor(request.author);
  const { segment, flag } = await findFlag(storage, analyzer, request);
  return storage.dismissals.add({ segmentId: segment.id, checkId: flag.checkId, spanText: segment.text.slice(flag.start, flag.end), author });
}

async function findFlag(storage: Storage, analyzer: Analyzer, request: FlagReference): Promise<{ segment: AnalyzedSegment; flag: Flag }> {
  const baseRevision = requireRevisionNumber(request.baseRevision, 'baseRevision');
  const start = requireRevisionNumber(request.start, 'start');
  const end = requireRevisionNumber(request.end, 'end');
  const segment = await readAnalyzedSegment(storage, analyzer, request.segmentId);
  if (segment.revision !== baseRevision) throw conflictWith(segment, baseRevision);
  const flag = [...segment.flags, ...segment.dismissedFlags]
    .find((candidate) => candidate.checkId === request.checkId && candidate.start === start && candidate.end === end);
  if (!flag) {
    throw new ServiceError('not-found', 'That flag is no longer on this sentence: reload the page to see its current flags.');
  }
  return { segment, flag };
}

import type { Storage } from '../storage/types.js';
import type { Analyzer } from './document-analysis.js';
import { found } from './errors.js';
import { getSegmentVersion } from './segment-history.js';
import { conflictError, reviseSentence, type SaveResult } from './sentence-changes.js';
import { optionalComment, requireAuthor, requireRevisionNumber } from './validate.js';

export interface RevertRequest {
  segmentId: number;
  revision: unknown;
  author: unknown;
  /** The version the editor was looking at: the revert is refused if the sentence moved on since. */
  baseRevision: unknown;
  comment?: unknown;
}

/** Bring back the text of an earlier version as a new revision; history is never rewritten. */
export async function revertSegment(storage: Storage, analyzer: Analyzer, request: RevertRequest): Promise<SaveResult> {
  const author = requireAuthor(request.author);
  const target = requireRevisionNumber(request.revision, 'revision');
  const comment = optionalComment(request.comment);
  const segment = found(await storage.segments.get(request.segmentId), `Sentence ${request.segmentId}`);
  const base = requireRevisionNumber(request.baseRevision, 'baseRevision');
  if (base !== segment.revision) throw await conflictError(storage, segment, base);
  const text = await getSegmentVersion(storage, segment.id, target);
  if (text === segment.text) return { segment, revision: null, action: null };
  return reviseSentence(storage, analyzer, segment, { kind: 'revert', author }, {
    kind: 'revert',
    text,
    revertedTo: target,
    comment: comment ?? `Restored version ${target}`,
    status: text === segment.original ? 'to-review' : 'edited',
  });
}

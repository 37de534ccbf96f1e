import { createStoredRevision } from '../history/rebuild.js';
import type { NewRevision, Storage } from '../storage/types.js';
import type { RevisionRecord, SegmentRecord } from '../model.js';
import type { Analyzer } from './document-analysis.js';
import { ServiceError, found } from './errors.js';
import { findTextProblem, readTextField, refuseField, TEXT_RULES } from './input-rules.js';
import { optionalComment, requireAuthor, requireRevisionNumber } from './validate.js';

export interface CorrectionRequest {
  segmentId: number;
  text: unknown;
  baseRevision: unknown;
  author: unknown;
  comment?: unknown;
}

export interface SaveResult {
  segment: SegmentRecord;
  /** The revision this save created; null when the text was already what was sent. */
  revision: RevisionRecord | null;
}

/**
 * Store an editor's correction as a new revision, unless someone saved since `baseRevision`:
 * then nothing is written and the conflict carries the winning text so the editor can merge.
 */
export async function correctSegment(storage: Storage, analyzer: Analyzer, request: CorrectionRequest): Promise<SaveResult> {
  const author = requireAuthor(request.author);
  const comment = optionalComment(request.comment);
  const baseRevision = requireRevisionNumber(request.baseRevision, 'baseRevision');
  const text = requireSentenceText(request.text);
  const segment = found(await storage.segments.get(request.segmentId), `Sentence ${request.segmentId}`);
  if (segment.revision !== baseRevision) throw conflictWith(segment, baseRevision);
  if (text === segment.text) return { segment, revision: null };
  return appendRevision(storage, analyzer, segment, {
    kind: 'edit', text, revertedTo: null, author, comment,
    // Editing an approved sentence sends it back for review: no silent change after approval.
    status: 'edited',
  });
}

/**
 * Append a revision built from `segment`'s current text, with the flags of its new text, turning a
 * lost race into a conflict error. Once it is committed, the analyzer looks for the other sentences
 * whose flags it changes.
 */
export async function appendRevision(
  storage: Storage,
  analyzer: Analyzer,
  segment: SegmentRecord,
  change: Pick<NewRevision, 'kind' | 'text' | 'revertedTo' | 'author' | 'comment' | 'status'>,
): Promise<SaveResult> {
  // A restore, a replacement or a suggestion makes its text from checked parts, which can still add up past the limit.
  const problem = findTextProblem(change.text, TEXT_RULES.sentence);
  if (problem) throw refuseField('text', problem, TEXT_RULES.sentence);
  const { patch, checkpoint } = createStoredRevision(segment.revision + 1, segment.text, change.text);
  const flags = await analyzer.analyseEdit(segment, change.text);
  const result = await storage.revisions.append({
    ...change,
    flags,
    // A sentence left out of the export (page noise, dropped) stays out when its text changes: only an editor brings it back.
    keepStatuses: ['excluded'],
    segmentId: segment.id, expectedRevision: segment.revision, patch, checkpoint,
  });
  if (result.ok) {
    analyzer.committed(result.segment);
    return { segment: result.segment, revision: result.revision };
  }
  if (result.reason === 'not-found') throw new ServiceError('not-found', `Sentence ${segment.id} does not exist.`);
  throw conflictWith(result.current, segment.revision);
}

/** The 409 answer: says who won and carries the winning text, so the editor's text can be merged, not lost. */
export function conflictWith(current: SegmentRecord, baseRevision: number): ServiceError {
  return new ServiceError('conflict',
    `This sentence was changed by someone else since you opened it (you edited version ${baseRevision}, `
    + `it is now at version ${current.revision}). Your text was not saved: compare it with theirs and save again.`,
    { current: { id: current.id, text: current.text, revision: current.revision, status: current.status } });
}

function requireSentenceText(value: unknown): string {
  const text = readTextField(value, 'text', TEXT_RULES.sentence);
  if (text === undefined) throw new ServiceError('invalid-input', '"text" must be the corrected sentence as a string.');
  // Surrounding whitespace belongs to the separators kept from the original, not to the sentence.
  return text.trim();
}

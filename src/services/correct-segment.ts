import type { Storage } from '../storage/types.js';
import type { Analyzer } from './document-analysis.js';
import { ServiceError, found } from './errors.js';
import { readTextField, TEXT_RULES } from './input-rules.js';
import { conflictError, describeConflict, reviseSentence, type SaveResult } from './sentence-changes.js';
import { optionalComment, requireAuthor, requireRevisionNumber } from './validate.js';

export interface CorrectionRequest {
  segmentId: number;
  text: unknown;
  baseRevision: unknown;
  /**
   * After a conflict: the newer revision the editor was shown and chose to save over (their text
   * merged, or replaced on purpose). The save then goes against it; without it, a save from the
   * old base is refused again, so nothing is overwritten unseen.
   */
  seenRevision?: unknown;
  author: unknown;
  comment?: unknown;
}

/**
 * Store an editor's correction as a new revision, unless someone saved since the revision the
 * editor worked from: then nothing is written and the conflict carries the base, their text and
 * the editor's, so the editor can merge.
 */
export async function correctSegment(storage: Storage, analyzer: Analyzer, request: CorrectionRequest): Promise<SaveResult> {
  const author = requireAuthor(request.author);
  const comment = optionalComment(request.comment);
  const baseRevision = requireRevisionNumber(request.baseRevision, 'baseRevision');
  const base = request.seenRevision === undefined || request.seenRevision === '' ? baseRevision : requireRevisionNumber(request.seenRevision, 'seenRevision');
  const text = requireSentenceText(request.text);
  const segment = found(await storage.segments.get(request.segmentId), `Sentence ${request.segmentId}`);
  if (segment.revision !== base) throw await conflictError(storage, segment, base, text);
  if (text === segment.text) return { segment, revision: null, action: null };
  return reviseSentence(storage, analyzer, segment, { kind: 'save', author }, {
    kind: 'edit', text, revertedTo: null, comment,
    // Editing an approved sentence sends it back for review: no silent change after approval.
    status: 'edited',
  });
}

/**
 * What a save of `text` from `baseRevision` would meet, without saving: null while the sentence
 * is still at that revision, else the conflict a save would answer (base, theirs, yours with word
 * diffs). The live page asks when a sentence changes under an editor who is typing in it.
 */
export async function compareWithLatest(storage: Storage, request: { segmentId: number; text: unknown; baseRevision: unknown }) {
  const baseRevision = requireRevisionNumber(request.baseRevision, 'baseRevision');
  const text = requireSentenceText(request.text);
  const segment = found(await storage.segments.get(request.segmentId), `Sentence ${request.segmentId}`);
  return segment.revision === baseRevision ? null : describeConflict(storage, segment, baseRevision, text);
}

function requireSentenceText(value: unknown): string {
  const text = readTextField(value, 'text', TEXT_RULES.sentence);
  if (text === undefined) throw new ServiceError('invalid-input', '"text" must be the corrected sentence as a string.');
  // Surrounding whitespace belongs to the separators kept from the original, not to the sentence.
  return text.trim();
}

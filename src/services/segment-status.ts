import type { Storage } from '../storage/types.js';
import type { ActionRecord, DocumentEventRecord, SegmentRecord, SegmentStatus } from '../model.js';
import { ServiceError } from './errors.js';
import { readTextField, TEXT_RULES } from './input-rules.js';
import { changeSentence } from './sentence-changes.js';
import { requireAuthor, requireRevisionNumber } from './validate.js';

/** The statuses an editor sets by hand; "edited" only ever comes from a change of text. */
export const SETTABLE_STATUSES: readonly SegmentStatus[] = ['to-review', 'approved', 'excluded'];

export interface StatusRequest {
  segmentId: number;
  status: unknown;
  baseRevision: unknown;
  author: unknown;
}

/**
 * Approve a sentence (read and found fine), exclude it from the export, or send it back to
 * review. Refused with a conflict when the text changed since the editor read it.
 */
export async function setSegmentStatus(
  storage: Storage, request: StatusRequest,
): Promise<{ segment: SegmentRecord; event: DocumentEventRecord; action: ActionRecord }> {
  const author = requireAuthor(request.author);
  const baseRevision = requireRevisionNumber(request.baseRevision, 'baseRevision');
  if (!SETTABLE_STATUSES.includes(request.status as SegmentStatus)) {
    throw new ServiceError('invalid-input', `"status" must be one of ${SETTABLE_STATUSES.join(', ')}.`);
  }
  const { action, outcome } = await changeSentence(storage, null, { kind: 'status', author }, {
    type: 'status', segmentId: request.segmentId, expectedRevision: baseRevision, status: request.status as SegmentStatus,
  });
  return { segment: outcome.segment, event: outcome.event, action };
}

/** Add a comment to a sentence's history without changing its text. */
export async function commentOnSegment(storage: Storage, request: { segmentId: number; body: unknown; author: unknown }): Promise<DocumentEventRecord> {
  const author = requireAuthor(request.author);
  const body = readTextField(request.body, 'body', TEXT_RULES.comment)?.trim() ?? '';
  if (body === '') throw new ServiceError('invalid-input', 'The comment is empty.');
  const comment = await storage.events.addComment({ segmentId: request.segmentId, body, author });
  if (!comment) throw new ServiceError('not-found', `Sentence ${request.segmentId} does not exist.`);
  return comment;
}

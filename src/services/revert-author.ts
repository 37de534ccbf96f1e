import type { ActionRecord, SegmentRecord } from '../model.js';
import type { RevisionChange, Storage } from '../storage/types.js';
import { groupBySegment } from './analyzed-segments.js';
import type { Analyzer } from './document-analysis.js';
import { getDocument } from './documents.js';
import { ServiceError } from './errors.js';
import { getSegmentVersion } from './segment-history.js';
import { recordAction, reviseText } from './sentence-changes.js';
import { readMoment, requireAuthor } from './validate.js';

export interface RevertAuthorRequest {
  documentId: number;
  /** Whose edits to undo. */
  author: unknown;
  from: unknown;
  to: unknown;
  /** Who undoes them (recorded on the new revisions). */
  by: unknown;
}

export interface RevertAuthorOutcome {
  /** The undo as one action (undone in turn as one); null when no sentence was changed. */
  action: ActionRecord | null;
  reverted: SegmentRecord[];
  /** Sentences someone else changed after the author: undoing would throw their work away, so they are left for a person. */
  skipped: { segmentId: number; position: number; editedAfterBy: string }[];
}

/**
 * Undo every edit one author made to a document in a time span, one new revision per sentence
 * (history is never rewritten). A sentence is restored to its text before the author's first
 * edit in the span, unless someone else edited it after the author: that one is skipped and reported.
 */
export async function revertAuthorEdits(storage: Storage, analyzer: Analyzer, request: RevertAuthorRequest): Promise<RevertAuthorOutcome> {
  const author = requireAuthor(request.author);
  const by = requireAuthor(request.by);
  const from = readMoment(request.from, 'from');
  // A minute typed as the end ("14:30") includes the edits made during that minute.
  const to = readMoment(request.to, 'to', { endOfMinute: true });
  if (from > to) throw new ServiceError('invalid-input', '"from" must be before "to".');
  const { segments } = await getDocument(storage, request.documentId);
  // By sentence, in one pass: a filter per sentence would take time in the square of a long article.
  const bySegment = groupBySegment(await storage.revisions.listByDocument(request.documentId));
  const outcome: RevertAuthorOutcome = { action: null, reverted: [], skipped: [] };
  const changes: RevisionChange[] = [];
  for (const segment of segments) {
    const own = bySegment.get(segment.id) ?? [];
    const inSpan = own.filter((revision) => revision.number > 0 && revision.author === author
      && revision.createdAt >= from && revision.createdAt <= to);
    if (inSpan.length === 0) continue;
    const first = inSpan[0]!;
    const later = own.find((revision) => revision.number > first.number && !inSpan.includes(revision));
    if (later) {
      outcome.skipped.push({ segmentId: segment.id, position: segment.position, editedAfterBy: later.author });
      continue;
    }
    const text = await getSegmentVersion(storage, segment.id, first.number - 1);
    if (text === segment.text) continue;
    changes.push(await reviseText(analyzer, segment, {
      kind: 'revert', text, revertedTo: first.number - 1, comment: `Undid the edits of ${author} between ${from} and ${to}`,
      status: text === segment.original ? 'to-review' : 'edited',
    }));
  }
  if (changes.length === 0) return outcome;
  const recorded = await recordAction(storage, analyzer, { kind: 'revert-author', author: by }, changes);
  outcome.action = recorded.action;
  recorded.outcomes.forEach((result, index) => {
    if (result.ok) {
      outcome.reverted.push(result.segment);
      return;
    }
    // Someone saved this sentence while the undo ran: theirs is newer, so it is left for a person.
    const segment = segments.find((candidate) => candidate.id === changes[index]!.segmentId)!;
    outcome.skipped.push({ segmentId: segment.id, position: segment.position, editedAfterBy: 'someone, just now' });
  });
  return outcome;
}

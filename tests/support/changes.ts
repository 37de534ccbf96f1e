import type { SegmentRecord, SegmentStatus } from '../../src/model.js';
import type { RecordedAction, RevisionChange, Storage } from '../../src/storage/types.js';

/** An edit of `segment` from its current revision to `text` (the patch replaces the whole text), as a save asks for it. */
export function editOf(segment: Pick<SegmentRecord, 'id' | 'revision' | 'text'>, text: string, extra: Partial<RevisionChange> = {}): RevisionChange {
  return {
    type: 'revision', segmentId: segment.id, expectedRevision: segment.revision, kind: 'edit', text, patch: [['-', segment.text], ['+', text]],
    checkpoint: null, revertedTo: null, status: 'edited', comment: null, ...extra,
  };
}

/** Save an edit of `segment` as an action of its own, by `author` (default "ana"). */
export function recordEdit(
  storage: Storage, segment: Pick<SegmentRecord, 'id' | 'revision' | 'text'>, text: string, { author = 'ana', ...extra }: Partial<RevisionChange> & { author?: string } = {},
): Promise<RecordedAction> {
  return storage.actions.record({ kind: 'save', author }, [editOf(segment, text, extra)]);
}

/** Set a sentence's status at the revision the editor saw, as an action of its own. */
export function recordStatus(
  storage: Storage, change: { segmentId: number; expectedRevision: number; status: SegmentStatus; author: string },
): Promise<RecordedAction> {
  return storage.actions.record({ kind: 'status', author: change.author }, [
    { type: 'status', segmentId: change.segmentId, expectedRevision: change.expectedRevision, status: change.status },
  ]);
}

/** Dismiss a flag, as an action of its own. */
export function recordDismissal(
  storage: Storage, dismissal: { segmentId: number; checkId: string; spanText: string; author: string },
): Promise<RecordedAction> {
  return storage.actions.record({ kind: 'dismissal', author: dismissal.author }, [
    { type: 'dismissal', segmentId: dismissal.segmentId, checkId: dismissal.checkId, spanText: dismissal.spanText },
  ]);
}

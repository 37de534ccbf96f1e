import type { ActionKind, ActionRecord, DismissalRecord, DocumentEventRecord, SegmentRecord } from '../model.js';
import type { SentenceChange, Storage } from '../storage/types.js';
import { ServiceError, found } from './errors.js';
import { getSegmentVersion } from './segment-history.js';
import type { Analyzer } from './document-analysis.js';
import { recordAction, reviseText } from './sentence-changes.js';
import { requireAuthor } from './validate.js';

/** The events an undo reverses; comments, renames and the like are not part of an action. */
const UNDOABLE_TYPES = new Set<DocumentEventRecord['type']>(['revision', 'status', 'dismissal', 'dismissal-restore']);

/** What an editor calls each kind of action, in "Undid the applied suggestion by Ana". */
const ACTION_NAMES: Record<ActionKind, string> = {
  save: 'edit',
  suggestion: 'applied suggestion',
  revert: 'restored version',
  status: 'status change',
  dismissal: 'dismissed flag',
  'dismissal-restore': 'restored flag',
  replace: 'search and replace',
  propagation: 'same change made elsewhere',
  'revert-author': "undo of an author's edits",
  undo: 'undo',
};

/** One part of an action that was not undone, and why: what the editor needs to see. */
export interface UndoRefusal {
  eventId: number;
  segmentId: number;
  documentId: number;
  /** `changed`: the sentence moved on since (someone's later change would be lost); `already-undone`. */
  reason: 'changed' | 'already-undone';
  /** The sentence as it is now. */
  current: Pick<SegmentRecord, 'id' | 'text' | 'revision' | 'status'> | null;
  /** The latest change to the sentence after the action's: who made it, and when. */
  changedBy: Pick<DocumentEventRecord, 'author' | 'createdAt' | 'type'> | null;
}

export interface UndoOutcome {
  /** The undo, itself an action (undoing it makes the change again). */
  action: ActionRecord;
  undone: { eventId: number; segment: SegmentRecord }[];
  refused: UndoRefusal[];
}

/** "applied suggestion by Ana", for messages and the comment an undo leaves on its revisions. */
export function describeAction(action: Pick<ActionRecord, 'kind' | 'author'>): string {
  return `${ACTION_NAMES[action.kind]} by ${action.author}`;
}

/**
 * Undo an action: each of its changes is reversed, as a new revision, status, dismissal or
 * restore naming the change it undoes (nothing is deleted), all as one new action. A change is
 * reversed only while its sentence is as the action left it: once someone else changed it, its
 * undo would throw their work away, so that part is refused and reported. The other parts of a
 * batch are still undone (a later undo of the same action retries the refused ones); when no part
 * can be, nothing is written and the answer is a conflict carrying the refusals.
 */
export async function undoAction(storage: Storage, analyzer: Analyzer, request: { actionId: number; author: unknown }): Promise<UndoOutcome> {
  const author = requireAuthor(request.author);
  const action = found(await storage.actions.get(request.actionId), `Action ${request.actionId}`);
  const events = (await storage.actions.listEvents(action.id)).filter((event) => UNDOABLE_TYPES.has(event.type));
  if (events.length === 0) throw new ServiceError('not-found', `Action ${action.id} has nothing left to undo.`);
  const refused: UndoRefusal[] = [];
  const attempted: DocumentEventRecord[] = [];
  const changes: SentenceChange[] = [];
  // Last change first, as an editor undoes steps.
  for (const event of [...events].reverse()) {
    const segment = await storage.segments.get(event.segmentId!);
    if (event.undoneBy !== null || !segment) {
      refused.push(await describeRefusal(storage, event, segment, event.undoneBy !== null ? 'already-undone' : 'changed'));
      continue;
    }
    const change = await reverseChange(storage, analyzer, event, segment, action);
    if (!change) {
      refused.push(await describeRefusal(storage, event, segment, 'changed'));
      continue;
    }
    attempted.push(event);
    changes.push(change);
  }
  const recorded = changes.length === 0 ? { action: null, outcomes: [] } : await recordAction(storage, analyzer, { kind: 'undo', author, undoes: action.id }, changes);
  const undone: UndoOutcome['undone'] = [];
  for (const [index, outcome] of recorded.outcomes.entries()) {
    const event = attempted[index]!;
    if (outcome.ok) undone.push({ eventId: event.id, segment: outcome.segment });
    else refused.push(await describeRefusal(storage, event, outcome.reason === 'conflict' ? outcome.current : undefined, 'changed'));
  }
  if (!recorded.action) throw refuseUndo(action, refused);
  return { action: recorded.action, undone, refused };
}

/**
 * Whether an event of an action can be undone now, as far as the sentence tells (`dismissals`:
 * those in force on it): for the history page's Undo buttons. The undo itself decides in its transaction.
 */
export function canUndoEvent(event: DocumentEventRecord, segment: SegmentRecord, dismissals: readonly DismissalRecord[]): boolean {
  if (event.actionId === null || event.undoneBy !== null || !UNDOABLE_TYPES.has(event.type)) return false;
  if (event.type === 'revision' || event.type === 'status') {
    return event.previousStatus !== null && segment.revision === event.revision && segment.status === event.status;
  }
  const inForce = dismissals.some((dismissal) => dismissal.checkId === event.checkId && dismissal.spanText === event.spanText);
  return event.type === 'dismissal' ? inForce : !inForce;
}

/** The change that reverses `event`, or undefined when its sentence has moved on since. */
async function reverseChange(
  storage: Storage, analyzer: Analyzer, event: DocumentEventRecord, segment: SegmentRecord, action: ActionRecord,
): Promise<SentenceChange | undefined> {
  const undoesEvent = event.id;
  if (event.type === 'dismissal' || event.type === 'dismissal-restore') {
    return { type: event.type === 'dismissal' ? 'dismissal-restore' : 'dismissal', segmentId: segment.id, checkId: event.checkId!, spanText: event.spanText!, undoesEvent };
  }
  if (segment.revision !== event.revision || segment.status !== event.status || event.previousStatus === null) return undefined;
  if (event.type === 'status') {
    return { type: 'status', segmentId: segment.id, expectedRevision: segment.revision, expectedStatus: event.status, status: event.previousStatus, undoesEvent };
  }
  const revertedTo = segment.revision - 1;
  return reviseText(analyzer, segment, {
    kind: 'revert', text: await getSegmentVersion(storage, segment.id, revertedTo), revertedTo, status: event.previousStatus,
    comment: `Undid the ${describeAction(action)}`, expectedStatus: event.status, undoesEvent,
  });
}

async function describeRefusal(
  storage: Storage, event: DocumentEventRecord, segment: SegmentRecord | undefined, reason: UndoRefusal['reason'],
): Promise<UndoRefusal> {
  const later = segment ? (await storage.events.listBySegment(segment.id)).filter((other) => other.id > event.id && other.type !== 'comment') : [];
  const last = later.at(-1);
  return {
    eventId: event.id, segmentId: event.segmentId!, documentId: event.documentId, reason,
    current: segment ? { id: segment.id, text: segment.text, revision: segment.revision, status: segment.status } : null,
    changedBy: last ? { author: last.author, createdAt: last.createdAt, type: last.type } : null,
  };
}

/** The 409 of an undo that could undo nothing. */
function refuseUndo(action: ActionRecord, refused: UndoRefusal[]): ServiceError {
  const what = `the ${describeAction(action)}`;
  const message = refused.every((refusal) => refusal.reason === 'already-undone')
    ? `Nothing to undo: ${what} was undone already.`
    : refused.length === 1 && refused[0]!.changedBy
      ? `Cannot undo ${what}: ${refused[0]!.changedBy.author} changed this sentence since. Nothing was undone; `
        + 'undoing would throw their change away (look at the sentence\'s history).'
      : `Cannot undo ${what}: ${refused.length === 1 ? 'its sentence was' : 'its sentences were'} changed since. Nothing was undone.`;
  return new ServiceError('conflict', message, { refused });
}

import type { ActionKind, DocumentEventRecord, StoredEnglishVariant } from '../model.js';
import { ENGLISH_VARIANT_NAMES } from '../services/english-variant.js';
import type { AnalyzedSegment } from '../services/analyzed-segments.js';
import { describeAction } from '../services/undo-action.js';
import { toSegmentJson } from './segment-views.js';

/** How the history and timeline name what an action did, after the author's name ("Ana applied a suggestion"). */
const ACTION_VERBS: Partial<Record<ActionKind, string>> = {
  suggestion: 'applied a suggestion',
  replace: 'replaced text',
  propagation: 'made the same change as elsewhere',
  'revert-author': "undid an author's edits",
};

/** What the Undo button of a history entry says, by the kind of action it undoes. */
const UNDO_LABELS: Record<ActionKind, string> = {
  save: 'Undo this edit',
  suggestion: 'Undo this suggestion',
  revert: 'Undo this restore',
  status: 'Undo this status',
  dismissal: 'Undo this dismissal',
  'dismissal-restore': 'Undo this restore',
  replace: 'Undo this replace (every sentence it changed)',
  propagation: 'Undo this change (every sentence it changed)',
  'revert-author': 'Undo this undo (every sentence it changed)',
  undo: 'Redo (undo the undo)',
};

/** The part of an entry that says which action made it and whether it can be undone from here. */
export interface ActionView {
  actionId: number | null;
  actionKind: ActionKind | null;
  /** "undid the applied suggestion by Ana": set for the changes of an undo. */
  undid: string | null;
  /** The Undo button, when the action can be undone now. */
  undo: { actionId: number; label: string } | null;
}

/**
 * What an event of an action says about that action. `undone` is the event it undid (for an
 * undo), `undoable` whether it can be undone now (see canUndoEvent).
 */
export function toActionView(event: DocumentEventRecord | undefined, undone: DocumentEventRecord | undefined, undoable: boolean): ActionView {
  if (!event) return { actionId: null, actionKind: null, undid: null, undo: null };
  return {
    actionId: event.actionId,
    actionKind: event.actionKind,
    undid: undone?.actionKind ? `undid the ${describeAction({ kind: undone.actionKind, author: undone.author })}` : null,
    undo: undoable && event.actionId !== null && event.actionKind ? { actionId: event.actionId, label: UNDO_LABELS[event.actionKind] } : null,
  };
}

/**
 * What happened, as the words after the author's name in a timeline or history line: "set the
 * status to approved", "dismissed the flag “tenant” (false-friends)". `revisionKind` and
 * `revertedTo` describe a revision.
 */
export function describeEvent(event: DocumentEventRecord, revision?: { kind: string; revertedTo: number | null } | null): string {
  if (event.actionKind === 'undo' && event.type !== 'comment') return describeUndo(event, revision);
  switch (event.type) {
    case 'import': return 'imported the article';
    case 'revision':
      if (revision?.kind === 'revert') return `restored version ${revision.revertedTo}`;
      return (event.actionKind && ACTION_VERBS[event.actionKind]) ?? 'edited';
    case 'status': return `set the status to ${(event.status ?? '').replace('-', ' ')}`;
    case 'comment': return 'commented';
    case 'dismissal': return `dismissed the flag on “${event.spanText}” (${event.checkId})`;
    case 'dismissal-restore': return `restored the flag on “${event.spanText}” (${event.checkId})`;
    case 'rename': return `renamed the document “${event.body}”`;
    case 'archive': return 'archived the document';
    case 'unarchive': return 'brought the document back from the archive';
    case 'source': return event.segmentId === null ? `attached the source text${event.body ? ` (${event.body})` : ''}` : 'corrected the link to the source';
    case 'rule': return `changed a rule of this document (“${event.body}”)`;
    case 'variant': return `set the English variant to ${ENGLISH_VARIANT_NAMES[event.body as StoredEnglishVariant] ?? event.body}`;
  }
}

/** What the change of an undo put back, from the event alone (the timeline does not read the event it undid). */
function describeUndo(event: DocumentEventRecord, revision?: { kind: string; revertedTo: number | null } | null): string {
  switch (event.type) {
    case 'revision': return revision?.revertedTo != null ? `undid an edit (back to version ${revision.revertedTo})` : 'undid an edit';
    case 'status': return `undid a status change (back to “${(event.status ?? '').replace('-', ' ')}”)`;
    case 'dismissal-restore': return `undid the dismissal of the flag on “${event.spanText}” (${event.checkId})`;
    case 'dismissal': return `undid the restore of the flag on “${event.spanText}” (${event.checkId})`;
    default: return 'undid a change';
  }
}

/** What the API says about one event of a document: the change, its action, and the sentence as it is now. */
export function toEventJson(event: DocumentEventRecord, segment: AnalyzedSegment | null = null) {
  return {
    id: event.id,
    type: event.type,
    documentId: event.documentId,
    segmentId: event.segmentId,
    author: event.author,
    createdAt: event.createdAt,
    action: toActionJson(event),
    revision: event.revision,
    status: event.status,
    previousStatus: event.previousStatus,
    checkId: event.checkId,
    spanText: event.spanText,
    body: event.body,
    undoesEvent: event.undoesEvent,
    segment: segment && toSegmentJson(segment),
  };
}

/** The action an event is part of, as the API names it. */
export function toActionJson(event: DocumentEventRecord | undefined) {
  return event?.actionId ? { id: event.actionId, kind: event.actionKind, undoes: event.undoesAction } : null;
}

import type { ActionRecord } from '../model.js';
import { describeAction } from '../services/undo-action.js';

/** The notice a page shows after a change made without JavaScript: what was done, and a form to undo it. */
export interface UndoOffer {
  actionId: number;
  /** "applied suggestion by Ana" */
  what: string;
  isUndo: boolean;
  /** Where the undo form comes back to (this page, without the offer). */
  returnTo: string;
}

export function toUndoOffer(action: ActionRecord, returnTo: string): UndoOffer {
  return { actionId: action.id, what: describeAction(action), isUndo: action.kind === 'undo', returnTo };
}

// Every change made with one key or one click can be taken back: a notice says what was done,
// with Undo (its button, or z / Ctrl+Z outside a text box) for as long as it shows. The server
// undoes the whole action (a batch as one) and refuses the parts someone changed since.

import { sendJson } from './api.js';
import { isTyping } from './keyboard.js';
import { clearNotice, notify } from './page.js';
import { redrawById } from './segments.js';

/** How long the notice offers Undo: long enough to notice a wrong key and reach for z. */
const OFFER_MS = 15_000;

let offered = null;
/** The actions made on this page, so the live stream does not report them as someone else's. */
const ownActions = new Set();

/** Whether this page made the action with this id. */
export function isOwnAction(actionId) {
  return ownActions.has(actionId);
}

/** Show the Undo notice of an action just made on this page (`what`: "Suggestion applied"). */
export function offerUndo(action, what) {
  if (!action) return;
  ownActions.add(action.id);
  withdrawUndo();
  clearNotice();
  const notice = document.createElement('div');
  notice.className = 'undo-bar';
  notice.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.textContent = `${what}.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = action.kind === 'undo' ? 'Redo' : 'Undo';
  button.title = 'Undo (z)';
  button.addEventListener('click', () => void undoOffered());
  const key = document.createElement('kbd');
  key.textContent = 'z';
  notice.append(message, ' ', button, ' ', key);
  document.body.append(notice);
  offered = { action, notice, timer: setTimeout(withdrawUndo, OFFER_MS) };
}

/** Undo the action the notice offers; false when none is offered. */
export function undoOffered() {
  if (!offered) return false;
  const { action } = offered;
  withdrawUndo();
  void undoAction(action);
  return true;
}

async function undoAction(action) {
  const { ok, result, error } = await sendJson('POST', `/api/actions/${action.id}/undo`);
  if (!ok) {
    notify(error.refused?.length ? describeRefusals(error.refused) : error.message);
    return;
  }
  await redrawById(result.undone.map((undone) => undone.segmentId));
  const count = result.undone.length;
  const refused = result.refused.length ? ` ${describeRefusals(result.refused)}` : '';
  offerUndo(result.action, `Undone${count > 1 ? ` on ${count} sentences` : ''}${refused ? ` (${result.refused.length} left as they are)` : ''}`);
  if (refused) notify(refused.trim());
}

function describeRefusals(refused) {
  const changed = refused.filter((refusal) => refusal.reason === 'changed');
  if (changed.length === 0) return 'This was already undone.';
  const names = [...new Set(changed.map((refusal) => refusal.changedBy?.author).filter(Boolean))];
  const who = names.length ? ` by ${names.join(', ')}` : '';
  return `${changed.length === 1 ? 'The sentence was' : `${changed.length} sentences were`} changed since${who}: not undone, so their work stays.`;
}

function withdrawUndo() {
  if (!offered) return;
  clearTimeout(offered.timer);
  offered.notice.remove();
  offered = null;
}

/**
 * z or Ctrl+Z outside a text box undoes: the notice of this page's last change, else the Undo
 * form a page drew after a change made without the script (a replace batch, a restore).
 */
export function enableUndoKey() {
  // The notice a page drew after a change made without this script says the key works too.
  const button = document.querySelector('.undo-notice form button');
  if (button) button.insertAdjacentHTML('afterend', ' <span class="hint">or press <kbd>z</kbd></span>');
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.shiftKey || event.target.closest?.('dialog') || isTyping(event.target)) return;
    const plainZ = event.key === 'z' && !event.ctrlKey && !event.metaKey;
    const controlZ = event.key.toLowerCase() === 'z' && (event.ctrlKey || event.metaKey);
    if (!plainZ && !controlZ) return;
    if (undoOffered()) {
      event.preventDefault();
      return;
    }
    const form = document.querySelector('.undo-notice form');
    if (form) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

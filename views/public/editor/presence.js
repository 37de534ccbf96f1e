// Who has which sentence open: this page says when its editor opens a sentence and when it
// closes it (repeated while open, as the server forgets a presence after a minute), and draws
// the others' names, as the live stream sends them, on the sentences they have open.

import { sendJson } from './api.js';
import { buildElement } from './build-element.js';

/** How often an open sentence is announced again; the server forgets one after 60 s. */
const REPEAT_MS = 30_000;

/** This page's user, who is never shown as editing beside themselves. */
const me = document.querySelector('.user-name')?.textContent ?? '';
/** Who has which sentence open, as the stream last said. */
let editors = [];

/**
 * Watch the page's editor `form` (it moves into a sentence and shows, or hides) and announce each
 * sentence it opens and closes; `onClose(segmentId)` is called after a close.
 */
export function announceEditing(form, { onClose }) {
  let openId = null;
  let timer;
  const announce = (id, open) => void sendJson('POST', `/api/segments/${id}/presence`, { open });
  const check = () => {
    const segment = form.hidden ? null : form.closest('.segment');
    const id = segment?.dataset.segment ?? null;
    if (id === openId) return;
    if (openId !== null) {
      announce(openId, false);
      onClose(openId);
    }
    clearInterval(timer);
    openId = id;
    if (id !== null) {
      announce(id, true);
      timer = setInterval(() => announce(id, true), REPEAT_MS);
    }
  };
  // The form is hidden, moved and shown again by the editor's own code; its `hidden` changing
  // (and the sentence it sits in) is all there is to follow.
  new MutationObserver(check).observe(form, { attributes: true, attributeFilter: ['hidden'] });
  window.addEventListener('pagehide', () => {
    if (openId !== null) announce(openId, false);
  });
}

/** Draw "NAME is editing" on each sentence others have open (`list`: the stream's presence list), and on no other. */
export function showPresence(list) {
  editors = list;
  const names = new Map();
  for (const editor of editors) {
    if (editor.author === me) continue;
    const list = names.get(editor.segmentId) ?? [];
    if (!list.includes(editor.author)) list.push(editor.author);
    names.set(editor.segmentId, list);
  }
  for (const badge of document.querySelectorAll('.presence')) {
    if (!names.has(Number(badge.closest('.segment')?.dataset.segment))) badge.remove();
  }
  for (const [segmentId, list] of names) {
    const segment = document.getElementById(`segment-${segmentId}`);
    if (!segment) continue;
    const text = `${list.join(' and ')} ${list.length === 1 ? 'is' : 'are'} editing`;
    const badge = segment.querySelector('.presence') ?? buildElement('p', { className: 'presence' });
    badge.textContent = text;
    if (!badge.isConnected) segment.querySelector('.line').after(badge);
  }
}

/** Draw again the presence badge a redraw of `segment` took away. */
export function keepPresence(segment) {
  if (editors.some((editor) => editor.segmentId === Number(segment.dataset.segment))) showPresence(editors);
}

// The offer of a sentence's unsaved draft: "You have an unsaved draft from 14:02 — Restore / Discard",
// saying when the sentence has changed since the draft was started.

import { describeDraftTime } from './drafts.js';

/** A notice offering `draft` back for a sentence now at `currentRevision`; the buttons call `onRestore` and `onDiscard`. */
export function buildDraftOffer(draft, currentRevision, { onRestore, onDiscard }) {
  const notice = document.createElement('div');
  notice.className = 'notice draft-offer';
  notice.setAttribute('role', 'status');
  const message = document.createElement('p');
  message.textContent = `You have an unsaved draft from ${describeDraftTime(draft.savedAt)}.`;
  if (draft.baseRevision !== currentRevision) {
    message.textContent += ` It was started from version ${draft.baseRevision}; the sentence has changed since (now version ${currentRevision}), so saving it will show you the other text first.`;
  }
  const preview = document.createElement('p');
  preview.className = 'draft-text';
  preview.textContent = draft.text;
  const restore = document.createElement('button');
  restore.type = 'button';
  restore.className = 'restore';
  restore.textContent = 'Restore';
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'quiet discard-draft';
  discard.textContent = 'Discard';
  restore.addEventListener('click', onRestore);
  discard.addEventListener('click', onDiscard);
  const row = document.createElement('p');
  row.append(restore, ' ', discard);
  notice.append(message, preview, row);
  return notice;
}

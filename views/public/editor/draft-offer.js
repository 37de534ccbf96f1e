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

/**
 * A notice for drafts of sentences that are on other pages of the document (a long document shows
 * a page at a time): one link each, which opens the page holding the sentence.
 */
export function buildDraftsElsewhereNotice(documentId, drafts) {
  const notice = document.createElement('div');
  notice.className = 'notice drafts-elsewhere';
  notice.setAttribute('role', 'status');
  const message = document.createElement('p');
  message.append(drafts.length === 1 ? 'You have an unsaved draft on another page of this document: ' : `You have ${drafts.length} unsaved drafts on other pages of this document: `);
  drafts.forEach(({ segmentId, savedAt }, index) => {
    const link = document.createElement('a');
    link.href = `/documents/${documentId}?sentence=${segmentId}`;
    link.textContent = `a draft from ${describeDraftTime(savedAt)}`;
    message.append(index ? ', ' : '', link);
  });
  message.append('.');
  notice.append(message);
  return notice;
}

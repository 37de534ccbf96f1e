// Actions on one sentence: save, status, flags. Each goes through the JSON API, then the
// sentence is redrawn from the server's own markup so the page never drifts from the truth. The
// editor itself, which moves into the sentence being edited, is sentence-editor.js.

import { fetchSegmentElement, sendJson } from './api.js';
import { allSegments, notify, refreshProgress } from './page.js';
import { keepPresence } from './presence.js';
import { offerPropagation } from './propagation.js';
import {
  closeSavedEditor, editedSegment, editorFields, enableDrafts, mayCloseEditor, openEditor, putEditorAway,
  selectClickedWord, selectionIn, showDraftOffer, showSaveError,
} from './sentence-editor.js';
import { offerUndo } from './undo.js';

/** Replace a sentence with the server's rendering of it; returns the new element. */
export async function redraw(segment) {
  const fresh = await fetchSegmentElement(segment.dataset.segment);
  if (!fresh) {
    notify('Saved, but the sentence could not be redrawn: reload the page.');
    return segment;
  }
  if (editedSegment() === segment) putEditorAway();
  replaceSegment(segment, fresh);
  fresh.classList.add('saved');
  showDraftOffer(fresh);
  void refreshProgress();
  return fresh;
}

/**
 * Put a sentence's new markup in place of the old one, with its presence, and the focus if the old
 * one had it: the keys act on the focused sentence, so a redraw (an undo, another editor's change)
 * must not drop the focus to the page.
 */
export function replaceSegment(segment, fresh) {
  const focused = segment.contains(document.activeElement);
  segment.replaceWith(fresh);
  keepPresence(fresh);
  if (focused) fresh.querySelector('.sentence').focus({ preventScroll: true });
}

/** Redraw the sentences with these ids that are on this page. */
export async function redrawById(ids) {
  for (const id of ids) {
    const segment = document.getElementById(`segment-${id}`);
    if (segment) await redraw(segment);
  }
}

/**
 * The next sentence after `segment` that still needs review on this page; past the page's last,
 * the server's next one to review (on another page); then the page's first ones again. Null when none is left.
 */
export function nextToReview(segment) {
  const segments = allSegments();
  const start = segments.indexOf(segment);
  const later = segments.slice(start + 1).find((candidate) => candidate.classList.contains('to-review'));
  if (later) return later;
  const beyond = document.querySelector('.article')?.dataset.nextToReview;
  if (beyond) return { elsewhere: beyond };
  return segments.slice(0, start).find((candidate) => candidate.classList.contains('to-review')) ?? null;
}

/** Save the open editor; `advance` opens the next sentence to review. */
export async function saveSentence({ advance }) {
  const segment = editedSegment();
  const fields = segment && editorFields();
  if (!fields) return;
  const { ok, result, error } = await sendJson('PUT', `/api/segments/${segment.dataset.segment}`, fields);
  if (!ok) {
    showSaveError(error);
    return;
  }
  closeSavedEditor();
  const fresh = await redraw(segment);
  if (result.changed) offerUndo(result.action, `Saved as version ${result.segment.revision}`);
  else notify('No change to save.');
  const next = advance ? nextToReview(fresh) : null;
  if (next?.elsewhere) goToSentence(next.elsewhere);
  else if (next) void openEditor(next);
  else fresh.querySelector('.sentence').focus();
  if (result.changed) void offerPropagation(fresh.dataset.segment);
}

/** Open the page (under the same filter) that holds sentence `id`, focused on it. */
export function goToSentence(id) {
  const article = document.querySelector('.article[data-document]');
  const filter = article.dataset.filter ? `${article.dataset.filter}&` : '';
  window.location.assign(`/documents/${article.dataset.document}?${filter}sentence=${id}`);
}

/** Set a sentence's status (approve, exclude, include, reopen). */
export async function setStatus(segment, status) {
  if (!(await mayDropEdit(segment))) return;
  const { ok, result, error } = await sendJson('POST', `/api/segments/${segment.dataset.segment}/status`, {
    status, baseRevision: Number(segment.dataset.revision),
  });
  if (!ok) {
    notify(error.message);
    return;
  }
  const fresh = await redraw(segment);
  fresh.querySelector('.sentence').focus();
  offerUndo(result.action, `Status: ${status.replace('-', ' ')}`);
}

/** Apply one of a flag's suggestions (`suggestion`, its index) or dismiss the flag (`suggestion` null). */
export async function reviewFlag(segment, item, suggestion) {
  if (!(await mayDropEdit(segment))) return;
  const flag = { checkId: item.dataset.check, start: Number(item.dataset.start), end: Number(item.dataset.end), baseRevision: Number(segment.dataset.revision) };
  const apply = suggestion !== null;
  const { ok, result, error } = await sendJson('POST', `/api/segments/${segment.dataset.segment}/${apply ? 'apply-suggestion' : 'dismissals'}`,
    apply ? { ...flag, suggestion } : flag);
  if (!ok) {
    notify(error.message);
    return;
  }
  const fresh = await redraw(segment);
  fresh.querySelector('.sentence').focus();
  offerUndo(result.action, apply ? `Suggestion applied: version ${result.segment.revision}` : 'Flag dismissed');
  if (apply) void offerPropagation(fresh.dataset.segment);
}

// An action that redraws a sentence drops what its open editor holds: ask first.
async function mayDropEdit(segment) {
  return editedSegment() !== segment || mayCloseEditor();
}

/** Answer the clicks of every sentence on the page (one listener, whatever the number of sentences) and the editor's buttons. */
export function enhanceSegments(article) {
  const form = document.querySelector('form.segment-form');
  article.classList.toggle('editable', form !== null);
  article.addEventListener('click', (event) => {
    const segment = event.target.closest('.segment');
    if (!segment || event.target.closest('form.segment-form')) return;
    const status = event.target.closest('button[data-status]');
    const flagButton = event.target.closest('.flag-item button');
    if (status) {
      void setStatus(segment, status.dataset.status);
    } else if (flagButton) {
      void reviewFlag(segment, flagButton.closest('.flag-item'), flagButton.classList.contains('apply') ? Number(flagButton.dataset.suggestion) : null);
    } else if (form && (event.target.closest('a.edit') || event.target.closest('.sentence'))) {
      event.preventDefault();
      // A click in the text edits there: the caret where it landed, or the words a drag selected.
      void openEditor(segment, event.target.closest('.sentence') ? selectionIn(segment) : null);
    }
  });
  article.addEventListener('dblclick', (event) => {
    if (form && event.target.closest('.sentence')?.closest('.segment') === editedSegment()) selectClickedWord();
  });
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveSentence({ advance: false });
  });
  enableDrafts();
}

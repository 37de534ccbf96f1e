// Actions on one sentence: edit, save, status, flags. Each goes through the JSON API, then the
// sentence is redrawn from the server's own markup so the page never drifts from the truth.

import { fetchSegmentElement, fieldsOf, sendJson } from './api.js';
import { allSegments, notify, refreshProgress } from './page.js';
import { offerPropagation } from './propagation.js';

export function openEditor(segment) {
  const details = segment.querySelector('details.editor');
  details.open = true;
  const textarea = details.querySelector('textarea');
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
}

export function closeEditor(segment) {
  const details = segment.querySelector('details.editor');
  const textarea = details.querySelector('textarea');
  textarea.value = textarea.defaultValue;
  details.querySelector('.notice')?.remove();
  details.open = false;
  segment.querySelector('.sentence').focus();
}

/** Replace a sentence with the server's rendering of it; returns the new element. */
export async function redraw(segment) {
  const fresh = await fetchSegmentElement(segment.dataset.segment);
  if (!fresh) {
    notify('Saved, but the sentence could not be redrawn: reload the page.');
    return segment;
  }
  segment.replaceWith(fresh);
  fresh.classList.add('saved');
  enhanceSegment(fresh);
  void refreshProgress();
  return fresh;
}

/** Redraw the sentences with these ids that are on this page. */
export async function redrawById(ids) {
  for (const id of ids) {
    const segment = document.getElementById(`segment-${id}`);
    if (segment) await redraw(segment);
  }
}

/** The next sentence after `segment` that still needs review, wrapping around; null when none is left. */
export function nextToReview(segment) {
  const segments = allSegments();
  const start = segments.indexOf(segment);
  for (let step = 1; step <= segments.length; step++) {
    const candidate = segments[(start + step) % segments.length];
    if (candidate !== segment && candidate.classList.contains('to-review')) return candidate;
  }
  return null;
}

/** Save the sentence's editor; `advance` opens the next sentence to review. */
export async function saveSentence(segment, { advance }) {
  const form = segment.querySelector('.segment-form');
  if (!form.reportValidity()) return;
  const { ok, result, error } = await sendJson('PUT', `/api/segments/${segment.dataset.segment}`, fieldsOf(form));
  if (!ok) {
    showSaveError(form, error);
    return;
  }
  const fresh = await redraw(segment);
  notify(result.changed ? `Saved as version ${result.segment.revision}.` : 'No change to save.');
  const next = advance ? nextToReview(fresh) : null;
  if (next) openEditor(next);
  else fresh.querySelector('.sentence').focus();
  if (result.changed) void offerPropagation(fresh.dataset.segment);
}

/** Set a sentence's status (approve, exclude, include, reopen). */
export async function setStatus(segment, status) {
  const { ok, error } = await sendJson('POST', `/api/segments/${segment.dataset.segment}/status`, {
    status, baseRevision: Number(segment.dataset.revision),
  });
  if (!ok) {
    notify(error.message);
    return;
  }
  const fresh = await redraw(segment);
  fresh.querySelector('.sentence').focus();
  notify(`Status: ${status.replace('-', ' ')}.`);
}

/** Apply a flag's suggestion or dismiss the flag, from its form. */
export async function reviewFlag(segment, form) {
  const action = form.classList.contains('apply') ? 'apply-suggestion' : 'dismissals';
  const { ok, result, error } = await sendJson('POST', `/api/segments/${segment.dataset.segment}/${action}`, fieldsOf(form));
  if (!ok) {
    notify(error.message);
    return;
  }
  const fresh = await redraw(segment);
  fresh.querySelector('.sentence').focus();
  notify(action === 'apply-suggestion' ? `Suggestion applied: version ${result.segment.revision}.` : 'Flag dismissed.');
  if (action === 'apply-suggestion') void offerPropagation(fresh.dataset.segment);
}

/** Show the other editor's text beside ours and make the next save an explicit overwrite. */
function showSaveError(form, error) {
  form.querySelector('.notice')?.remove();
  const notice = document.createElement('div');
  notice.className = `notice ${error.code === 'conflict' ? 'conflict' : 'error'}`;
  notice.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = error.message;
  notice.append(message);
  if (error.current) {
    const label = document.createElement('p');
    label.textContent = `Their text (version ${error.current.revision}):`;
    const theirs = document.createElement('blockquote');
    theirs.className = 'their-text';
    theirs.textContent = error.current.text;
    const hint = document.createElement('p');
    hint.textContent = 'Your text is below; saving it now replaces theirs.';
    notice.append(label, theirs, hint);
    form.elements.baseRevision.value = String(error.current.revision);
  }
  form.prepend(notice);
}

/** Wire a sentence's own controls (its forms and the click to edit). */
export function enhanceSegment(segment) {
  segment.querySelector('.sentence').addEventListener('click', () => openEditor(segment));
  const form = segment.querySelector('.segment-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveSentence(segment, { advance: false });
  });
  for (const flagForm of segment.querySelectorAll('.flag-form')) {
    flagForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void reviewFlag(segment, flagForm);
    });
  }
  for (const statusForm of segment.querySelectorAll('.status-form')) {
    statusForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void setStatus(segment, statusForm.dataset.status);
    });
  }
}

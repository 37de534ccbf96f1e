// Actions on one sentence: edit, save, status, flags. Each goes through the JSON API, then the
// sentence is redrawn from the server's own markup so the page never drifts from the truth. The
// page has one editor form, which moves into the sentence being edited.

import { fetchSegmentElement, fieldsOf, sendJson } from './api.js';
import { allSegments, notify, refreshProgress } from './page.js';
import { offerPropagation } from './propagation.js';

const form = document.querySelector('form.segment-form');
// Where the editor waits while no sentence is open: redrawing a sentence must never take it along.
const home = form && { parent: form.parentElement, next: form.nextSibling };

/** The sentence whose editor is open, if any. */
export function editedSegment() {
  return form?.closest('.segment') ?? null;
}

/** Open the page's editor in a sentence, filled with its text and revision, caret at the end. */
export function openEditor(segment) {
  if (!form) return;
  if (editedSegment() !== segment) {
    putEditorAway();
    const id = segment.dataset.segment;
    const text = segment.querySelector('.sentence-text').textContent;
    form.action = `/segments/${id}`;
    form.elements.text.value = text;
    form.elements.text.defaultValue = text;
    form.elements.baseRevision.value = segment.dataset.revision;
    form.elements.comment.value = '';
    form.querySelector('.history').href = `/segments/${id}/history`;
    form.querySelector('.original span').textContent = segment.dataset.original ?? text;
    segment.querySelector('.line').after(form);
    segment.classList.add('editing');
    form.hidden = false;
  }
  const textarea = form.elements.text;
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
}

/** Close the editor, dropping what was typed, and give the focus back to the sentence. */
export function closeEditor() {
  const segment = editedSegment();
  putEditorAway();
  segment?.querySelector('.sentence').focus();
}

function putEditorAway() {
  const segment = editedSegment();
  if (!segment) return;
  segment.classList.remove('editing');
  form.hidden = true;
  form.elements.text.value = form.elements.text.defaultValue;
  form.querySelector('.notice')?.remove();
  home.parent.insertBefore(form, home.next);
}

/** Replace a sentence with the server's rendering of it; returns the new element. */
export async function redraw(segment) {
  const fresh = await fetchSegmentElement(segment.dataset.segment);
  if (!fresh) {
    notify('Saved, but the sentence could not be redrawn: reload the page.');
    return segment;
  }
  if (editedSegment() === segment) putEditorAway();
  segment.replaceWith(fresh);
  fresh.classList.add('saved');
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
  if (!segment || !form.reportValidity()) return;
  const { ok, result, error } = await sendJson('PUT', `/api/segments/${segment.dataset.segment}`, fieldsOf(form));
  if (!ok) {
    showSaveError(error);
    return;
  }
  const fresh = await redraw(segment);
  notify(result.changed ? `Saved as version ${result.segment.revision}.` : 'No change to save.');
  const next = advance ? nextToReview(fresh) : null;
  if (next?.elsewhere) goToSentence(next.elsewhere);
  else if (next) openEditor(next);
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

/** Apply one of a flag's suggestions (`suggestion`, its index) or dismiss the flag (`suggestion` null). */
export async function reviewFlag(segment, item, suggestion) {
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
  notify(apply ? `Suggestion applied: version ${result.segment.revision}.` : 'Flag dismissed.');
  if (apply) void offerPropagation(fresh.dataset.segment);
}

/** Show the other editor's text beside ours and make the next save an explicit overwrite. */
function showSaveError(error) {
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

/** Answer the clicks of every sentence on the page (one listener, whatever the number of sentences) and the editor's buttons. */
export function enhanceSegments(article) {
  article.addEventListener('click', (event) => {
    const segment = event.target.closest('.segment');
    if (!segment || event.target.closest('form.segment-form')) return;
    const status = event.target.closest('button[data-status]');
    const flagButton = event.target.closest('.flag-item button');
    if (status) {
      void setStatus(segment, status.dataset.status);
    } else if (flagButton) {
      void reviewFlag(segment, flagButton.closest('.flag-item'), flagButton.classList.contains('apply') ? Number(flagButton.dataset.suggestion) : null);
    } else if (event.target.closest('a.edit') || (event.target.closest('.sentence') && form)) {
      event.preventDefault();
      openEditor(segment);
    }
  });
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveSentence({ advance: false });
  });
  form?.querySelector('.cancel').addEventListener('click', () => closeEditor());
}

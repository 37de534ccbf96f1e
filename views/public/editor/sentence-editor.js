// The page's one editor form, which moves into the sentence being edited, in place of its text,
// caret where the editor clicked. What is typed is kept as a draft in this browser; nothing
// typed is dropped without asking (see guard.js).

import { fieldsOf } from './api.js';
import { buildDraftOffer, buildDraftsElsewhereNotice } from './draft-offer.js';
import { clearDrafts, draftedSegmentIds, readDraft, saveDraft } from './drafts.js';
import { askToDiscard, guardLeaving } from './guard.js';
import { clearMerge, showMergeView } from './merge.js';

const form = document.querySelector('form.segment-form');
const documentId = document.querySelector('.article[data-document]')?.dataset.document;
// Where the editor waits while no sentence is open: redrawing a sentence must never take it along.
const home = form && { parent: form.parentElement, next: form.nextSibling };
/** Longest time from a click that opens the editor to the end of a double-click it began. */
const DOUBLE_CLICK_MS = 1_000;
/** Where the click that opened the editor put the caret, and when (see selectClickedWord). */
let clickCaret = null;

/** The sentence whose editor is open, if any. */
export function editedSegment() {
  return form?.closest('.segment') ?? null;
}

/** Whether the open editor holds text that differs from the sentence's saved text. */
export function hasUnsavedText() {
  return editedSegment() !== null && form.elements.text.value !== form.elements.text.defaultValue;
}

/**
 * Open the editor in a sentence, in place of its text, with the caret at `selection` (offsets into
 * the text, as a click or a drag left them; the end when none). Another sentence's unsaved text is
 * dropped only if the editor says so; false when they chose to keep it.
 */
export async function openEditor(segment, selection = null) {
  if (!form) return false;
  const alreadyOpen = editedSegment() === segment;
  if (!alreadyOpen) {
    clickCaret = selection && { offset: selection.start, time: performance.now() };
    if (!(await mayCloseEditor())) return false;
    putEditorAway();
    fillEditor(segment);
    segment.querySelector('.sentence-text').after(form);
    segment.classList.add('editing');
    form.hidden = false;
    showDraftOffer(segment);
  }
  const textarea = form.elements.text;
  fitToText(textarea);
  // The whole editor in sight, text box to Save, clear of the Undo bar and the toast at the foot of
  // the window (the page's scroll-padding): focusing alone scrolled it just in, at the very foot.
  form.scrollIntoView({ block: 'nearest' });
  const restore = form.querySelector('.draft-offer .restore');
  if (restore) {
    restore.focus({ preventScroll: true });
    return true;
  }
  textarea.focus({ preventScroll: true });
  // A second click beside the open text box (a double-click's, whose first click opened it there)
  // leaves the caret where it is: it used to jump to the end, and the word typed landed there.
  if (alreadyOpen && !selection) return true;
  const end = textarea.value.length;
  textarea.setSelectionRange(selection?.start ?? end, selection?.end ?? end);
  return true;
}

/**
 * At the end of a double-click whose first click opened the editor, select the word that click
 * landed in, as a double-click does in text: the second click lands beside the text box or on
 * another word of it, since the box wraps the sentence differently from the text it replaced.
 */
export function selectClickedWord() {
  if (!clickCaret || performance.now() - clickCaret.time > DOUBLE_CLICK_MS) return;
  const { offset } = clickCaret;
  clickCaret = null;
  const textarea = form.elements.text;
  const start = offset - /[\p{L}\p{N}'’-]*$/u.exec(textarea.value.slice(0, offset))[0].length;
  const end = offset + /^[\p{L}\p{N}'’-]*/u.exec(textarea.value.slice(offset))[0].length;
  textarea.focus();
  textarea.setSelectionRange(start, end);
}

/** Esc and Cancel: close the editor, asking first when it holds unsaved text. */
export async function cancelEdit() {
  const segment = editedSegment();
  if (!segment || !(await mayCloseEditor())) return;
  putEditorAway();
  segment.querySelector('.sentence').focus();
}

/**
 * Whether the open editor may be closed: true when it holds nothing unsaved, or when the editor
 * chose to discard it (then it is dropped, with its draft); false when they keep editing.
 */
export async function mayCloseEditor() {
  if (!hasUnsavedText()) return true;
  if (await askToDiscard()) {
    dropUnsavedText();
    return true;
  }
  form.elements.text.focus();
  return false;
}

/** The open editor's fields for the API, or null when the form does not validate. */
export function editorFields() {
  return form.reportValidity() ? fieldsOf(form) : null;
}

/** Close the editor after its text was saved: the sentence's draft is of no use any more. */
export function closeSavedEditor() {
  const segment = editedSegment();
  if (segment) clearDrafts(documentId, segment.dataset.segment);
  putEditorAway();
}

/** A conflict shows the three texts to merge (the next save waits for the editor's choice); another refusal, its message. */
export function showSaveError(error) {
  form.querySelector('.notice.error')?.remove();
  if (error.code === 'conflict' && error.theirs) {
    showMergeView(form, error);
    return;
  }
  const notice = document.createElement('div');
  notice.className = 'notice error';
  notice.setAttribute('role', 'alert');
  notice.textContent = error.message;
  form.prepend(notice);
}

/**
 * Where a click or a drag in a sentence's text left the selection, as offsets into the text (the
 * editor's textarea holds the same characters); null when it is outside the text.
 */
export function selectionIn(segment) {
  const text = segment.querySelector('.sentence-text');
  const selection = window.getSelection();
  if (!text || !selection?.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
  return { start: offsetIn(text, range.startContainer, range.startOffset), end: offsetIn(text, range.endContainer, range.endOffset) };
}

/** Offer back the drafts kept for this page's sentences, and keep drafts and guard the page from now on. */
export function enableDrafts() {
  if (!form || !documentId) return;
  const elsewhere = [];
  for (const id of draftedSegmentIds(documentId)) {
    const segment = document.getElementById(`segment-${id}`);
    if (segment) showDraftOffer(segment);
    else elsewhere.push({ segmentId: id, savedAt: readDraft(documentId, id)?.savedAt });
  }
  if (elsewhere.length) document.querySelector('.article').before(buildDraftsElsewhereNotice(documentId, elsewhere));
  form.addEventListener('input', keepDraft);
  form.elements.text.addEventListener('input', () => fitToText(form.elements.text));
  form.querySelector('.cancel').addEventListener('click', () => void cancelEdit());
  guardLeaving({ hasUnsavedText, discard: dropUnsavedText });
}

/**
 * Offer a sentence's draft, if it has one that differs from its text: in the editor when it is
 * open there, else under the sentence. Also called when a sentence is redrawn.
 */
export function showDraftOffer(segment) {
  const id = segment.dataset.segment;
  const draft = readDraft(documentId, id);
  segment.querySelector('.draft-offer')?.remove();
  if (!draft) return;
  const revision = Number(segment.dataset.revision);
  if (draft.baseRevision === revision && draft.text === segment.querySelector('.sentence-text').textContent) {
    clearDrafts(documentId, id);
    return;
  }
  const offer = buildDraftOffer(draft, revision, {
    onRestore: () => void restoreDraft(segment),
    onDiscard: () => {
      clearDrafts(documentId, id);
      offer.remove();
      if (editedSegment() === segment) form.elements.text.focus();
      else segment.querySelector('.sentence').focus();
    },
  });
  if (editedSegment() === segment) form.prepend(offer);
  else segment.querySelector('.line').after(offer);
}

async function restoreDraft(segment) {
  const draft = readDraft(documentId, segment.dataset.segment);
  if (!draft || (editedSegment() !== segment && !(await openEditor(segment)))) return;
  form.querySelector('.draft-offer')?.remove();
  form.elements.text.value = draft.text;
  form.elements.comment.value = draft.comment;
  // Saved against the revision it was typed on: if the sentence changed since, the save answers
  // with the other text, which the editor sees before anything is overwritten.
  form.elements.baseRevision.value = String(draft.baseRevision);
  fitToText(form.elements.text);
  form.elements.text.focus();
  form.elements.text.setSelectionRange(draft.text.length, draft.text.length);
}

function keepDraft() {
  const segment = editedSegment();
  // A draft offered and not yet answered is not overwritten by new typing.
  if (!segment || form.querySelector('.draft-offer')) return;
  const id = segment.dataset.segment;
  if (!hasUnsavedText()) {
    clearDrafts(documentId, id);
    return;
  }
  saveDraft(documentId, id, { baseRevision: form.elements.baseRevision.value, text: form.elements.text.value, comment: form.elements.comment.value });
}

function fillEditor(segment) {
  const id = segment.dataset.segment;
  const text = segment.querySelector('.sentence-text').textContent;
  form.action = `/segments/${id}`;
  form.elements.text.value = text;
  form.elements.text.defaultValue = text;
  form.elements.baseRevision.value = segment.dataset.revision;
  form.elements.comment.value = '';
  form.querySelector('.history').href = `/segments/${id}/history`;
  // The machine translation only when it differs: an unchanged sentence would show twice.
  const original = form.querySelector('.original');
  original.hidden = segment.dataset.original === undefined;
  original.querySelector('span').textContent = segment.dataset.original ?? '';
}

// Drop what was typed and its draft (not a draft offered and not answered yet: typing did not replace it).
function dropUnsavedText() {
  const segment = editedSegment();
  if (!segment) return;
  if (!form.querySelector('.draft-offer')) clearDrafts(documentId, segment.dataset.segment);
  form.elements.text.value = form.elements.text.defaultValue;
}

/** Put the editor back where it waits, keeping nothing of what it held (a pending draft offer goes back under its sentence). */
export function putEditorAway() {
  const segment = editedSegment();
  if (!segment) return;
  segment.classList.remove('editing');
  form.hidden = true;
  form.elements.text.value = form.elements.text.defaultValue;
  form.querySelector('.notice.error')?.remove();
  clearMerge(form);
  const offer = form.querySelector('.draft-offer');
  home.parent.insertBefore(form, home.next);
  if (offer) segment.querySelector('.line').after(offer);
}

// The textarea as tall as its text, so the sentence keeps its place and shape while edited.
function fitToText(textarea) {
  textarea.style.height = '0';
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

function offsetIn(container, node, offset) {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

// The live document: the page follows the document's event stream (EventSource reconnects by
// itself and resumes after the last event it had) and redraws each sentence others change, in
// place. A sentence open in this page's editor is never redrawn under the editor's hands: with
// unsaved text, they are told who changed it and shown the merge view; without, the editor
// takes the new text.

import { fetchSegmentElement, sendJson } from './api.js';
import { showMergeView } from './merge.js';
import { notify, refreshProgress } from './page.js';
import { announceEditing, showPresence } from './presence.js';
import { replaceSegment } from './segments.js';
import { isOwnAction } from './undo.js';

/** The types of events that change a sentence or the document (see the README's live stream). */
const CHANGE_TYPES = ['revision', 'status', 'comment', 'dismissal', 'dismissal-restore', 'rename', 'archive', 'unarchive', 'source', 'import', 'rule'];
/** A change that arrives while this page's own request is still answering is given this long to be known as its own. */
const OWN_ANSWER_MS = 500;

const form = document.querySelector('form.segment-form');
/** Sentences changed while open in the editor, redrawn once it closes. */
const stale = new Set();
let progressTimer;

/** Follow the document shown in `article` from the newest event it was drawn with. */
export function followDocument(article) {
  const source = new EventSource(`/api/documents/${article.dataset.document}/events?after=${article.dataset.lastEvent}`);
  for (const type of CHANGE_TYPES) source.addEventListener(type, (message) => void onChange(JSON.parse(message.data)));
  source.addEventListener('presence', (message) => {
    showPresence(JSON.parse(message.data).editors);
  });
  source.addEventListener('deleted', () => {
    source.close();
    notify('This document was deleted by someone else.');
  });
  source.addEventListener('end', (message) => {
    source.close();
    if (JSON.parse(message.data).reason === 'access') notify('Your session ended: this page no longer follows the changes of others. Log in again.');
  });
  if (form) announceEditing(form, { onClose });
}

async function onChange(event) {
  scheduleProgress();
  if (event.type === 'rename') showTitle(event.body);
  const segment = event.segmentId === null ? null : document.getElementById(`segment-${event.segmentId}`);
  if (!segment || !event.segment) return;
  if (segment.contains(form) && !form.hidden) {
    await updateEditedSentence(segment, event);
    return;
  }
  await redrawInPlace(segment);
}

async function redrawInPlace(segment) {
  const fresh = await fetchSegmentElement(segment.dataset.segment);
  // The sentence may have been redrawn, or opened in the editor, while its markup was fetched.
  if (!fresh || !segment.isConnected || segment.contains(form)) return;
  replaceSegment(segment, fresh);
}

async function updateEditedSentence(segment, event) {
  const latest = event.segment;
  const textarea = form.elements.text;
  const base = Number(form.elements.baseRevision.value);
  segment.dataset.revision = String(latest.revision);
  stale.add(segment.dataset.segment);
  // A status or flag change: the text is as the editor opened it.
  if (latest.revision === base) return;
  if (latest.text === textarea.value) {
    // The very text being typed (this page's own save, mostly): nothing to merge.
    adoptRevision(latest);
    return;
  }
  if (textarea.value === textarea.defaultValue) {
    adoptRevision(latest);
    notify(`This sentence was just changed by ${event.author}: the editor now holds their text.`);
    return;
  }
  // This page's own save or action may be answering still: it is not someone else's change.
  await new Promise((resolve) => setTimeout(resolve, OWN_ANSWER_MS));
  if (!segment.contains(form) || form.hidden || (event.action && isOwnAction(event.action.id))) return;
  if (Number(form.elements.baseRevision.value) >= latest.revision || form.querySelector('.merge-view')) return;
  await showLiveMerge(segment, event);
}

// The server draws the merge view's word diffs, as for a save's conflict.
async function showLiveMerge(segment, event) {
  const { ok, result } = await sendJson('POST', `/api/segments/${segment.dataset.segment}/compare`, {
    text: form.elements.text.value, baseRevision: Number(form.elements.baseRevision.value),
  });
  if (!ok || !result.conflict || !segment.contains(form)) return;
  showMergeView(form, { ...result.conflict, message: `Changed by ${event.author} while you were typing: your text is not saved. Choose what to keep.` });
}

function adoptRevision(latest) {
  form.elements.text.defaultValue = latest.text;
  form.elements.text.value = latest.text;
  form.elements.baseRevision.value = String(latest.revision);
}

function showTitle(title) {
  const heading = document.querySelector('.page-head h1');
  if (heading && title) heading.textContent = title;
}

function onClose(segmentId) {
  if (!stale.delete(segmentId)) return;
  const segment = document.getElementById(`segment-${segmentId}`);
  if (segment && !segment.contains(form)) void redrawInPlace(segment);
}

// Several changes in a row (a batch) count the document once.
function scheduleProgress() {
  clearTimeout(progressTimer);
  progressTimer = setTimeout(() => void refreshProgress(), 150);
}

// The parts of the document page outside the sentences: toast, progress, counters.

const toast = document.querySelector('.toast');

/** Show a short message in the corner; screen readers hear it through the live region. */
export function notify(message) {
  if (!toast) return;
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { toast.hidden = true; }, 3500);
}

/** Hide the message in the corner: a newer notice (an Undo offer) makes it stale. */
export function clearNotice() {
  if (toast) toast.hidden = true;
}

/** Refresh the progress bar and counters from the server, which counts the whole document, filters or not. */
export async function refreshProgress() {
  const container = document.querySelector('.progress[data-document]');
  if (!container) return;
  const response = await fetch(`/api/documents/${container.dataset.document}/progress`).catch(() => null);
  if (!response?.ok) return;
  const { progress } = await response.json();
  for (const element of document.querySelectorAll('[data-progress]')) {
    element.textContent = String(progress[element.dataset.progress]);
  }
  const bar = container.querySelector('progress');
  const reviewable = progress.total - progress.setAside;
  for (const element of document.querySelectorAll('[data-progress="reviewable"]')) element.textContent = String(reviewable);
  bar.max = reviewable;
  bar.value = progress.reviewed;
  bar.textContent = `${progress.reviewed} of ${reviewable}`;
  const corrected = document.querySelector('[data-count="corrected"]');
  if (corrected) corrected.textContent = String(progress.corrected);
}

/** All sentences on the page, in reading order. */
export function allSegments() {
  return [...document.querySelectorAll('.segment')];
}

/** The sentence that holds the keyboard focus, if any. */
export function focusedSegment() {
  return document.activeElement?.closest?.('.segment') ?? null;
}

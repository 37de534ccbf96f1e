// Keyboard shortcuts of the document page. Everything is also reachable with Tab and the
// buttons; these make the common path (read, fix, approve, next) fast.

import { allSegments, focusedSegment, notify } from './page.js';
import { focusPropagation } from './propagation.js';
import { goToSentence, reviewFlag, saveSentence, setStatus } from './segments.js';
import { cancelEdit, openEditor } from './sentence-editor.js';

/** Whether this reader may change sentences (the page has its editor form only for editors): a reader's a, x and Enter would only be refused. */
const canEdit = document.querySelector('form.segment-form') !== null;

/** Move focus to the next (+1) or previous (-1) sentence matching `accept`, from the focused one; false when none is on this page. */
function moveFocus(direction, accept = () => true) {
  const segments = allSegments();
  const current = focusedSegment();
  let index = current ? segments.indexOf(current) : direction > 0 ? -1 : segments.length;
  for (index += direction; index >= 0 && index < segments.length; index += direction) {
    if (accept(segments[index])) {
      const sentence = segments[index].querySelector('.sentence');
      sentence.focus();
      sentence.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return true;
    }
  }
  return false;
}

// A long document is shown a page at a time: past a page's first or last sentence, navigation
// continues on the neighbouring page. The server wrote, on the article, which sentence comes next
// under the current filter; loading "?sentence=ID" opens its page with the sentence as fragment.
function continueOnOtherPage(direction, { flagged }) {
  const article = document.querySelector('.article[data-document]');
  const key = flagged ? (direction > 0 ? 'nextFlagged' : 'previousFlagged') : (direction > 0 ? 'nextFirst' : 'previousLast');
  const target = article?.dataset[key];
  if (!target) {
    notify(flagged ? `No flagged sentence ${direction > 0 ? 'after' : 'before'} this one.` : `This is the ${direction > 0 ? 'last' : 'first'} sentence.`);
    return;
  }
  notify(direction > 0 ? 'Going to the next page…' : 'Going to the previous page…');
  goToSentence(target);
}

/** After arriving at "#segment-ID" (a link to a sentence, or navigation from another page), focus that sentence. */
function focusLinkedSentence() {
  const match = /^#segment-(\d+)$/.exec(window.location.hash);
  const sentence = match && document.getElementById(`segment-${match[1]}`)?.querySelector('.sentence');
  if (sentence) {
    sentence.focus({ preventScroll: true });
    sentence.scrollIntoView({ block: 'center' });
  }
}

/** Whether a key pressed in `target` is typing (a text box, a select), not a shortcut. */
export function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName));
}

function onKeyDown(event) {
  // A dialog (the shortcut list, the discard question) answers its own keys.
  if (event.target.closest?.('dialog')) return;
  const segment = focusedSegment();
  if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    event.preventDefault();
    const direction = event.key === 'ArrowDown' ? 1 : -1;
    if (!moveFocus(direction, (candidate) => candidate.classList.contains('flagged'))) continueOnOtherPage(direction, { flagged: true });
    return;
  }
  if (segment && event.target.closest?.('.segment-form')) {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void saveSentence({ advance: !event.shiftKey });
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void saveSentence({ advance: false });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void cancelEdit();
    }
    return;
  }
  if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
  const flagItem = event.target.closest?.('.flag-item');
  if (event.key === '?') {
    event.preventDefault();
    document.querySelector('dialog.shortcuts')?.showModal();
  } else if (event.key === 'p') {
    if (focusPropagation()) event.preventDefault();
  } else if (event.key === 'j' || event.key === 'k') {
    event.preventDefault();
    const direction = event.key === 'j' ? 1 : -1;
    if (!moveFocus(direction)) continueOnOtherPage(direction, { flagged: false });
  } else if (flagItem && segment && (event.key === 's' || event.key === 'd')) {
    const button = flagItem.querySelector(event.key === 's' ? 'button.apply' : 'button.dismiss');
    if (button) {
      event.preventDefault();
      void reviewFlag(segment, flagItem, event.key === 's' ? Number(button.dataset.suggestion) : null);
    }
  } else if (segment && event.key === 'f') {
    event.preventDefault();
    const items = [...segment.querySelectorAll('.flag-item')];
    const next = items[(items.indexOf(flagItem) + 1) % items.length];
    next?.focus();
  } else if (segment && canEdit && event.key === 'a') {
    event.preventDefault();
    if (!segment.classList.contains('status-approved')) void setStatus(segment, 'approved');
  } else if (segment && canEdit && event.key === 'x') {
    event.preventDefault();
    void setStatus(segment, segment.classList.contains('status-excluded') ? 'to-review' : 'excluded');
  } else if (segment && canEdit && event.key === 'Enter' && event.target.classList.contains('sentence')) {
    event.preventDefault();
    void openEditor(segment);
  }
}

/** Listen for the shortcuts on the whole page. */
export function enableShortcuts() {
  document.addEventListener('keydown', onKeyDown);
  // After the load, when the browser has scrolled to the fragment (which moves focus to the page itself).
  if (document.readyState === 'complete') setTimeout(focusLinkedSentence);
  else window.addEventListener('load', () => setTimeout(focusLinkedSentence), { once: true });
}

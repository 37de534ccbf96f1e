// Keyboard shortcuts of the document page. Everything is also reachable with Tab and the
// buttons; these make the common path (read, fix, approve, next) fast.

import { allSegments, focusedSegment } from './page.js';
import { focusPropagation } from './propagation.js';
import { closeEditor, openEditor, reviewFlag, saveSentence, setStatus } from './segments.js';

/** Move focus to the next (+1) or previous (-1) sentence matching `accept`, from the focused one. */
function moveFocus(direction, accept = () => true) {
  const segments = allSegments();
  const current = focusedSegment();
  let index = current ? segments.indexOf(current) : direction > 0 ? -1 : segments.length;
  for (index += direction; index >= 0 && index < segments.length; index += direction) {
    if (accept(segments[index])) {
      const sentence = segments[index].querySelector('.sentence');
      sentence.focus();
      sentence.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
  }
}

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName));
}

function onKeyDown(event) {
  const segment = focusedSegment();
  if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    event.preventDefault();
    moveFocus(event.key === 'ArrowDown' ? 1 : -1, (candidate) => candidate.classList.contains('flagged'));
    return;
  }
  if (segment && event.target.closest?.('.segment-form')) {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void saveSentence(segment, { advance: !event.shiftKey });
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void saveSentence(segment, { advance: false });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeEditor(segment);
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
    moveFocus(event.key === 'j' ? 1 : -1);
  } else if (flagItem && segment && (event.key === 's' || event.key === 'd')) {
    const form = flagItem.querySelector(event.key === 's' ? '.flag-form.apply' : '.flag-form.dismiss');
    if (form) {
      event.preventDefault();
      void reviewFlag(segment, form);
    }
  } else if (segment && event.key === 'f') {
    event.preventDefault();
    const items = [...segment.querySelectorAll('.flag-item')];
    const next = items[(items.indexOf(flagItem) + 1) % items.length];
    next?.focus();
  } else if (segment && event.key === 'a') {
    event.preventDefault();
    if (!segment.classList.contains('status-approved')) void setStatus(segment, 'approved');
  } else if (segment && event.key === 'x') {
    event.preventDefault();
    void setStatus(segment, segment.classList.contains('status-excluded') ? 'to-review' : 'excluded');
  } else if (segment && event.key === 'Enter' && event.target.classList.contains('sentence')) {
    event.preventDefault();
    openEditor(segment);
  }
}

/** Listen for the shortcuts on the whole page. */
export function enableShortcuts() {
  document.addEventListener('keydown', onKeyDown);
}

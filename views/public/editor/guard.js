// Unsaved text is never dropped without asking: Esc, Cancel, opening another sentence or following
// a link ask "Discard your changes to this sentence?" in the page; closing the tab or reloading
// gets the browser's own question (and the draft stays in this browser either way).

let dialog;

/** Ask whether to drop the open editor's changes; resolves true to discard, false to keep editing (Esc, or the default button). */
export function askToDiscard() {
  dialog ??= buildDialog();
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'discard'), { once: true });
  });
}

/**
 * Guard the page while `hasUnsavedText()`: links ask in the page, then `discard()` and go;
 * a reload, a closed tab or a form sent elsewhere get the browser's question. Links the page
 * answers itself (a sentence's Edit link) prevent the default before this listener and are left alone.
 */
export function guardLeaving({ hasUnsavedText, discard }) {
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsavedText()) return;
    event.preventDefault();
    event.returnValue = '';
  });
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href]');
    if (!link || !leavesPage(link, event) || !hasUnsavedText()) return;
    event.preventDefault();
    void askToDiscard().then((confirmed) => {
      if (!confirmed) return;
      discard();
      window.location.assign(link.href);
    });
  });
}

/** Guard a page's own sentence form (the sentence's edit page) the same way, until it is sent. */
export function guardTextForm(form) {
  const text = form.elements.text;
  let sending = false;
  form.addEventListener('submit', () => { sending = true; });
  guardLeaving({
    hasUnsavedText: () => !sending && text.value !== text.defaultValue,
    discard: () => { text.value = text.defaultValue; },
  });
}

// A link that replaces this page: not one opened in another tab or window, not a download, not a jump within the page.
function leavesPage(link, event) {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
  if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return false;
  const target = new URL(link.href, window.location.href);
  const here = window.location;
  return !(target.hash && target.origin === here.origin && target.pathname === here.pathname && target.search === here.search);
}

function buildDialog() {
  const element = document.createElement('dialog');
  element.className = 'discard';
  element.setAttribute('aria-labelledby', 'discard-title');
  const title = document.createElement('p');
  title.id = 'discard-title';
  title.textContent = 'Discard your changes to this sentence?';
  const form = document.createElement('form');
  form.method = 'dialog';
  const keep = button('keep', 'Keep editing');
  keep.autofocus = true;
  const discard = button('discard', 'Discard changes');
  discard.className = 'quiet';
  form.append(keep, ' ', discard);
  element.append(title, form);
  document.body.append(element);
  return element;
}

function button(value, label) {
  const element = document.createElement('button');
  element.type = 'submit';
  element.value = value;
  element.textContent = label;
  return element;
}


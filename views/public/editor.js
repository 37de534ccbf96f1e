// Progressive enhancement of the document and history pages. Every form already works without
// this script; with it, saves go through the JSON API and the page updates in place.

const toast = document.querySelector('.toast');

/** Show a short message in the corner; screen readers hear it through the live region. */
function notify(message) {
  if (!toast) return;
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { toast.hidden = true; }, 3000);
}

/** Render diff parts as <ins>/<del>/<span> nodes; text goes in as text, never as HTML. */
function renderDiff(container, parts) {
  container.replaceChildren(...parts.map((part) => {
    const node = document.createElement(part.kind === 'added' ? 'ins' : part.kind === 'removed' ? 'del' : 'span');
    node.textContent = part.text;
    return node;
  }));
}

function openEditor(segment) {
  const details = segment.querySelector('details.editor');
  details.open = true;
  const textarea = details.querySelector('textarea');
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
}

function closeEditor(segment, { restore }) {
  const details = segment.querySelector('details.editor');
  const textarea = details.querySelector('textarea');
  if (restore) textarea.value = segment.dataset.savedText ?? textarea.defaultValue;
  details.querySelector('.notice')?.remove();
  details.open = false;
  segment.querySelector('.sentence').focus();
}

/** Replace what the page shows of a sentence with what the server now has. */
function showSaved(segment, result) {
  const form = segment.querySelector('.segment-form');
  const { text, revision, status } = result.segment;
  form.elements.baseRevision.value = String(revision);
  form.elements.text.value = text;
  form.elements.comment.value = '';
  segment.dataset.savedText = text;
  const shown = segment.querySelector('.sentence-text');
  if (result.diff.some((part) => part.kind !== 'same')) renderDiff(shown, result.diff);
  else shown.textContent = text;
  segment.className = `segment status-${status} saved`;
  const badge = segment.querySelector('.status-badge');
  badge.dataset.status = status;
  badge.textContent = status.replace('-', ' ');
  updateCorrectedCount();
}

function updateCorrectedCount() {
  const counter = document.querySelector('[data-count="corrected"]');
  if (!counter) return;
  const corrected = [...document.querySelectorAll('.segment')]
    .filter((segment) => segment.querySelector('.sentence-text ins, .sentence-text del'));
  counter.textContent = String(corrected.length);
}

/** Show the other editor's text beside ours and make the next save an explicit overwrite. */
function showConflict(segment, error) {
  const form = segment.querySelector('.segment-form');
  form.querySelector('.notice')?.remove();
  const notice = document.createElement('div');
  notice.className = 'notice conflict';
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

async function save(segment) {
  const form = segment.querySelector('.segment-form');
  const body = {
    text: form.elements.text.value,
    baseRevision: Number(form.elements.baseRevision.value),
    author: form.elements.author.value,
    comment: form.elements.comment.value,
  };
  let response;
  try {
    response = await fetch(`/api/segments/${segment.dataset.segment}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    notify('Not saved: the server cannot be reached. Your text is still in the box.');
    return false;
  }
  const result = await response.json().catch(() => ({ error: { message: `The server answered ${response.status}.` } }));
  if (!response.ok) {
    showConflict(segment, result.error);
    return false;
  }
  showSaved(segment, result);
  notify(result.changed ? `Saved as version ${result.segment.revision}.` : 'No change to save.');
  return true;
}

function setUpDocumentPage() {
  for (const segment of document.querySelectorAll('.segment')) {
    const sentence = segment.querySelector('.sentence');
    const form = segment.querySelector('.segment-form');
    segment.dataset.savedText = form.elements.text.value;
    sentence.addEventListener('click', () => openEditor(segment));
    sentence.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); openEditor(segment); }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      if (await save(segment)) closeEditor(segment, { restore: false });
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        closeEditor(segment, { restore: true });
      }
    });
  }
}

function setUpConfirmations() {
  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
}

setUpDocumentPage();
setUpConfirmations();

// Progressive enhancement of the document and history pages. Every form already works without
// this script; with it, changes go through the JSON API and only the changed sentence is redrawn,
// with the markup the server renders for a full page.

const toast = document.querySelector('.toast');

/** Show a short message in the corner; screen readers hear it through the live region. */
function notify(message) {
  if (!toast) return;
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { toast.hidden = true; }, 3000);
}

/** What a sentence adds to the counters in the page header. */
function countsOf(segment) {
  return {
    corrected: segment.querySelector('.changes') ? 1 : 0,
    flagged: segment.classList.contains('flagged') ? 1 : 0,
    flags: segment.querySelectorAll('.flag-item').length,
  };
}

function updateCounters(before, after) {
  for (const name of Object.keys(before)) {
    const counter = document.querySelector(`[data-count="${name}"]`);
    if (counter) counter.textContent = String(Number(counter.textContent) + after[name] - before[name]);
  }
}

/** Replace a sentence with the server's rendering of its current state. */
async function redraw(segment, { focus }) {
  const response = await fetch(`/segments/${segment.dataset.segment}/fragment`, { headers: { Accept: 'text/html' } });
  if (!response.ok) {
    notify('Saved, but the page could not be refreshed: reload it.');
    return segment;
  }
  const template = document.createElement('template');
  template.innerHTML = (await response.text()).trim();
  const fresh = template.content.firstElementChild;
  const before = countsOf(segment);
  segment.replaceWith(fresh);
  updateCounters(before, countsOf(fresh));
  fresh.classList.add('saved');
  enhanceSegment(fresh);
  if (focus) fresh.querySelector('.sentence').focus();
  return fresh;
}

function openEditor(segment) {
  const details = segment.querySelector('details.editor');
  details.open = true;
  const textarea = details.querySelector('textarea');
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
}

function closeEditor(segment) {
  const details = segment.querySelector('details.editor');
  const textarea = details.querySelector('textarea');
  textarea.value = textarea.defaultValue;
  details.querySelector('.notice')?.remove();
  details.open = false;
  segment.querySelector('.sentence').focus();
}

/** Show the other editor's text beside ours and make the next save an explicit overwrite. */
function showConflict(form, error) {
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

/** Send a form's fields as JSON to the API route of the same action; returns the parsed answer. */
async function sendJson(method, url, body) {
  try {
    const response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const result = await response.json().catch(() => ({ error: { message: `The server answered ${response.status}.` } }));
    return response.ok ? { ok: true, result } : { ok: false, error: result.error ?? { message: `The server answered ${response.status}.` } };
  } catch {
    return { ok: false, error: { message: 'The server cannot be reached. Nothing was lost: try again.' } };
  }
}

function fieldsOf(form) {
  return Object.fromEntries(new FormData(form).entries());
}

async function saveSentence(segment, form) {
  const fields = fieldsOf(form);
  const { ok, result, error } = await sendJson('PUT', `/api/segments/${segment.dataset.segment}`, {
    ...fields, baseRevision: Number(fields.baseRevision),
  });
  if (!ok) {
    showConflict(form, error);
    return;
  }
  await redraw(segment, { focus: true });
  notify(result.changed ? `Saved as version ${result.segment.revision}.` : 'No change to save.');
}

async function reviewFlag(segment, form) {
  const fields = fieldsOf(form);
  const action = form.classList.contains('apply') ? 'apply-suggestion' : 'dismissals';
  const { ok, error } = await sendJson('POST', `/api/segments/${segment.dataset.segment}/${action}`, {
    ...fields, start: Number(fields.start), end: Number(fields.end), baseRevision: Number(fields.baseRevision),
    ...(fields.suggestion !== undefined && { suggestion: Number(fields.suggestion) }),
  });
  if (!ok) {
    notify(error.message);
    return;
  }
  await redraw(segment, { focus: true });
  notify(action === 'apply-suggestion' ? 'Suggestion applied and saved.' : 'Flag dismissed.');
}

function enhanceSegment(segment) {
  const sentence = segment.querySelector('.sentence');
  const form = segment.querySelector('.segment-form');
  sentence.addEventListener('click', () => openEditor(segment));
  sentence.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); openEditor(segment); }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (form.reportValidity()) void saveSentence(segment, form);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeEditor(segment);
    }
  });
  for (const flagForm of segment.querySelectorAll('.flag-form')) {
    flagForm.addEventListener('submit', (event) => {
      event.preventDefault();
      if (flagForm.reportValidity()) void reviewFlag(segment, flagForm);
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

document.querySelectorAll('.segment').forEach(enhanceSegment);
setUpConfirmations();

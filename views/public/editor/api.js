// Talking to the server: the JSON API for changes, HTML fragments to redraw what changed.

/** Send JSON; answers { ok, result } or { ok: false, error } and never throws, so no edit is silently lost. */
export async function sendJson(method, url, body) {
  try {
    const response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const result = await response.json().catch(() => null);
    if (response.ok) return { ok: true, result };
    return { ok: false, error: result?.error ?? { message: `The server answered ${response.status}.` } };
  } catch {
    return { ok: false, error: { message: 'The server cannot be reached. Nothing was lost: try again.' } };
  }
}

/** The session's CSRF token, which the page carries in a meta tag; every change sends it back. */
function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
}

/** The server's markup for one sentence, as a detached element (null when it cannot be had). */
export async function fetchSegmentElement(segmentId) {
  const response = await fetch(`/segments/${segmentId}/fragment`, { headers: { Accept: 'text/html' } }).catch(() => null);
  if (!response?.ok) return null;
  const template = document.createElement('template');
  template.innerHTML = (await response.text()).trim();
  return template.content.firstElementChild;
}

/** A form's fields as an object, numbers where the API wants numbers. */
export function fieldsOf(form) {
  const fields = Object.fromEntries(new FormData(form).entries());
  for (const name of ['baseRevision', 'seenRevision', 'start', 'end', 'suggestion', 'revision']) {
    if (fields[name] !== undefined) fields[name] = Number(fields[name]);
  }
  return fields;
}

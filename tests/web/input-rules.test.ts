import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH } from '../../src/services/limits.js';
import { importSeedThroughApi, startTestServer, type SeedDocument, type TestServer } from '../support/test-server.js';

// Issue 16's inconsistencies, each through the way it got in: every refusal a 400 naming the field, nothing stored.
let server: TestServer;
let seed: SeedDocument;
beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(() => server.close());

const documentCount = async () => (await (await server.fetch('/api/documents')).json()).total as number;
const revisionCount = async (segmentId: number) => (await (await server.fetch(`/api/segments/${segmentId}/revisions`)).json()).revisions.length as number;

async function sendJson(path: string, body: unknown, method = 'POST') {
  const response = await server.fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, message: ((await response.json()) as { error?: { message: string } }).error?.message ?? '' };
}

describe('one set of input rules, whichever way text comes in', () => {
  it('refuses a bad title or article from JSON, a form or an upload, storing nothing', async () => {
    const before = await documentCount();
    const { cookie, csrfToken } = await server.sessionFor('Ana');
    const upload = new FormData();
    upload.set('_csrf', csrfToken);
    upload.set('title', 'Nul\u0000title');
    upload.set('text', 'The minister spoke.');
    const multipart = await fetch(`${server.url}/documents`, { method: 'POST', body: upload, headers: { cookie } });
    expect(multipart.status).toBe(400);
    expect(await multipart.text()).toContain('title&#34;: The value holds a NUL character (U+0000) at character 4');
    const cases: [unknown, RegExp][] = [
      [{ title: 'One\r\nTwo', text: 'The minister spoke.' }, /^"title": The title holds a line break; it must be one line\.$/],
      [{ title: 'x'.repeat(301), text: 'The minister spoke.' }, /^"title": The title is 301 characters long; the limit is 300 characters\.$/],
      [{ text: '\u200b\u200b \u200b' }, /^"text": The article holds only invisible characters/],
      [{ text: 'Bell\u0007 here.' }, /^"text": The value holds the control character U\+0007 at character 5/],
      [{ text: 'Not a character \ufffe here.' }, /^"text": The value holds the non-character U\+FFFE/],
    ];
    for (const [body, message] of cases) {
      const answer = await sendJson('/api/documents', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.message).toMatch(message);
    }
    expect(await documentCount()).toBe(before);
  });

  it('refuses bytes that are not UTF-8 in JSON, forms and query strings, as in files', async () => {
    const json = await server.fetch('/api/documents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
    });
    expect(json.status).toBe(400);
    expect((await json.json()).error.message).toBe('The request body is not valid UTF-8 (byte 0xE9 at position 13). Send it as UTF-8.');
    const { cookie, csrfToken } = await server.sessionFor('Ana');
    const form = await fetch(`${server.url}/segments/${seed.segments[3]!.id}`, {
      method: 'POST', headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrfToken}&baseRevision=0&text=caf%E9`,
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('text&#34; in the form is not valid UTF-8');
    // A multipart field: its bytes reach the check as they came, not turned into U+FFFD by the parser.
    const boundary = 'retouche-boundary';
    const multipart = await fetch(`${server.url}/documents`, {
      method: 'POST', headers: { cookie, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfToken}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nCaf`), Buffer.from([0xe9]),
        Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nLe caf\u00e9 est ferm\u00e9.\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(multipart.status).toBe(400);
    expect(await multipart.text()).toContain('title&#34; is not valid UTF-8 (byte 0xE9 at position 3)');
    // Valid UTF-8 in the same form is read as the characters sent.
    const accepted = new FormData();
    accepted.set('_csrf', csrfToken);
    accepted.set('title', 'Café — “été”');
    accepted.set('text', 'The café is closed.');
    const created = await fetch(`${server.url}/documents`, { method: 'POST', body: accepted, headers: { cookie }, redirect: 'manual' });
    expect(created.status).toBe(303);
    const id = created.headers.get('location')!.split('/').pop();
    expect((await (await server.fetch(`/api/documents/${id}`)).json()).document.title).toBe('Café — “été”');
    const query = await server.fetch('/api/documents?search=caf%E9');
    expect(query.status).toBe(400);
    expect((await query.json()).error.message).toMatch(/^"search" in the query string is not valid UTF-8/);
    expect(await revisionCount(seed.segments[3]!.id)).toBe(1);
  });

  it('refuses in a save what it refuses at import', async () => {
    const segment = seed.segments[5]!;
    for (const [text, message] of [
      ['Start \u0001 of heading', /U\+0001/], ['Escape \u001b[31m', /U\+001B/], ['Non-character \ufffe', /U\+FFFE/],
      ['\u200b\u2060', /^"text": The sentence holds only invisible characters/],
    ] as const) {
      const answer = await sendJson(`/api/segments/${segment.id}`, { text, baseRevision: 0 }, 'PUT');
      expect(answer.status).toBe(400);
      expect(answer.message).toMatch(message);
    }
    const comment = await sendJson(`/api/segments/${segment.id}/comments`, { body: 'ok\u0007' });
    expect(comment.status).toBe(400);
    expect(await revisionCount(segment.id)).toBe(1);
    // CRLF from a browser's textarea is kept as LF.
    const saved = await sendJson(`/api/segments/${segment.id}`, { text: 'Two\r\nlines', baseRevision: 0 }, 'PUT');
    expect(saved.status).toBe(200);
    const stored = (await (await server.fetch(`/api/documents/${seed.document.id}`)).json()).segments[5].text;
    expect(stored).toBe('Two\nlines');
  });

  it('cuts a sentence longer than a save may make into sentences an editor can save, losing nothing', async () => {
    const text = 'word '.repeat(250_000).trim();
    const response = await server.fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(response.status).toBe(201);
    const { document, segmentCount } = await response.json();
    expect(segmentCount).toBe(13);
    const { segments } = await (await server.fetch(`/api/documents/${document.id}`)).json();
    expect(segments.every((segment: { text: string }) => segment.text.length <= MAX_SENTENCE_LENGTH)).toBe(true);
    expect(await (await server.fetch(`/api/documents/${document.id}/export?format=txt`)).text()).toBe(`${text}\n`);
  });
});

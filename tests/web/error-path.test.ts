import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** What an error answer must never show: a stack, a file path, template source, Express's own page. */
function expectNothingLeaked(body: string): void {
  for (const leak of [REPO_ROOT, 'node_modules', '    at ', '<%', 'is not defined', 'Cannot POST', 'Cannot GET', 'Error:']) {
    expect(body, leak).not.toContain(leak);
  }
}

async function send(path: string, init: RequestInit & { accept?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('Accept', init.accept ?? 'text/html');
  const response = await fetch(`${server.url}${path}`, { ...init, headers, redirect: 'manual' });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

describe('one error path', () => {
  it('answers people with the app\'s error page, before login and in body parsing too', async () => {
    const cases: [string, RequestInit, number, RegExp][] = [
      ['/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name": "ana", "password": ' }, 400, /not valid JSON/],
      ['/login', { method: 'POST', body: new URLSearchParams({ name: 'ana\u0000', password: 'x' }) }, 400, /name&#34;: The value holds a NUL character/],
      ['/login', { method: 'POST', body: new URLSearchParams({ name: 'x'.repeat(4 * 1024 * 1024) }) }, 413, /too large/],
      ['/login', { method: 'POST', headers: { 'Content-Type': 'application/json; charset=latin1' }, body: '{}' }, 415, /UTF-8/],
      ['/documents/%E0%A4%A', {}, 400, /could not be read/],
      ['/no-such-page', {}, 303, /Redirecting to/],
    ];
    for (const [path, init, status, message] of cases) {
      const answer = await send(path, init);
      expect(answer.status, path).toBe(status);
      expectNothingLeaked(answer.body);
      expect(answer.body).toMatch(message);
      if (status !== 303) expect(answer.type).toMatch(/^text\/html/);
      if (status !== 303) expect(answer.body).toContain(`<h1>${status} · Something went wrong</h1>`);
    }
  });

  it('answers scripts with a JSON error', async () => {
    const cases: [string, RequestInit, number, string][] = [
      ['/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": ' }, 400, 'malformed-json'],
      ['/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": "a\\u0000b"}' }, 400, 'invalid-text'],
      ['/api/documents/%E0%A4%A', {}, 400, 'bad-request'],
      ['/api/no-such-route', {}, 404, 'not-found'],
    ];
    for (const [path, init, status, code] of cases) {
      const answer = await server.fetch(path, { ...init, headers: { ...init.headers, Accept: 'application/json' } });
      const body = await answer.text();
      expect(answer.status, path).toBe(status);
      expectNothingLeaked(body);
      expect(JSON.parse(body).error.code).toBe(code);
    }
  });

  it('says the server failed, and nothing more, when something breaks inside', async () => {
    const broken = await startTestServer();
    await broken.fetch('/api/documents');
    await broken.storage.close();
    const page = await broken.fetch('/documents/1', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(500);
    const body = await page.text();
    expectNothingLeaked(body);
    expect(body).toContain('The server failed to handle this request.');
    await broken.close().catch(() => undefined);
  });
});

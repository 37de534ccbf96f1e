import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMoment } from '../../src/services/validate.js';
import { importSeedThroughApi, startTestServer, type SeedDocument, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;
beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(() => server.close());

async function json(path: string, body: unknown, method = 'POST', as = 'tester') {
  const response = await server.fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, as);
  return { status: response.status, body: await response.json() };
}

describe('hard cases found in review', () => {
  it('answers an upload with a stale CSRF token with 403 and keeps serving', async () => {
    const { cookie } = await server.sessionFor('Ana');
    const form = new FormData();
    form.set('_csrf', 'stale-token-from-an-old-page');
    form.set('text', 'An article that must not be imported.');
    const response = await fetch(`${server.url}/documents`, { method: 'POST', body: form, headers: { cookie } });
    expect(response.status).toBe(403);
    const broken = await fetch(`${server.url}/documents`, {
      method: 'POST', headers: { cookie, 'Content-Type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\ncut off',
    });
    expect(broken.status).toBe(400);
    expect((await server.fetch('/api/documents')).status).toBe(200);
  });

  it('keeps an excluded sentence excluded when a replace changes its text', async () => {
    const tag = seed.segments.find((segment) => segment.text === 'Microsoft' && segment.status === 'excluded')!;
    const preview = await json(`/api/documents/${seed.document.id}/replacements/preview`, { find: 'Microsoft', replace: 'MSFT', wholeWord: true, caseSensitive: true });
    const targets = preview.body.matches.map(({ segmentId, revision }: { segmentId: number; revision: number }) => ({ segmentId, revision }));
    await json('/api/replacements', { find: 'Microsoft', replace: 'MSFT', wholeWord: true, caseSensitive: true, targets: [...targets, { segmentId: 999_999, revision: 0 }] });
    const document = await (await server.fetch(`/api/documents/${seed.document.id}`)).json();
    expect(document.segments.find((segment: { id: number }) => segment.id === tag.id)).toMatchObject({ text: 'MSFT', status: 'excluded' });
    const txt = await (await server.fetch(`/api/documents/${seed.document.id}/export?format=txt`)).text();
    expect(txt).not.toMatch(/^\s*• MSFT$/m);
  });

  it('refuses a replacement that would make a sentence too long, and a restore without its base revision', async () => {
    const tooLong = await json('/api/replacements', { find: 'Oracle', replace: 'x'.repeat(501), targets: [{ segmentId: seed.segments[16]!.id, revision: 0 }] });
    expect(tooLong.status).toBe(400);
    const restore = await json(`/api/segments/${seed.segments[3]!.id}/revert`, { revision: 0 });
    expect(restore.status).toBe(400);
    expect(restore.body.error.message).toMatch(/baseRevision/);
    expect((await json('/api/documents/999999/replacements/preview', { find: 'a' })).status).toBe(404);
  });

  it('limits parallel password guesses, not only sequential ones', async () => {
    await server.fetch('/api/documents', {}, 'Guessed');
    const tries = await Promise.all(Array.from({ length: 12 }, async (_, index) => {
      const page = await fetch(`${server.url}/login`);
      const cookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      return (await fetch(`${server.url}/login`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ name: 'Guessed', password: `wrong ${index}`, _csrf: csrf }) })).status;
    }));
    expect(tries.filter((status) => status === 401)).toHaveLength(5);
    expect(tries.filter((status) => status === 429)).toHaveLength(7);
  });

  it('reads a time without a zone as UTC, and an end minute to its last millisecond', () => {
    expect(readMoment('2026-11-25T14:30', 'from')).toBe('2026-11-25T14:30:00.000Z');
    expect(readMoment('2026-11-25T14:30', 'to', { endOfMinute: true })).toBe('2026-11-25T14:30:59.999Z');
    expect(readMoment('2026-11-25T14:30:00+01:00', 'from')).toBe('2026-11-25T13:30:00.000Z');
    expect(() => readMoment('yesterday', 'from')).toThrow(/date and time/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSeedThroughApi, startTestServer, type SeedDocument, type SegmentJson, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(() => server.close());

/** POST as the user named by `author` (the caller is the author of what it changes). */
async function post(path: string, { author = 'tester', ...body }: Record<string, unknown>) {
  return server.fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, author as string);
}

async function segmentNow(id: number): Promise<SegmentJson> {
  const document = (await (await server.fetch(`/api/documents/${seed.document.id}`)).json()) as SeedDocument;
  return document.segments.find((segment) => segment.id === id)!;
}

function flagOn(segment: SegmentJson, spanText: string) {
  const flag = segment.flags.find((candidate) => segment.text.slice(candidate.start, candidate.end) === spanText);
  if (!flag) throw new Error(`no flag on "${spanText}" in "${segment.text}": ${JSON.stringify(segment.flags)}`);
  return flag;
}

describe('flags through the API', () => {
  it('lists every check with its metadata', async () => {
    const { checks } = await (await server.fetch(`/api/checks`)).json();
    expect(checks.length).toBeGreaterThan(5);
    for (const check of checks) {
      expect(check).toEqual({ id: expect.stringMatching(/^[a-z0-9-]+$/), name: expect.any(String), category: expect.any(String),
        severity: expect.stringMatching(/^(minor|major|critical)$/), description: expect.any(String), needsSource: expect.any(Boolean) });
    }
  });

  it('answers a client that already has the list of checks with 304 Not Modified', async () => {
    const first = await server.fetch('/api/checks');
    const etag = first.headers.get('etag');
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(etag).toMatch(/^"[\w-]+"$/);
    // fetch() adds "Cache-Control: no-cache" to a conditional request that sets none, which asks for the body.
    const again = await server.fetch('/api/checks', { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('gives each sentence its role, flags in the documented shape, and a risk that grows with them', () => {
    const tenant = seed.segments.find((segment) => segment.text.includes('tenant of the White House'))!;
    expect(tenant.role).toBe('body');
    expect(tenant.flags.length).toBeGreaterThan(0);
    for (const flag of tenant.flags) {
      expect(Object.keys(flag).sort()).toEqual(['category', 'checkId', 'end', 'entryId', 'hint', 'message', 'severity', 'start', 'suggestions']);
      expect(flag.end).toBeGreaterThan(flag.start);
    }
    expect(tenant.risk).toBeGreaterThan(0);
    const quote = seed.segments.find((segment) => segment.text.startsWith('"We are convinced'))!;
    expect(quote).toMatchObject({ flags: [], risk: 0 });
  });

  it('applies a suggestion as a normal revision and re-analyses the sentence', async () => {
    const caption = seed.segments.find((segment) => segment.role === 'photo-caption')!;
    const flag = flagOn(caption, 'application');
    const response = await post(`/api/segments/${caption.id}/apply-suggestion`, {
      checkId: flag.checkId, start: flag.start, end: flag.end, baseRevision: 0, suggestion: 0, author: 'Ana',
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.segment.text).toBe(`The Chinese TikTok ${flag.suggestions[0]} in front of the American flag.`);
    expect(body.revision).toMatchObject({ number: 1, kind: 'edit', author: 'Ana', comment: expect.stringContaining('application') });
    expect(body.segment.flags.some((candidate: { checkId: string; start: number }) => candidate.checkId === flag.checkId && candidate.start === flag.start)).toBe(false);
  });

  it('refuses to apply a flag from a stale page', async () => {
    const caption = seed.segments.find((segment) => segment.role === 'photo-caption')!;
    const response = await post(`/api/segments/${caption.id}/apply-suggestion`, {
      checkId: 'false-friends', start: 19, end: 30, baseRevision: 0, suggestion: 0, author: 'Ben',
    });
    expect(response.status).toBe(409);
    expect((await segmentNow(caption.id)).revision).toBe(1);
  });

  it('keeps a dismissed flag dismissed after the sentence is edited elsewhere', async () => {
    const heading = seed.segments.find((segment) => segment.text === 'Decrees against complaint')!;
    const flag = flagOn(heading, 'Decrees');
    const dismissed = await post(`/api/segments/${heading.id}/dismissals`, {
      checkId: flag.checkId, start: flag.start, end: flag.end, baseRevision: 0, author: 'Ana',
    });
    expect(dismissed.status).toBe(201);
    expect((await dismissed.json()).dismissal).toMatchObject({ checkId: flag.checkId, spanText: 'Decrees', author: 'Ana' });

    const edited = await server.fetch(`/api/segments/${heading.id}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Decrees against the complaint', baseRevision: 0 }),
    }, 'Ana');
    const segment = (await edited.json()).segment as SegmentJson;
    expect(segment.flags.some((candidate) => segment.text.slice(candidate.start, candidate.end) === 'Decrees')).toBe(false);
    expect(segment.dismissedFlags.map((candidate) => segment.text.slice(candidate.start, candidate.end))).toEqual(['Decrees']);
  });

  it('answers a flag that is not there with 404 and a bad suggestion index with 400', async () => {
    const tenant = seed.segments.find((segment) => segment.text.includes('tenant of the White House'))!;
    const missing = await post(`/api/segments/${tenant.id}/dismissals`, { checkId: 'no-such-check', start: 0, end: 4, baseRevision: 0, author: 'Ana' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toMatch(/no longer on this sentence/);
    const flag = tenant.flags[0]!;
    const badIndex = await post(`/api/segments/${tenant.id}/apply-suggestion`, { ...flag, baseRevision: 0, suggestion: 99, author: 'Ana' });
    expect(badIndex.status).toBe(400);
    expect((await segmentNow(tenant.id)).revision).toBe(0);
  });
});

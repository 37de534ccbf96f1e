import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSeedThroughApi, SEED_FILE, startTestServer, type SeedDocument, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(() => server.close());

const TENANT = 'This is an announcement that will not fail to react the tenant of the White House as he has invested in the file.';
const FIXED = 'This announcement is sure to draw a reaction from the occupant of the White House, who has taken a personal interest in the matter.';

function segmentWith(text: string) {
  const segment = seed.segments.find((candidate) => candidate.original === text);
  if (!segment) throw new Error(`no segment "${text}"`);
  return segment;
}

/** Save as the user named by `author` (the author of a revision is always the caller). */
async function put(id: number, { author = 'tester', ...body }: Record<string, unknown>) {
  return server.fetch(`/api/segments/${id}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }, author as string);
}

async function postJson(path: string, { author = 'tester', ...body }: Record<string, unknown>) {
  return server.fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, author as string);
}

describe('JSON API', () => {
  it('imports an article into paragraphs and sentences, detecting its language', async () => {
    expect(seed.document).toMatchObject({ title: 'Seed', targetLanguage: 'en', detectedLanguage: 'en' });
    expect(seed.segments).toHaveLength(28);
    expect(seed.segments[3]).toEqual({
      id: expect.any(Number), documentId: seed.document.id, paragraph: 3, position: 3, role: 'body',
      original: TENANT, text: TENANT, revision: 0, status: 'to-review', updatedAt: expect.any(String),
      risk: expect.any(Number), openFlags: expect.any(Number), flags: expect.any(Array), dismissedFlags: [], source: '',
    });
    // Page noise is marked at import and left out of the export until an editor brings it back.
    expect(seed.segments.filter((segment) => segment.status === 'excluded').map((segment) => segment.role))
      .toEqual(['photo-caption', 'separator', 'credit', 'section-label', 'teaser', 'section-label', 'teaser', 'tag', 'tag', 'tag', 'tag', 'tag', 'tag', 'tag']);
    const list = await (await server.fetch(`/api/documents`)).json();
    expect(list.documents).toEqual([expect.objectContaining({
      id: seed.document.id, segmentCount: 28, correctedCount: 0, counts: expect.objectContaining({ total: 28, setAside: 14, toReview: 14 }),
    })]);
  });

  it('warns when the text is not in the declared target language, and still stores it', async () => {
    const response = await postJson('/api/documents', {
      text: "Le président américain a signé des décrets pour forcer ByteDance à vendre les activités de TikTok aux États-Unis.",
      targetLanguage: 'en',
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.document.detectedLanguage).toBe('fr');
    expect(body.languageWarning).toMatch(/looks like French, not English/);
  });

  it('saves a correction as a revision, answers 409 to a stale base, and keeps both in history', async () => {
    const segment = segmentWith(TENANT);
    const first = await put(segment.id, { text: FIXED, baseRevision: 0, author: 'Ana', comment: 'calque and false friends' });
    expect(first.status).toBe(200);
    const saved = await first.json();
    expect(saved.segment).toMatchObject({ text: FIXED, revision: 1, status: 'edited' });
    expect(saved.revision).toMatchObject({ number: 1, kind: 'edit', author: 'Ana', comment: 'calque and false friends' });
    expect(saved.diff).toContainEqual({ text: 'occupant', kind: 'added' });

    const stale = await put(segment.id, { text: 'Something else.', baseRevision: 0, author: 'Ben' });
    expect(stale.status).toBe(409);
    // The three texts a merge needs: where Ben started, Ana's text with its word diff, and Ben's.
    expect(await stale.json()).toEqual({ error: {
      code: 'conflict', message: expect.stringMatching(/changed by Ana since you opened it/), current: { id: segment.id, text: FIXED, revision: 1, status: 'edited' },
      base: { revision: 0, text: segment.original },
      theirs: { revision: 1, text: FIXED, author: 'Ana', createdAt: expect.any(String), diff: expect.arrayContaining([{ text: 'occupant', kind: 'added' }]) },
      yours: { text: 'Something else.', diff: expect.arrayContaining([{ text: 'Something', kind: 'added' }]) },
    } });

    const history = await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json();
    expect(history.revisions.map((revision: { number: number; author: string; text: string }) => [revision.number, revision.author, revision.text]))
      .toEqual([[0, 'tester', TENANT], [1, 'Ana', FIXED]]);
    expect(history.revisions[1].patch).toContainEqual(['-', 'tenant']);
  });

  it('reverts to an earlier version as a new revision', async () => {
    const segment = segmentWith(TENANT);
    const stale = await postJson(`/api/segments/${segment.id}/revert`, { revision: 0, baseRevision: 0, author: 'Cleo' });
    expect(stale.status).toBe(409);
    const response = await postJson(`/api/segments/${segment.id}/revert`, { revision: 0, baseRevision: 1, author: 'Cleo' });
    expect(response.status).toBe(200);
    expect((await response.json()).segment).toMatchObject({ text: TENANT, revision: 2 });
    const again = await put(segment.id, { text: FIXED, baseRevision: 2, author: 'Ana' });
    expect((await again.json()).segment.revision).toBe(3);
  });

  it('exports the clean text with paragraphs kept, and JSON with every revision', async () => {
    const txt = await server.fetch(`/api/documents/${seed.document.id}/export?format=txt`);
    expect(txt.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(txt.headers.get('content-disposition')).toMatch(/^attachment; filename="?\d+-seed\.txt"?$/);
    const original = fs.readFileSync(SEED_FILE, 'utf8');
    const clean = await txt.text();
    // The photo's caption is page noise, left out like its credit.
    expect(clean.startsWith(`${FIXED}\n\nMicrosoft's offer`)).toBe(true);
    expect(clean.endsWith('Oracle and TikTok did not immediately confirm.\n')).toBe(true);
    const everything = await server.fetch(`/api/documents/${seed.document.id}/export?format=txt&include=excluded`);
    expect(everything.headers.get('content-disposition')).toMatch(/^attachment; filename="?\d+-seed\.with-excluded\.txt"?$/);
    expect(await everything.text()).toBe(`${original.replace(TENANT, FIXED).replace(/\n$/, '')}\n`);

    const json = await (await server.fetch(`/api/documents/${seed.document.id}/export?format=json`)).json();
    const exported = json.segments.find((segment: { original: string }) => segment.original === TENANT);
    expect(exported.text).toBe(FIXED);
    expect(exported.revisions.map((revision: { kind: string }) => revision.kind)).toEqual(['import', 'edit', 'revert', 'edit']);
    expect(`${json.text}\n`).toBe(clean);
    expect(exported).toMatchObject({ role: 'body', status: 'edited', risk: expect.any(Number), flags: expect.any(Array) });
  });

  it('imports an uploaded file through the API as the import form does', async () => {
    const form = new FormData();
    form.set('title', 'Uploaded by a script');
    form.set('file', new Blob([Buffer.from('The minister spoke.\r\n\r\nThe unions answered.', 'utf8')]), 'story.txt');
    const response = await server.fetch('/api/documents', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ document: { title: 'Uploaded by a script' }, segmentCount: 2 });
  });

  it('answers bad input with a clear JSON error and stores nothing', async () => {
    const before = (await (await server.fetch(`/api/documents`)).json()).documents.length;
    const cases: [Promise<Response>, number, RegExp][] = [
      [postJson('/api/documents', { text: '   \n\n ' }), 400, /empty/],
      [postJson('/api/documents', { text: 'abc\u0001\u0002def' }), 400, /"text": The value holds the control character U\+0001 at character 4/],
      [postJson('/api/documents', { text: 'abc\u0000def' }), 400, /cannot be stored/],
      [postJson('/api/documents', { text: 'word '.repeat(450_000) }), 413, /limit is 2\.0 MB/],
      [postJson('/api/documents', { text: 'Hello there.', targetLanguage: 'xx' }), 400, /not a target language/],
      [postJson('/api/documents', { title: 'no text' }), 400, /The article is empty/],
      [postJson('/api/documents', { text: ['a list'] }), 400, /"text" must be a string/],
      [server.fetch(`/api/documents`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": ' }), 400, /not valid JSON/],
      [server.fetch(`/api/documents`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Hello.' }), 415, /JSON object/],
      [server.fetch(`/api/documents/999999`), 404, /does not exist/],
      [server.fetch(`/api/documents/abc`), 404, /does not exist/],
      [server.fetch(`/api/documents/${seed.document.id}/export?format=pdf`), 400, /format/],
      [put(999999, { text: 'x', baseRevision: 0, author: 'Ana' }), 404, /does not exist/],
      [put(seed.segments[0]!.id, { text: 'x', author: 'Ana' }), 400, /baseRevision/],
      [fetch(`${server.url}/api/segments/${seed.segments[0]!.id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"text":"x","baseRevision":0}' }), 401, /API token/],
      [put(seed.segments[0]!.id, { text: 'x', baseRevision: 0, author: 'viewer' }), 403, /needs the editor role/],
      [fetch(`${server.url}/api/documents`, { headers: { Authorization: 'Bearer rt_not-a-token' } }), 401, /unknown, revoked/],
      [server.fetch(`/api/nothing-here`), 404, /nothing at GET/],
    ];
    for (const [request, status, message] of cases) {
      const response = await request;
      expect(response.status, message.source).toBe(status);
      const body = await response.json();
      expect(body.error.message).toMatch(message);
      expect(typeof body.error.code).toBe('string');
    }
    expect((await (await server.fetch(`/api/documents`)).json()).documents.length).toBe(before);
    const untouched = await (await server.fetch(`/api/documents/${seed.document.id}`)).json();
    expect(untouched.segments[0].revision).toBe(0);
  });

  it('gives the sentences of a long document 1,000 a page, in reading order', async () => {
    const text = Array.from({ length: 1_500 }, (_, index) => `Sentence ${index + 1} is here.`).join('\n\n');
    const { document } = await (await postJson('/api/documents', { title: 'Long', text })).json() as { document: { id: number } };
    const first = await (await server.fetch(`/api/documents/${document.id}`)).json();
    expect(first).toMatchObject({ page: 1, pageSize: 1_000, pageCount: 2, progress: expect.objectContaining({ total: 1_500 }) });
    expect(first.segments).toHaveLength(1_000);
    const second = await (await server.fetch(`/api/documents/${document.id}?page=2`)).json();
    expect(second.segments.map((segment: { position: number }) => segment.position)).toEqual(Array.from({ length: 500 }, (_, index) => 1_000 + index));
    expect(second.segments[499].text).toBe('Sentence 1500 is here.');
    expect((await (await server.fetch(`/api/documents/${document.id}?page=3`)).json()).segments).toEqual([]);
  });
});

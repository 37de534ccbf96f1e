import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSeedThroughApi, startTestServer, type SeedDocument, type TestServer } from '../support/test-server.js';

// The HTML forms must work with JavaScript off: these tests submit them as a browser without scripts would.
let server: TestServer;
let seed: SeedDocument;

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(() => server.close());

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

/** Submit a form as a logged-in browser would: session cookie and the session's CSRF token. */
async function postForm(path: string, body: URLSearchParams | FormData, as = 'Ana') {
  const { cookie, csrfToken } = await server.sessionFor(as);
  body.set('_csrf', csrfToken);
  return fetch(`${server.url}${path}`, { method: 'POST', body, redirect: 'manual', headers: { cookie } });
}

/** Open a page as a logged-in browser would. */
async function open(path: string, as = 'Ana') {
  const { cookie } = await server.sessionFor(as);
  return fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
}

describe('HTML pages without JavaScript', () => {
  it('lists documents with their sentence and correction counts', async () => {
    const html = await (await open('/documents')).text();
    expect(html).toContain(`<a href="/documents/${seed.document.id}">Seed</a>`);
    expect(html).toMatch(/<td class="num" data-unit="sentences">28<\/td>\s*<td class="num" data-unit="corrected">0<\/td>/);
    // Reviewed of those to review (the 14 set aside as page noise apart), and the open flags, from the kept counters.
    const { progress } = await (await server.fetch(`/api/documents/${seed.document.id}/progress`)).json();
    expect(html).toContain(`<td class="num" data-unit="reviewed" title="14 set aside as page noise">0/14</td>\n      <td class="num" data-unit="open flags">${progress.openFlags}</td>`);
    expect(progress.openFlags).toBeGreaterThan(0);
  });

  it('shows every sentence grouped by paragraph, each with a link to its own edit page', async () => {
    const html = await (await open(`/documents/${seed.document.id}`)).text();
    expect(html.match(/<article class="segment/g)).toHaveLength(28);
    expect(html.match(/<section class="paragraph"/g)).toHaveLength(28);
    expect(html.match(/<form class="segment-form"/g)).toHaveLength(1);
    const segment = seed.segments[3]!;
    expect(html).toContain(`href="/segments/${segment.id}/edit"`);
    const edit = await (await open(`/segments/${segment.id}/edit`)).text();
    expect(edit).toContain(`action="/segments/${segment.id}"`);
    expect(edit).toContain(`action="/segments/${segment.id}/apply-suggestion"`);
    expect(edit).toContain(`action="/segments/${segment.id}/dismissals"`);
    expect(edit).toContain(`action="/segments/${segment.id}/status"`);
    expect(edit).toContain(`>${segment.original}</textarea>`);
  });

  it('saves a correction from the plain form and shows the inline diff', async () => {
    const segment = seed.segments[3]!;
    const fixed = segment.original.replace('tenant', 'occupant');
    const response = await postForm(`/segments/${segment.id}`, form({ text: fixed, baseRevision: '0', comment: '' }));
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/documents/${seed.document.id}\\?sentence=${segment.id}&action=\\d+&propagate=${segment.id}$`));
    // The address of the sentence leads to the page that holds it, the offers kept.
    const page = (await open(location)).headers.get('location')!;
    expect(page).toMatch(/action=\d+/);
    const html = await (await open(page)).text();
    expect(html).toContain('<del>tenant</del><ins>occupant</ins>');
    // The page offers to undo the save just made.
    const actionId = /action=(\d+)/.exec(location)![1];
    expect(html).toContain(`<form method="post" action="/actions/${actionId}/undo">`);
    // Undone from that form: back on the page, offered to redo.
    const undone = await postForm(`/actions/${actionId}/undo`, form({ returnTo: `/documents/${seed.document.id}?sentence=${segment.id}` }));
    expect(undone.status).toBe(303);
    expect(undone.headers.get('location')).toMatch(new RegExp(`^/documents/${seed.document.id}\\?sentence=${segment.id}&action=\\d+$`));
    expect((await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json()).segment).toMatchObject({ text: segment.original, revision: 2 });
    const redone = await postForm(`/actions/${/action=(\d+)/.exec(undone.headers.get('location')!)![1]}/undo`, form({}));
    expect(redone.status).toBe(303);
    expect((await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json()).segment).toMatchObject({ text: fixed, revision: 3 });
  });

  it('answers a stale save with 409 and the three versions, and saves over theirs only once the editor chose, never silently', async () => {
    const segment = seed.segments[3]!;
    // Ana's text, saved, undone and redone above: version 3.
    const theirs = '3';
    const response = await postForm(`/segments/${segment.id}`, form({ text: 'My own rewrite.', baseRevision: '0' }), 'Ben');
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('changed by Ana since you opened it');
    expect(html).toMatch(/<p class="base">.*version 0.*tenant of the White House/s);
    expect(html).toMatch(/<p class="theirs">.*version 3, Ana.*<ins>occupant<\/ins>/s);
    expect(html).toContain('>My own rewrite.</textarea>');
    // The form still names the version Ben started from, and the one he was shown.
    expect(html).toContain('name="baseRevision" value="0"');
    expect(html).toContain(`name="seenRevision" value="${theirs}"`);

    // Submitted again as it came back (no choice): refused, nothing saved.
    const unchosen = await postForm(`/segments/${segment.id}`, form({ text: 'My own rewrite.', baseRevision: '0', seenRevision: theirs }), 'Ben');
    expect(unchosen.status).toBe(400);
    // The old form submitted once more, without the version seen: the conflict again, never an overwrite.
    expect((await postForm(`/segments/${segment.id}`, form({ text: 'My own rewrite.', baseRevision: '0' }), 'Ben')).status).toBe(409);
    const kept = await postForm(`/segments/${segment.id}`, form({ text: 'My own rewrite.', baseRevision: '0', seenRevision: theirs, choice: 'theirs' }), 'Ben');
    expect(kept.status).toBe(303);
    expect((await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json()).segment.revision).toBe(3);
    const mine = await postForm(`/segments/${segment.id}`, form({ text: 'My own rewrite.', baseRevision: '0', seenRevision: theirs, choice: 'mine' }), 'Ben');
    expect(mine.status).toBe(303);
    const after = (await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json()).segment;
    expect(after).toMatchObject({ text: 'My own rewrite.', revision: 4 });
  });

  it('records the signed-in user as the author, and refuses a form without its CSRF token', async () => {
    const segment = seed.segments[6]!;
    const { cookie } = await server.sessionFor('Dora');
    const forged = await fetch(`${server.url}/segments/${segment.id}`, {
      method: 'POST', redirect: 'manual', headers: { cookie }, body: form({ text: 'Forged', baseRevision: '0' }),
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('did not come from Retouche');
    const response = await postForm(`/segments/${segment.id}`, form({ text: 'Executive orders challenged in court', baseRevision: '0', author: 'Someone Else' }), 'Dora');
    expect(response.status).toBe(303);
    const history = await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json();
    expect(history.revisions.map((revision: { author: string }) => revision.author)).toEqual(['tester', 'Dora']);
    const viewer = await postForm(`/segments/${segment.id}`, form({ text: 'Viewer text', baseRevision: '1' }), 'viewer');
    expect(viewer.status).toBe(403);
  });

  it('shows the history with both lines of each change, compares versions and restores one', async () => {
    const segment = seed.segments[3]!;
    let html = await (await open(`/segments/${segment.id}/history?from=0&to=1`)).text();
    expect(html).toMatch(/Version 1<\/strong>\s*· edited\s*by <span class="author">Ana<\/span>/);
    expect(html).toContain('<p class="before"><span class="label">v0</span> <span>This is an announcement that will not fail to react the </span><del>tenant</del>');
    const { revision } = (await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json()).segment;
    const restore = await postForm(`/segments/${segment.id}/revert`, form({ revision: '0', baseRevision: String(revision) }));
    expect(restore.status).toBe(303);
    // Back on the history, offered to undo the restore.
    expect(restore.headers.get('location')).toMatch(new RegExp(`^/segments/${segment.id}/history\\?action=\\d+$`));
    html = await (await open(restore.headers.get('location')!)).text();
    expect(html).toMatch(new RegExp(`Version ${revision + 1}</strong>\\s*· restored version 0`));
    expect(html).toContain('Done: restored version by Ana.');
  });

  it('imports an uploaded UTF-8 file with a BOM and CRLF line ends', async () => {
    const body = new FormData();
    body.set('title', '');
    body.set('targetLanguage', 'en');
    body.set('file', new Blob([Buffer.from('\uFEFFThe minister announced the plan on Monday. It was welcomed by the unions.\r\n\r\nTalks resume next week.\r\n', 'utf8')]), 'uploaded-story.txt');
    const response = await postForm('/documents', body);
    expect(response.status).toBe(303);
    const id = response.headers.get('location')!.split('/').pop();
    const document = await (await server.fetch(`/api/documents/${id}`)).json();
    expect(document.document.title).toBe('uploaded-story');
    expect(document.segments.map((segment: { text: string; paragraph: number }) => [segment.paragraph, segment.text])).toEqual([
      [0, 'The minister announced the plan on Monday.'], [0, 'It was welcomed by the unions.'], [1, 'Talks resume next week.'],
    ]);
  });

  it('refuses a non-UTF-8 file, binary data and an empty paste on the import page, storing nothing', async () => {
    const count = async () => (await (await server.fetch(`/api/documents`)).json()).documents.length;
    const before = await count();
    const latin1 = new FormData();
    latin1.set('file', new Blob([Buffer.from('Le caf\xe9 est ferm\xe9.', 'latin1')]), 'latin1.txt');
    const binary = new FormData();
    binary.set('file', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])]), 'image.txt');
    const empty = new FormData();
    empty.set('text', '   ');
    const big = new FormData();
    big.set('file', new Blob([Buffer.alloc(2 * 1024 * 1024 + 1, 'a')]), 'big.txt');
    for (const [body, status, message] of [[latin1, 415, /not UTF-8 text/], [binary, 415, /binary data/], [empty, 400, /empty/], [big, 413, /2\.0 MB/]] as const) {
      const response = await postForm('/documents', body);
      expect(response.status).toBe(status);
      const html = await response.text();
      expect(html).toMatch(message);
      expect(html).toContain('Nothing was stored.');
    }
    expect(await count()).toBe(before);
  });

  it('says on the import page when the text is not in the target language', async () => {
    const body = new FormData();
    body.set('text', "L'application chinoise TikTok devant le drapeau américain. Le président a signé des décrets.");
    body.set('targetLanguage', 'en');
    const response = await postForm('/documents', body);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/looks like French, not English[\s\S]*Open the document/);
  });

  it('applies a suggestion and dismisses a flag from the plain forms', async () => {
    const document = await (await server.fetch(`/api/documents/${seed.document.id}`)).json();
    const caption = document.segments.find((segment: { role: string }) => segment.role === 'photo-caption');
    const [flag] = caption.flags;
    const fields = { checkId: flag.checkId, start: String(flag.start), end: String(flag.end), baseRevision: String(caption.revision) };
    const applied = await postForm(`/segments/${caption.id}/apply-suggestion`, form({ ...fields, suggestion: '0' }));
    expect(applied.status).toBe(303);
    const heading = document.segments.find((segment: { id: number; flags: unknown[] }) => segment.id !== caption.id && segment.flags.length > 0);
    const dismiss = heading.flags[0];
    const dismissed = await postForm(`/segments/${heading.id}/dismissals`, form({
      checkId: dismiss.checkId, start: String(dismiss.start), end: String(dismiss.end), baseRevision: String(heading.revision),
    }));
    expect(dismissed.status).toBe(303);
    const after = await (await server.fetch(`/api/documents/${seed.document.id}`)).json();
    expect(after.segments.find((segment: { id: number }) => segment.id === caption.id).text).toContain(flag.suggestions[0]);
    expect(after.segments.find((segment: { id: number }) => segment.id === heading.id).dismissedFlags).toHaveLength(1);
  });

  it('answers unknown pages and ids with a 404 page', async () => {
    for (const path of ['/documents/999999', '/segments/999999/history', '/no-such-page']) {
      const response = await open(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const call = (method: string, path: string, payload?: Record<string, unknown>) => callApi(server, method, path, payload);

async function importArticle(title: string): Promise<{ id: number; segmentIds: number[] }> {
  const created = await call('POST', '/api/documents', { title, text: 'The tenant of the White House spoke. He was welcomed.\n\nTalks resume.', author: 'Ana' });
  expect(created.status).toBe(201);
  const document = (await call('GET', `/api/documents/${created.body.document.id}`)).body;
  return { id: document.document.id, segmentIds: document.segments.map((segment: { id: number }) => segment.id) };
}

async function listed(archived = false): Promise<{ id: number; title: string; lastAuthor: string; updatedAt: string }[]> {
  return (await call('GET', `/api/documents${archived ? '?archived=1' : ''}`)).body.documents;
}

/** Submit a form as a logged-in browser would. */
async function postForm(path: string, fields: Record<string, string>, as: string) {
  const { cookie, csrfToken } = await server.sessionFor(as);
  return fetch(`${server.url}${path}`, { method: 'POST', body: new URLSearchParams({ ...fields, _csrf: csrfToken }), redirect: 'manual', headers: { cookie } });
}

describe('documents you can manage', () => {
  it('lets editors rename a document under the title rules, shows who changed it last, and records the rename', async () => {
    const { id, segmentIds } = await importArticle('Draft title');
    const renamed = await call('PUT', `/api/documents/${id}/title`, { title: '  White House reacts  ', author: 'Ben' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.document).toMatchObject({ id, title: 'White House reacts', lastAuthor: 'Ben' });
    expect(renamed.body.event).toMatchObject({ type: 'rename', body: 'White House reacts', author: 'Ben' });
    for (const [title, message] of [['One\nTwo', /line break/], ['x'.repeat(301), /limit is 300/], ['   ', /Give the document a title/]] as const) {
      const refused = await call('PUT', `/api/documents/${id}/title`, { title, author: 'Ben' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(message);
    }
    expect((await call('PUT', `/api/documents/${id}/title`, { title: 'Viewer title', author: 'viewer' })).status).toBe(403);

    await call('PUT', `/api/segments/${segmentIds[1]}`, { text: 'He was greeted.', baseRevision: 0, author: 'Cleo' });
    const entry = (await listed()).find((document) => document.id === id)!;
    expect(entry).toMatchObject({ title: 'White House reacts', lastAuthor: 'Cleo' });
    const timeline = (await call('GET', `/api/documents/${id}/timeline`)).body.entries.map((event: { type: string; author: string }) => [event.type, event.author]);
    expect(timeline).toEqual([['revision', 'Cleo'], ['rename', 'Ben'], ['import', 'Ana']]);

    // The no-JS form: the page, then the rename posted to the same path.
    const { cookie } = await server.sessionFor('Ben');
    const page = await (await fetch(`${server.url}/documents/${id}/manage`, { headers: { cookie } })).text();
    expect(page).toContain(`action="/documents/${id}/title"`);
    expect(page).not.toContain('Delete for good');
    const posted = await postForm(`/documents/${id}/title`, { title: 'White House reacts again' }, 'Ben');
    expect(posted.status).toBe(303);
    const refusedForm = await postForm(`/documents/${id}/title`, { title: '' }, 'Ben');
    expect(refusedForm.status).toBe(400);
    expect(await refusedForm.text()).toContain('Give the document a title');
  });

  it('lets only admins archive, hiding the document from the list until it is brought back', async () => {
    const { id } = await importArticle('To archive');
    expect((await call('PUT', `/api/documents/${id}/archived`, { archived: true, author: 'Ben' })).status).toBe(403);
    const archived = await call('PUT', `/api/documents/${id}/archived`, { archived: true, author: 'admin' });
    expect(archived.status).toBe(200);
    expect(archived.body.document.archivedAt).toEqual(expect.any(String));
    expect((await listed()).map((document) => document.id)).not.toContain(id);
    expect((await listed(true)).map((document) => document.id)).toEqual([id]);
    // Still readable at its address, where its page says it is archived (an editor reaching it by a link would not know).
    expect((await call('GET', `/api/documents/${id}`)).status).toBe(200);
    const { cookie } = await server.sessionFor('Ben');
    const page = async () => (await fetch(`${server.url}/documents/${id}`, { headers: { cookie } })).text();
    expect(await page()).toContain(`This document was archived on ${archived.body.document.archivedAt.slice(0, 10)}`);
    expect((await call('PUT', `/api/documents/${id}/archived`, { archived: 'maybe', author: 'admin' })).status).toBe(400);
    const back = await postForm(`/documents/${id}/archived`, { archived: 'false' }, 'admin');
    expect(back.status).toBe(303);
    expect((await listed()).map((document) => document.id)).toContain(id);
    expect(await page()).not.toContain('This document was archived');
    const types = (await call('GET', `/api/documents/${id}/timeline`)).body.entries.map((event: { type: string }) => event.type);
    expect(types).toEqual(['unarchive', 'archive', 'import']);
  });

  it('deletes a document for admins only, once its title is typed, leaving nothing of it', async () => {
    const { id, segmentIds } = await importArticle('Doomed story');
    const kept = await importArticle('Kept story');
    const saved = await call('PUT', `/api/segments/${segmentIds[0]}`, { text: 'The occupant of the White House spoke.', baseRevision: 0, author: 'Ana' });
    await call('POST', `/api/segments/${segmentIds[0]}/comments`, { body: 'Check.', author: 'Ana' });
    await call('POST', `/api/segments/${segmentIds[1]}/presence`, { open: true, author: 'Ana' });

    expect((await call('DELETE', `/api/documents/${id}`, { confirmTitle: 'Doomed story', author: 'Ben' })).status).toBe(403);
    const wrong = await call('DELETE', `/api/documents/${id}`, { confirmTitle: 'Doomed', author: 'admin' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('type its title exactly: “Doomed story”');
    const deleted = await call('DELETE', `/api/documents/${id}`, { confirmTitle: 'Doomed story', author: 'admin' });
    expect(deleted).toEqual({ status: 200, body: { deleted: { id, title: 'Doomed story' } } });

    expect((await call('GET', `/api/documents/${id}`)).status).toBe(404);
    expect((await call('GET', `/api/segments/${segmentIds[0]}/revisions`)).status).toBe(404);
    expect((await call('POST', `/api/actions/${saved.body.action.id}/undo`, { author: 'Ana' })).status).toBe(404);
    const { storage } = server;
    for (const segmentId of segmentIds) {
      expect(await storage.segments.get(segmentId)).toBeUndefined();
      expect(await storage.revisions.listBySegment(segmentId)).toEqual([]);
      expect(await storage.dismissals.listBySegment(segmentId)).toEqual([]);
      expect(await storage.events.listBySegment(segmentId)).toEqual([]);
    }
    expect(await storage.events.listAfter(id, -1, 100)).toEqual([]);
    expect(await storage.presence.list(id, new Date(0).toISOString())).toEqual([]);
    const ids = (await listed()).map((document) => document.id);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(id);
    expect((await call('GET', `/api/documents/${kept.id}`)).body.segments).toHaveLength(3);

    // From the form: the typed title, then back to the list.
    const form = await postForm(`/documents/${kept.id}`, { confirmTitle: 'Kept story' }, 'admin');
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/documents');
    expect((await call('GET', `/api/documents/${kept.id}`)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_CHECK_MS } from '../../src/services/document-feed.js';
import { openEventStream, type EventStreamClient, type StreamEvent } from '../support/event-stream.js';
import { callApi, importSeedThroughApi, startTestServer, type SeedDocument, type SegmentJson, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;
const open: EventStreamClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(async () => {
  for (const stream of open) stream.close();
  await server.close();
});

async function stream(as: string, documentId = seed.document.id, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  const client = await openEventStream((init) => server.fetch(`/api/documents/${documentId}/events`, init, as), headers);
  open.push(client);
  return client;
}

const call = (method: string, path: string, payload?: Record<string, unknown>) => callApi(server, method, path, payload);

/** Save a new text of a sentence from its current revision. */
async function save(segmentId: number, text: string, author = 'Ana') {
  const { segment } = (await call('GET', `/api/segments/${segmentId}/revisions`)).body as { segment: SegmentJson };
  return call('PUT', `/api/segments/${segmentId}`, { text, baseRevision: segment.revision, author });
}

const isChangeOf = (segmentId: number) => (event: StreamEvent) => event.event === 'revision' && (event.data as { segmentId: number }).segmentId === segmentId;

describe('the live document stream', () => {
  it('sends a save to two open streams within a second, with the sentence as it is now and the action to undo', async () => {
    const [first, second] = [await stream('viewer'), await stream('Ben')];
    expect([first.status, second.status]).toEqual([200, 200]);
    const heading = seed.segments.find((segment) => segment.text.startsWith('Decrees against'))!;
    const saved = performance.now();
    const answer = await save(heading.id, 'Executive orders against TikTok.');
    expect(answer.status).toBe(200);
    for (const client of [first, second]) {
      const event = await client.next(isChangeOf(heading.id));
      expect(event.at - saved).toBeLessThan(1_000);
      expect(event.id).toEqual(expect.stringMatching(/^\d+$/));
      expect(event.data).toMatchObject({
        type: 'revision', author: 'Ana', revision: answer.body.segment.revision, status: 'edited', action: { id: answer.body.action.id, kind: 'save' },
        segment: { id: heading.id, text: 'Executive orders against TikTok.', revision: answer.body.segment.revision },
      });
    }
    // Statuses, comments and undos come the same way, in order.
    await call('POST', `/api/segments/${heading.id}/comments`, { body: 'US usage.', author: 'Ana' });
    await call('POST', `/api/actions/${answer.body.action.id}/undo`, { author: 'Ana' });
    const comment = await first.next((event) => event.event === 'comment');
    const undo = await first.next((event) => event.event === 'revision' && (event.data as { action: { kind: string } }).action.kind === 'undo');
    expect(Number(undo.id)).toBeGreaterThan(Number(comment.id));
    expect(undo.data).toMatchObject({ undoesEvent: expect.any(Number), segment: { text: heading.text } });
    first.close();
    second.close();
  });

  it('resumes after a disconnect from Last-Event-ID, missing nothing and sending nothing twice', async () => {
    const quote = seed.segments.find((segment) => segment.text.startsWith('"We are convinced'))!;
    const client = await stream('viewer');
    await save(quote.id, '"We are sure," said one.');
    const seen = await client.next(isChangeOf(quote.id));
    client.close();
    // Three changes while the client is away.
    await save(quote.id, '"We are quite sure," said one.');
    await call('POST', `/api/segments/${quote.id}/comments`, { body: 'Check the quote.', author: 'Ben' });
    await save(quote.id, '"We are certain," said one.', 'Ben');
    const resumed = await stream('viewer', seed.document.id, { 'Last-Event-ID': seen.id! });
    await resumed.next((event) => isChangeOf(quote.id)(event) && (event.data as { author: string }).author === 'Ben');
    const ids = resumed.events.filter((event) => event.id !== null).map((event) => Number(event.id));
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBeGreaterThan(Number(seen.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(resumed.events.filter((event) => event.id !== null).map((event) => event.event)).toEqual(['revision', 'comment', 'revision']);
    // The stream goes on with what comes next, once.
    await save(quote.id, '"We are convinced," said one.');
    await resumed.next((event) => isChangeOf(quote.id)(event) && (event.data as { segment: { text: string } }).segment.text.includes('convinced'));
    expect(new Set(resumed.events.map((event) => event.id)).size).toBe(resumed.events.length);
    resumed.close();
  });

  it('tells others who has a sentence open, until it is closed', async () => {
    const watcher = await stream('Ben');
    const quote = seed.segments.find((segment) => segment.text.startsWith('"We are convinced'))!;
    const opened = await call('POST', `/api/segments/${quote.id}/presence`, { open: true, author: 'Ana' });
    expect(opened).toMatchObject({ status: 200, body: { presence: { segmentId: quote.id, open: true, expiresAt: expect.any(String) } } });
    const shown = await watcher.next((event) => event.event === 'presence' && (event.data as { editors: unknown[] }).editors.length > 0);
    expect(shown.data).toEqual({ editors: [expect.objectContaining({ segmentId: quote.id, author: 'Ana' })] });
    const from = watcher.events.length;
    await call('POST', `/api/segments/${quote.id}/presence`, { open: false, author: 'Ana' });
    await watcher.next((event) => event.event === 'presence' && (event.data as { editors: unknown[] }).editors.length === 0, { from });
    expect((await call('POST', `/api/segments/${quote.id}/presence`, { open: 'yes', author: 'Ana' })).status).toBe(400);
    expect((await call('POST', `/api/segments/${quote.id}/presence`, { open: true, author: 'viewer' })).status).toBe(403);
    watcher.close();
  });

  it('refuses a caller without credentials, a bad Last-Event-ID and a missing document', async () => {
    expect((await fetch(`${server.url}/api/documents/${seed.document.id}/events`)).status).toBe(401);
    const bad = await stream('viewer', seed.document.id, { 'Last-Event-ID': 'yesterday' });
    expect(bad.status).toBe(400);
    expect((await stream('viewer', 999_999)).status).toBe(404);
  });

  it(`ends the stream of a user who is disabled, within ${ACCESS_CHECK_MS / 1000} s`, async () => {
    const client = await stream('Dora');
    const admin = await server.sessionFor('admin');
    const disabledAt = performance.now();
    const disable = await fetch(`${server.url}/admin/users/Dora/disabled`, {
      method: 'POST', redirect: 'manual', headers: { cookie: admin.cookie }, body: new URLSearchParams({ disabled: '1', _csrf: admin.csrfToken }),
    });
    expect(disable.status).toBe(303);
    const end = await client.next((event) => event.event === 'end', { timeoutMs: ACCESS_CHECK_MS + 3_000 });
    expect(end.data).toEqual({ reason: 'access' });
    await client.ended;
    expect(performance.now() - disabledAt).toBeLessThan(ACCESS_CHECK_MS + 1_000);
  }, 20_000);

  it('ends every stream of a document that is deleted', async () => {
    const other = await call('POST', '/api/documents', { title: 'Short-lived', text: 'One sentence here. Another one there.', author: 'admin' });
    const client = await stream('viewer', other.body.document.id);
    await client.next((event) => event.event === 'presence');
    const deleted = await call('DELETE', `/api/documents/${other.body.document.id}`, { confirmTitle: 'Short-lived', author: 'admin' });
    expect(deleted.status).toBe(200);
    await client.next((event) => event.event === 'deleted');
    await client.ended;
    expect(server.feed.stats().documents).toBeLessThanOrEqual(1);
  });
});

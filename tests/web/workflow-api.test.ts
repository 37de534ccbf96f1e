import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSeedThroughApi, startTestServer, type SeedDocument, type SegmentJson, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(() => server.close());

/** Call the API as the user named by the body's `author` (default "tester"): the caller is the author. */
async function call(method: string, path: string, payload?: Record<string, unknown>) {
  const { author = 'tester', ...body } = payload ?? {};
  const response = await server.fetch(path, {
    method, headers: { 'Content-Type': 'application/json' }, body: payload === undefined ? undefined : JSON.stringify(body),
  }, author as string);
  return { status: response.status, body: await response.json() };
}

function sentence(startsWith: string): SegmentJson {
  return seed.segments.find((segment) => segment.text.startsWith(startsWith))!;
}

async function current(id: number): Promise<SegmentJson> {
  return (await call('GET', `/api/documents/${seed.document.id}`)).body.segments.find((segment: SegmentJson) => segment.id === id);
}

describe('review workflow API', () => {
  it('approves a sentence, refuses to approve text changed since it was read, and counts progress', async () => {
    const before = (await call('GET', `/api/documents/${seed.document.id}/progress`)).body.progress;
    // A fresh article: nothing reviewed yet, its page noise (the photo's caption and credit, a separator, section labels, teasers, tags) set aside.
    expect(before).toMatchObject({ total: 28, reviewed: 0, toReview: 14, setAside: 14, excluded: 14, approved: 0, corrected: 0 });
    const quote = sentence('"We are convinced');
    const approved = await call('POST', `/api/segments/${quote.id}/status`, { status: 'approved', baseRevision: 0, author: 'Ana' });
    expect(approved.status).toBe(200);
    expect(approved.body.segment.status).toBe('approved');
    expect(approved.body.event).toMatchObject({ type: 'status', status: 'approved', previousStatus: quote.status, author: 'Ana' });
    expect(approved.body.action).toMatchObject({ kind: 'status', author: 'Ana' });

    const oracle = sentence('Oracle and TikTok');
    await call('PUT', `/api/segments/${oracle.id}`, { text: 'Oracle and TikTok did not confirm immediately.', baseRevision: 0, author: 'Ben' });
    const stale = await call('POST', `/api/segments/${oracle.id}/status`, { status: 'approved', baseRevision: 0, author: 'Ana' });
    expect(stale.status).toBe(409);
    expect((await current(oracle.id)).status).toBe('edited');

    const invalid = await call('POST', `/api/segments/${quote.id}/status`, { status: 'edited', baseRevision: 0, author: 'Ana' });
    expect(invalid.status).toBe(400);
    const after = (await call('GET', `/api/documents/${seed.document.id}/progress`)).body.progress;
    expect(after).toMatchObject({ reviewed: 2, toReview: 12, setAside: 14, approved: 1, edited: 1, corrected: 1 });
  });

  it('sends an approved sentence back to "edited" when its text changes', async () => {
    const quote = sentence('"We are convinced');
    const saved = await call('PUT', `/api/segments/${quote.id}`, { text: `${quote.text} `.trim().replace('convinced', 'sure'), baseRevision: 0, author: 'Ben' });
    expect(saved.body.segment.status).toBe('edited');
  });

  it('keeps comments in the sentence history', async () => {
    const heading = sentence('Decrees against');
    const comment = await call('POST', `/api/segments/${heading.id}/comments`, { body: 'US readers expect "executive orders".', author: 'Ana' });
    expect(comment.status).toBe(201);
    const empty = await call('POST', `/api/segments/${heading.id}/comments`, { body: '  ', author: 'Ana' });
    expect(empty.status).toBe(400);
    const history = await call('GET', `/api/segments/${heading.id}/revisions`);
    expect(history.body.events).toEqual([expect.objectContaining({ type: 'comment', body: 'US readers expect "executive orders".', author: 'Ana', action: null, undoable: false })]);
  });

  it('previews a search-and-replace, applies it as one revision per sentence, and skips sentences changed meanwhile', async () => {
    const preview = await call('POST', `/api/documents/${seed.document.id}/replacements/preview`, { find: 'TikTok', replace: 'Tiktok', wholeWord: true, caseSensitive: true });
    const matches = preview.body.matches as { segmentId: number; revision: number; before: string; after: string; count: number }[];
    expect(matches.length).toBeGreaterThan(5);
    expect(matches.every((match) => match.after === match.before.replaceAll('TikTok', 'Tiktok'))).toBe(true);
    const [first, second] = matches;
    // Someone edits the second sentence between the preview and the apply.
    await call('PUT', `/api/segments/${second!.segmentId}`, { text: `${second!.before} Really.`, baseRevision: second!.revision, author: 'Cleo' });
    const applied = await call('POST', '/api/replacements', {
      find: 'TikTok', replace: 'Tiktok', wholeWord: true, caseSensitive: true, author: 'Ana',
      targets: matches.map(({ segmentId, revision }) => ({ segmentId, revision })),
    });
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toHaveLength(matches.length - 1);
    expect(applied.body.conflicts).toEqual([{ segmentId: second!.segmentId, revision: second!.revision + 1 }]);
    expect((await current(second!.segmentId)).text).toBe(`${second!.before} Really.`);
    const history = await call('GET', `/api/segments/${first!.segmentId}/revisions`);
    expect(history.body.revisions.at(-1)).toMatchObject({ author: 'Ana', comment: 'Replaced “TikTok” with “Tiktok”' });
  });

  it('offers to propagate a phrase correction to the other sentences that contain it', async () => {
    const other = await call('POST', '/api/documents', { title: 'Second', text: 'The American activities of the group grew.\n\nIts American activities shrank.', author: 'Ana' });
    const oracle = await current(sentence('According to several American media').id);
    const saved = await call('PUT', `/api/segments/${oracle.id}`, {
      text: oracle.text.replace('American activities', 'US operations'), baseRevision: oracle.revision, author: 'Ana',
    });
    expect(saved.status).toBe(200);
    const offer = (await call('GET', `/api/segments/${oracle.id}/propagation`)).body.propagation;
    expect(offer.rule).toEqual({ find: 'American activities', replace: 'US operations', caseSensitive: true, wholeWord: true });
    // Nothing else in this article; the other article's two sentences apart, under its title, each with the change as a word diff.
    expect(offer.sameDocument).toEqual({ documentId: seed.document.id, title: 'Seed', matches: [] });
    expect(offer.otherDocuments).toEqual([{ documentId: other.body.document.id, title: 'Second', matches: [expect.anything(), expect.anything()] }]);
    const [match] = offer.otherDocuments[0].matches;
    expect(match).toMatchObject({ before: 'The American activities of the group grew.', after: 'The US operations of the group grew.' });
    expect(match.diff).toEqual([
      { text: 'The ', kind: 'same' }, { text: 'American', kind: 'removed' }, { text: 'US', kind: 'added' }, { text: ' ', kind: 'same' },
      { text: 'activities', kind: 'removed' }, { text: 'operations', kind: 'added' }, { text: ' of the group grew.', kind: 'same' },
    ]);
    expect(offer.summary).toBe('2 sentences in 1 other article contain “American activities”.');
    // Applied to the sentences named (one of the two), as one action, undone as one.
    const applied = await call('POST', '/api/replacements', {
      ...offer.rule, origin: 'propagation', author: 'Ana', targets: [{ segmentId: match.segmentId, revision: match.revision }],
    });
    expect(applied.body.action).toMatchObject({ kind: 'propagation', author: 'Ana' });
    expect(applied.body.applied).toEqual([expect.objectContaining({ segmentId: match.segmentId })]);
    const second = (await call('GET', `/api/documents/${other.body.document.id}`)).body.segments as SegmentJson[];
    expect(second.map((segment) => segment.text)).toEqual(['The US operations of the group grew.', 'Its American activities shrank.']);
    expect((await call('POST', `/api/actions/${applied.body.action.id}/undo`, { author: 'Ana' })).status).toBe(200);
    expect((await call('GET', `/api/segments/${match.segmentId}/revisions`)).body.segment.text).toBe(match.before);
    expect((await call('POST', '/api/replacements', { ...offer.rule, origin: 'all', author: 'Ana', targets: [] })).status).toBe(400);
    const untouched = (await call('GET', `/api/documents/${seed.document.id}`)).body.segments.find((segment: SegmentJson) => segment.revision === 0);
    expect((await call('GET', `/api/segments/${untouched.id}/propagation`)).body.propagation).toBeNull();
  });

  it('lists the timeline newest first, filtered by author', async () => {
    const all = (await call('GET', `/api/documents/${seed.document.id}/timeline`)).body;
    expect(all.entries[0].createdAt >= all.entries.at(-1).createdAt).toBe(true);
    expect(all.authors).toEqual(expect.arrayContaining(['Ana', 'Ben', 'Cleo', 'tester']));
    const cleo = (await call('GET', `/api/documents/${seed.document.id}/timeline?author=Cleo`)).body;
    expect(cleo.entries).toHaveLength(1);
    expect(cleo.entries[0]).toMatchObject({ author: 'Cleo', type: 'revision', change: { text: expect.stringMatching(/ Really\.$/) } });
    // The import is one entry, the document's first.
    const oldest = (await call('GET', `/api/documents/${seed.document.id}/timeline?author=tester`)).body.entries;
    expect(oldest.filter((entry: { type: string }) => entry.type === 'import')).toEqual([expect.objectContaining({ body: 'Seed', segmentId: null })]);
  });

  it('compares the whole document between the machine translation, a moment and now', async () => {
    const mtToNow = (await call('GET', `/api/documents/${seed.document.id}/compare?from=mt&to=current`)).body;
    expect(mtToNow.changedSentences).toBeGreaterThan(5);
    expect(mtToNow.parts).toContainEqual({ text: 'operations', kind: 'added' });
    const before = (await call('GET', `/api/documents/${seed.document.id}/compare?from=mt&to=2000-01-01T00:00:00Z`)).body;
    expect(before.changedSentences).toBe(0);
    expect(before.parts).toEqual([{ text: expect.stringContaining('will not fail to react the tenant'), kind: 'same' }]);
    expect((await call('GET', `/api/documents/${seed.document.id}/compare?from=yesterday`)).status).toBe(400);
  });

  it('blames each word of a sentence on the revision that last changed it', async () => {
    const oracle = sentence('According to several American media');
    const words = (await call('GET', `/api/segments/${oracle.id}/blame`)).body.words as { text: string; revision: number; author: string }[];
    expect(words.map((word) => word.text).join('')).toBe((await current(oracle.id)).text);
    expect(words.find((word) => word.text.startsWith('operations'))).toMatchObject({ revision: 2, author: 'Ana' });
    expect(words.find((word) => word.text.startsWith('According'))).toMatchObject({ revision: 0, author: 'tester' });
  });

  it('undoes one author\'s edits in a time span, leaving sentences others changed afterwards', async () => {
    const start = new Date(Date.now() - 60_000).toISOString();
    const end = new Date(Date.now() + 60_000).toISOString();
    const byEditor = await call('POST', `/api/documents/${seed.document.id}/revert-author`, { targetAuthor: 'Ana', from: start, to: end, author: 'Ben' });
    expect(byEditor.status).toBe(403);
    const outcome = await call('POST', `/api/documents/${seed.document.id}/revert-author`, { targetAuthor: 'Ana', from: start, to: end, author: 'admin' });
    expect(outcome.status).toBe(200);
    expect(outcome.body.reverted.length).toBeGreaterThan(3);
    const oracle = sentence('According to several American media');
    expect((await current(oracle.id)).text).toBe(oracle.original);
    const history = await call('GET', `/api/segments/${oracle.id}/revisions`);
    expect(history.body.revisions.at(-1)).toMatchObject({ kind: 'revert', author: 'admin', revertedTo: 0 });
    expect((await call('POST', `/api/documents/${seed.document.id}/revert-author`, { targetAuthor: 'Ana', from: end, to: start, author: 'admin' })).status).toBe(400);
  });

  it('keeps the other flags of a sentence open when one suggestion is applied: still to review, counted and listed for export', async () => {
    // An article of its own: the later tests work on the seed's sentences as imported.
    const own = await importSeedThroughApi(server);
    const media = own.segments.find((segment) => segment.text.startsWith('According to several American media'))!;
    expect(media.flags.length).toBeGreaterThanOrEqual(3);
    const before = (await call('GET', `/api/documents/${own.document.id}/progress`)).body.progress;
    const [flag] = media.flags.filter((candidate) => candidate.suggestions.length > 0);
    const applied = await call('POST', `/api/segments/${media.id}/apply-suggestion`, { ...flag, baseRevision: 0, suggestion: 0 });
    expect(applied.body.segment).toMatchObject({ status: 'edited', openFlags: media.flags.length - 1 });
    const after = (await call('GET', `/api/documents/${own.document.id}/progress`)).body.progress;
    expect(after).toMatchObject({ toReview: before.toReview, openFlags: before.openFlags - 1, flaggedToReview: before.flaggedToReview, edited: before.edited + 1 });
    const exportPage = await (await server.fetch(`/documents/${own.document.id}/export`)).text();
    expect(exportPage).toContain(applied.body.segment.text.slice(0, 30));
    // The notice says what is left (open flags), not that nobody corrected these sentences: this one was.
    expect(exportPage).toMatch(/\d+ sentences still have open flags/);
    expect(exportPage).not.toContain('nobody corrected');
    // Approving it closes the rest.
    await call('POST', `/api/segments/${media.id}/status`, { status: 'approved', baseRevision: 1 });
    expect((await call('GET', `/api/documents/${own.document.id}/progress`)).body.progress)
      .toMatchObject({ toReview: before.toReview - 1, openFlags: before.openFlags - media.flags.length, flaggedToReview: before.flaggedToReview - 1 });
  });
});

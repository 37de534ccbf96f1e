import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, importSeedThroughApi, startTestServer, type SeedDocument, type SegmentJson, type TestServer } from '../support/test-server.js';

let server: TestServer;
let seed: SeedDocument;

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
});
afterAll(() => server.close());

const call = (method: string, path: string, payload?: Record<string, unknown>) => callApi(server, method, path, payload);

function sentence(includes: string): SegmentJson {
  const found = seed.segments.find((segment) => segment.text.includes(includes));
  if (!found) throw new Error(`no sentence with "${includes}"`);
  return found;
}

async function now(id: number): Promise<SegmentJson> {
  return (await call('GET', `/api/segments/${id}/revisions`)).body.segment;
}

describe('undo through the API', () => {
  it('undoes an applied suggestion as a new revision naming it, once, and the history offers the undo of the undo', async () => {
    const tenant = sentence('tenant of the White House');
    const flag = tenant.flags.find((candidate) => candidate.suggestions.length > 0)!;
    const applied = await call('POST', `/api/segments/${tenant.id}/apply-suggestion`, {
      checkId: flag.checkId, start: flag.start, end: flag.end, baseRevision: tenant.revision, suggestion: 0, author: 'Ana',
    });
    expect(applied.status).toBe(200);
    expect(applied.body.action).toMatchObject({ id: expect.any(Number), kind: 'suggestion', author: 'Ana', undoes: null });
    expect(applied.body.segment.text).not.toBe(tenant.text);

    const undone = await call('POST', `/api/actions/${applied.body.action.id}/undo`, { author: 'Ben' });
    expect(undone.status).toBe(200);
    expect(undone.body.action).toMatchObject({ kind: 'undo', author: 'Ben', undoes: applied.body.action.id });
    expect(undone.body.undone).toEqual([expect.objectContaining({ segmentId: tenant.id, text: tenant.text, revision: 2, status: tenant.status })]);
    expect(undone.body.refused).toEqual([]);

    const history = (await call('GET', `/api/segments/${tenant.id}/revisions`)).body;
    expect(history.revisions.map((revision: { number: number; kind: string; author: string }) => [revision.number, revision.kind, revision.author]))
      .toEqual([[0, 'import', expect.any(String)], [1, 'edit', 'Ana'], [2, 'revert', 'Ben']]);
    const [, suggestion, undo] = history.revisions;
    expect(suggestion).toMatchObject({ action: { kind: 'suggestion' }, undoneBy: expect.any(Number), undoable: false });
    expect(undo).toMatchObject({ revertedTo: 0, action: { kind: 'undo', undoes: applied.body.action.id }, undoable: true, comment: expect.stringContaining('Undid') });

    // The page names who undid what once: "Version 2 · Ben undid the applied suggestion by Ana", not "… by Ana by Ben".
    const page = (await (await server.fetch(`/segments/${tenant.id}/history`)).text()).replace(/\s+/g, ' ');
    expect(page).toContain('Version 2</strong> · <span class="author">Ben</span> undid the applied suggestion by Ana ·');

    const again = await call('POST', `/api/actions/${applied.body.action.id}/undo`, { author: 'Ben' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/undone already/);
    expect((await now(tenant.id)).text).toBe(tenant.text);
  });

  it('restores a dismissed flag, undoes a dismissal, and lists both in the sentence history and the timeline', async () => {
    const tenant = sentence('tenant of the White House');
    const current = await now(tenant.id);
    const flag = current.flags[0]!;
    const reference = { checkId: flag.checkId, start: flag.start, end: flag.end, baseRevision: current.revision };
    const dismissed = await call('POST', `/api/segments/${tenant.id}/dismissals`, { ...reference, author: 'Ana' });
    expect(dismissed.status).toBe(201);
    expect(dismissed.body.action).toMatchObject({ kind: 'dismissal', author: 'Ana' });
    expect(dismissed.body.segment.dismissedFlags).toContainEqual(expect.objectContaining({ checkId: flag.checkId, start: flag.start, dismissalId: dismissed.body.dismissal.id }));

    const restored = await call('DELETE', `/api/segments/${tenant.id}/dismissals/${dismissed.body.dismissal.id}`, { author: 'Ben' });
    expect(restored.status).toBe(200);
    expect(restored.body.action).toMatchObject({ kind: 'dismissal-restore', author: 'Ben' });
    expect(restored.body.segment.flags).toContainEqual(expect.objectContaining({ checkId: flag.checkId, start: flag.start }));
    expect((await call('DELETE', `/api/segments/${tenant.id}/dismissals/${dismissed.body.dismissal.id}`, { author: 'Ben' })).status).toBe(404);

    // Dismissed again, then the dismissal undone: the flag is open again.
    const second = await call('POST', `/api/segments/${tenant.id}/dismissals`, { ...reference, author: 'Ana' });
    const undone = await call('POST', `/api/actions/${second.body.action.id}/undo`, { author: 'Ana' });
    expect(undone.status).toBe(200);
    expect((await now(tenant.id)).flags).toContainEqual(expect.objectContaining({ checkId: flag.checkId, start: flag.start }));

    const events = (await call('GET', `/api/segments/${tenant.id}/revisions`)).body.events as { type: string; author: string; action: { kind: string } | null }[];
    expect(events.filter((event) => event.type.startsWith('dismissal')).map((event) => [event.type, event.author, event.action?.kind])).toEqual([
      ['dismissal', 'Ana', 'dismissal'], ['dismissal-restore', 'Ben', 'dismissal-restore'],
      ['dismissal', 'Ana', 'dismissal'], ['dismissal-restore', 'Ana', 'undo'],
    ]);
    const timeline = (await call('GET', `/api/documents/${seed.document.id}/timeline`)).body.entries as { type: string; segmentId: number | null }[];
    expect(timeline.filter((entry) => entry.segmentId === tenant.id).map((entry) => entry.type)).toEqual(expect.arrayContaining(['dismissal', 'dismissal-restore']));
    // The timeline page says what the undo put back, as the sentence history does.
    const page = await (await server.fetch(`/documents/${seed.document.id}/timeline`)).text();
    const spanText = tenant.text.slice(flag.start, flag.end);
    expect(page).toContain(`undid the dismissal of the flag on “${spanText}” (${flag.checkId})`);
  });

  it('undoes a status change, and shows approvals, undos and one import entry in the timeline', async () => {
    const quote = sentence('"We are convinced');
    const approved = await call('POST', `/api/segments/${quote.id}/status`, { status: 'approved', baseRevision: quote.revision, author: 'Ana' });
    expect(approved.body.action).toMatchObject({ kind: 'status', author: 'Ana' });
    const undone = await call('POST', `/api/actions/${approved.body.action.id}/undo`, { author: 'Ana' });
    expect(undone.status).toBe(200);
    expect((await now(quote.id)).status).toBe(quote.status);

    const timeline = (await call('GET', `/api/documents/${seed.document.id}/timeline`)).body.entries as
      { type: string; segmentId: number | null; status: string | null; actionKind: string | null }[];
    expect(timeline.filter((entry) => entry.type === 'import')).toHaveLength(1);
    const ofQuote = timeline.filter((entry) => entry.segmentId === quote.id);
    expect(ofQuote.map((entry) => [entry.type, entry.status, entry.actionKind])).toEqual([
      ['status', quote.status, 'undo'], ['status', 'approved', 'status'],
    ]);
    const page = await (await server.fetch(`/documents/${seed.document.id}/timeline`)).text();
    expect(page).toContain(`undid a status change (back to “${quote.status.replace('-', ' ')}”)`);
  });

  it('undoes a replace batch as one action, leaving a sentence someone changed since and saying who', async () => {
    const targetsOf = async () => {
      const preview = await call('POST', `/api/documents/${seed.document.id}/replacements/preview`, { find: 'Oracle', replace: 'ORACLE', wholeWord: true, caseSensitive: true });
      return (preview.body.matches as { segmentId: number; revision: number; before: string }[]);
    };
    const matches = await targetsOf();
    expect(matches.length).toBeGreaterThanOrEqual(2);
    const replaced = await call('POST', '/api/replacements', {
      find: 'Oracle', replace: 'ORACLE', wholeWord: true, caseSensitive: true, author: 'Ana',
      targets: matches.map(({ segmentId, revision }) => ({ segmentId, revision })),
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.action).toMatchObject({ kind: 'replace', author: 'Ana' });

    // Cleo changes one of the replaced sentences afterwards: its undo would lose her change.
    const [changed, ...others] = matches;
    const cleo = await now(changed!.segmentId);
    expect((await call('PUT', `/api/segments/${cleo.id}`, { text: `${cleo.text} Indeed.`, baseRevision: cleo.revision, author: 'Cleo' })).status).toBe(200);

    const undone = await call('POST', `/api/actions/${replaced.body.action.id}/undo`, { author: 'Ana' });
    expect(undone.status).toBe(200);
    expect(undone.body.undone.map((part: { segmentId: number }) => part.segmentId).sort()).toEqual(others.map((match) => match.segmentId).sort());
    expect(undone.body.refused).toEqual([expect.objectContaining({
      segmentId: cleo.id, reason: 'changed', current: expect.objectContaining({ text: `${cleo.text} Indeed.` }), changedBy: expect.objectContaining({ author: 'Cleo' }),
    })]);
    for (const match of others) expect((await now(match.segmentId)).text).toBe(match.before);
    expect((await now(cleo.id)).text).toBe(`${cleo.text} Indeed.`);
  });

  it('refuses the undo of an edit another editor changed since, with a 409 saying who, and changes nothing', async () => {
    const heading = sentence('Decrees against');
    const mine = await call('PUT', `/api/segments/${heading.id}`, { text: 'Executive orders against TikTok.', baseRevision: heading.revision, author: 'Ana' });
    expect(mine.body.action).toMatchObject({ kind: 'save' });
    await call('PUT', `/api/segments/${heading.id}`, { text: 'Executive orders against TikTok and WeChat.', baseRevision: mine.body.segment.revision, author: 'Ben' });
    const refused = await call('POST', `/api/actions/${mine.body.action.id}/undo`, { author: 'Ana' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Ben changed this sentence since/);
    expect(refused.body.error.refused).toEqual([expect.objectContaining({ segmentId: heading.id, reason: 'changed', changedBy: expect.objectContaining({ author: 'Ben' }) })]);
    expect((await now(heading.id)).text).toBe('Executive orders against TikTok and WeChat.');
    expect((await call('POST', '/api/actions/999999/undo', { author: 'Ana' })).status).toBe(404);
    expect((await call('POST', `/api/actions/${mine.body.action.id}/undo`, { author: 'viewer' })).status).toBe(403);
  });
});

describe('a sentence compared with the latest before saving', () => {
  it('answers no conflict while the sentence is at the base revision, else the texts a save would meet, and saves nothing', async () => {
    const redmond = await now(sentence('The Redmond group').id);
    const base = redmond.revision;
    expect((await call('POST', `/api/segments/${redmond.id}/compare`, { text: 'The Redmond firm had indicated its interest.', baseRevision: base, author: 'Ana' })).body)
      .toEqual({ conflict: null });
    const theirs = await call('PUT', `/api/segments/${redmond.id}`, { text: 'The Redmond group said it was interested.', baseRevision: base, author: 'Ben' });
    expect(theirs.status).toBe(200);
    const compared = await call('POST', `/api/segments/${redmond.id}/compare`, { text: 'The Redmond firm had indicated its interest.', baseRevision: base, author: 'Ana' });
    expect(compared.status).toBe(200);
    expect(compared.body.conflict).toMatchObject({
      message: expect.stringContaining('changed by Ben'),
      base: { revision: base, text: redmond.text },
      theirs: { revision: base + 1, text: 'The Redmond group said it was interested.', author: 'Ben' },
      yours: { text: 'The Redmond firm had indicated its interest.' },
    });
    expect(compared.body.conflict.yours.diff).toContainEqual({ kind: 'added', text: 'firm' });
    expect((await now(redmond.id)).text).toBe('The Redmond group said it was interested.');
    expect((await call('POST', `/api/segments/${redmond.id}/compare`, { text: 'Any text.', author: 'Ana' })).status).toBe(400);
  });
});

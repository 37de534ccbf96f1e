import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type FlagJson, type TestServer } from '../support/test-server.js';

// Newsroom rules, the English variant per document and the observed precision, over real HTTP.

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const BRITISH = [
  'The defence ministry presented its programme on Monday.',
  'Labour unions criticised the organisation of the centre.',
  'The colour of the report did not please the government.',
].join('\n\n');
const TENANT = 'Biden, the tenant of the White House, spoke on Monday.';

interface DocumentJson {
  document: { id: number; englishVariant: string | null; variantChosenBy: string | null };
  segments: { id: number; text: string; revision: number; flags: FlagJson[] }[];
}

function send(method: string, path: string, body: unknown, as = 'tester') {
  return server.fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, as);
}

async function importText(text: string, title = 'Story'): Promise<number> {
  const response = await send('POST', '/api/documents', { title, text });
  expect(response.status).toBe(201);
  return (await response.json()).document.id;
}

async function readDocument(id: number): Promise<DocumentJson> {
  return (await server.fetch(`/api/documents/${id}`)).json() as Promise<DocumentJson>;
}

const flagsOf = (document: DocumentJson, checkId: string) =>
  document.segments.flatMap((segment) => segment.flags.filter((flag) => flag.checkId === checkId).map((flag) => segment.text.slice(flag.start, flag.end)));

describe('the English variant of a document', () => {
  it('is guessed at import from the text, judges no British spelling in a British story, and when set to US flags them, in the timeline', async () => {
    const id = await importText(BRITISH);
    const british = await readDocument(id);
    expect(british.document).toMatchObject({ englishVariant: 'uk', variantChosenBy: null });
    expect(flagsOf(british, 'spelling-variant')).toEqual([]);

    const response = await send('PUT', `/api/documents/${id}/variant`, { variant: 'us' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ document: { id, englishVariant: 'us', variantChosenBy: 'tester' }, event: { type: 'variant', body: 'us', author: 'tester' } });
    const american = await readDocument(id);
    expect(american.document).toMatchObject({ englishVariant: 'us', variantChosenBy: 'tester' });
    expect(flagsOf(american, 'spelling-variant')).toEqual(['defence', 'programme', 'criticised', 'organisation', 'centre', 'colour']);

    const timeline = await (await server.fetch(`/api/documents/${id}/timeline`)).json();
    expect(timeline.entries.filter((entry: { type: string }) => entry.type === 'variant')).toEqual([
      expect.objectContaining({ segmentId: null, author: 'tester', body: 'us' }),
    ]);
    const page = await (await server.fetch(`/documents/${id}/timeline`)).text();
    expect(page).toContain('set the English variant to American English');

    // Unspecified: nothing is judged, whatever the spellings.
    await send('PUT', `/api/documents/${id}/variant`, { variant: 'unspecified' });
    expect(flagsOf(await readDocument(id), 'spelling-variant')).toEqual([]);
  });

  it('refuses a variant it does not know, and a viewer', async () => {
    const id = await importText(BRITISH);
    const wrong = await send('PUT', `/api/documents/${id}/variant`, { variant: 'australian' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toMatch(/"us".*"uk".*"unspecified"/);
    expect((await send('PUT', `/api/documents/${id}/variant`, { variant: 'us' }, 'viewer')).status).toBe(403);
    expect((await send('PUT', '/api/documents/999999/variant', { variant: 'us' })).status).toBe(404);
    expect((await readDocument(id)).document.englishVariant).toBe('uk');
  });
});

describe('newsroom rules', () => {
  it('never flags a phrase in one document, then in every document, and flags it again once the rule is deleted', async () => {
    const first = await importText(TENANT, 'First');
    const second = await importText(TENANT, 'Second');
    expect(flagsOf(await readDocument(first), 'false-friends')).toEqual(['tenant']);
    // A flag's "Rule…" link opens the Rules page with the flag's words and sentence filled in.
    const [sentence] = (await readDocument(first)).segments;
    const flag = sentence!.flags.find((item) => item.checkId === 'false-friends')!;
    const drafted = await (await server.fetch(`/rules?segment=${sentence!.id}&start=${flag.start}&end=${flag.end}&checkId=false-friends`)).text();
    expect(drafted).toContain('<input name="phrase" required maxlength="500" value="tenant"');
    expect(drafted).toContain(`<input type="hidden" name="example" value="${TENANT}">`);
    expect(drafted).toContain(`<input type="radio" name="documentId" value="${first}" checked> in this document only`);
    expect((await server.fetch(`/rules?segment=${sentence!.id}&start=5&end=500`)).status).toBe(400);

    const local = await send('POST', '/api/rules', { kind: 'ignore', phrase: 'the tenant of the White House', checkId: 'false-friends', documentId: first, note: 'our style' });
    expect(local.status).toBe(201);
    const { rule } = await local.json();
    expect(rule).toMatchObject({ kind: 'ignore', phrase: 'the tenant of the White House', checkId: 'false-friends', documentId: first, author: 'tester' });
    expect(flagsOf(await readDocument(first), 'false-friends')).toEqual([]);
    expect(flagsOf(await readDocument(second), 'false-friends')).toEqual(['tenant']);

    const changed = await send('PUT', `/api/rules/${rule.id}`, { ...rule, documentId: null });
    expect(changed.status).toBe(200);
    expect(flagsOf(await readDocument(second), 'false-friends')).toEqual([]);

    expect((await send('POST', `/api/rules/${rule.id}/delete`, {})).status).toBe(200);
    expect(flagsOf(await readDocument(first), 'false-friends')).toEqual(['tenant']);
    expect(flagsOf(await readDocument(second), 'false-friends')).toEqual(['tenant']);
    const listed = await (await server.fetch('/api/rules')).json();
    expect(listed.changes.slice(0, 3).map((change: { action: string }) => change.action)).toEqual(['delete', 'update', 'create']);
  });

  it('adds an entry that flags its example and every sentence with the same words, suggesting the replacement', async () => {
    const id = await importText('The head of state spoke on Monday.\n\nMinisters met the head of state.');
    const response = await send('POST', '/api/rules', {
      kind: 'suggest', phrase: 'head of state', replacement: 'president', example: 'The head of state spoke on Monday.',
    });
    expect(response.status).toBe(201);
    const { rule } = await response.json();
    const other = await importText('Head of state Milos Zeman left.', 'Other');
    for (const document of [await readDocument(id), await readDocument(other)]) {
      for (const segment of document.segments) {
        expect(segment.flags.filter((flag) => flag.checkId === 'newsroom-entry')).toEqual([expect.objectContaining({
          entryId: `rule-${rule.id}`, suggestions: [segment.text.startsWith('Head') ? 'President' : 'president'], hint: false,
        })]);
      }
    }
  });

  it('refuses an entry that does not flag its example, or whose replacement it would flag again, and bad fields, storing nothing', async () => {
    const before = (await (await server.fetch('/api/rules')).json()).rules.length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'suggest', phrase: 'head of state', replacement: 'president', example: 'The president spoke.' }, /does not hold "head of state"/],
      [{ kind: 'suggest', phrase: 'state', replacement: 'head of state', example: 'The state spoke.' }, /would flag its own fix/],
      [{ kind: 'suggest', phrase: 'state', example: 'The state spoke.' }, /"replacement" is missing/],
      [{ kind: 'ignore', phrase: 'Jan\nFischer' }, /"phrase": The phrase holds a line break/],
      [{ kind: 'ignore', phrase: 'Jan\u0000Fischer' }, /"phrase"/],
      [{ kind: 'ignore', phrase: '...' }, /at least one word/],
      [{ kind: 'ignore', phrase: 'Fischer', checkId: 'no-such-check' }, /"checkId"/],
      [{ kind: 'forget', phrase: 'Fischer' }, /"kind"/],
    ];
    for (const [body, message] of cases) {
      const response = await send('POST', '/api/rules', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
    expect((await send('POST', '/api/rules', { kind: 'ignore', phrase: 'Fischer', documentId: 999999 })).status).toBe(404);
    expect((await send('POST', '/api/rules', { kind: 'ignore', phrase: 'Fischer' }, 'viewer')).status).toBe(403);
    expect((await (await server.fetch('/api/rules')).json()).rules).toHaveLength(before);
  });

  it('exports the rules as a file and imports them back, all or none', async () => {
    await send('POST', '/api/rules', { kind: 'ignore', phrase: 'Chamber of Deputies', note: 'Czech lower house' });
    const page = await server.fetch('/rules');
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<strong>Never flag<\/strong> “Chamber of Deputies” <span class="meta">for every check<\/span>/);
    const download = await server.fetch('/api/rules/export');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="?retouche-rules\.json/);
    const file = await download.json();
    expect(file).toMatchObject({ format: 'retouche-rules', version: 1 });
    expect(file.rules).toContainEqual({ kind: 'ignore', phrase: 'Chamber of Deputies', checkId: null, replacement: null, example: null, note: 'Czech lower house', documentId: null });
    const count = file.rules.length;

    const refused = await send('POST', '/api/rules', { rules: [...file.rules, { kind: 'suggest', phrase: 'x', replacement: 'y', example: 'No such word.' }] });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(new RegExp(`^Rule ${count + 1}: `));
    expect((await (await server.fetch('/api/rules')).json()).rules).toHaveLength(count);

    const imported = await send('POST', '/api/rules', file);
    expect(imported.status).toBe(201);
    expect((await imported.json()).rules).toHaveLength(count);
    expect((await (await server.fetch('/api/rules')).json()).rules).toHaveLength(2 * count);
  });
});

describe('the rule forms without JavaScript', () => {
  async function postForm(path: string, fields: Record<string, string>, as = 'Ana') {
    const { cookie, csrfToken } = await server.sessionFor(as);
    const body = new URLSearchParams({ ...fields, _csrf: csrfToken });
    return fetch(`${server.url}${path}`, { method: 'POST', body, redirect: 'manual', headers: { cookie } });
  }

  it('adds a rule from the Rules page form and goes back to the sentence, and sets the variant from the document page', async () => {
    const id = await importText(`${TENANT}\n\n${BRITISH}`, 'Forms');
    const [sentence] = (await readDocument(id)).segments;
    const added = await postForm('/rules', {
      kind: 'ignore', phrase: 'tenant', checkId: '', documentId: String(id), note: '', returnTo: `/documents/${id}?sentence=${sentence!.id}`,
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/documents/${id}?sentence=${sentence!.id}`);
    expect(flagsOf(await readDocument(id), 'false-friends')).toEqual([]);
    // Only a path of this site is followed back.
    const elsewhere = await postForm('/rules', { kind: 'ignore', phrase: 'White House', checkId: '', documentId: String(id), returnTo: '//evil.example/' });
    expect(elsewhere.headers.get('location')).toBe('/rules');
    const refused = await postForm('/rules', { kind: 'suggest', phrase: 'tenant', replacement: 'occupant', example: 'No such word here.', documentId: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('the rule would not flag it');

    const variant = await postForm(`/documents/${id}/variant`, { variant: 'us' });
    expect(variant.status).toBe(303);
    expect(variant.headers.get('location')).toBe(`/documents/${id}`);
    const { cookie } = await server.sessionFor('Ana');
    const page = await (await fetch(`${server.url}/documents/${id}`, { headers: { cookie } })).text();
    expect(page).toContain('<option value="us" selected>American English</option>');
    expect(page).toContain('(chosen by Ana)');
  });
});

describe('observed precision', () => {
  it('turns a check\'s suggestions into hints once editors dismissed most of ten flags, and an admin can say otherwise', async () => {
    const sentences = Array.from({ length: 11 }, (_, index) => `In week ${index + 1}, the tenant of the White House spoke.`);
    const id = await importText(sentences.join('\n\n'), 'Demands');
    const flagged = await readDocument(id);
    const flagOn = (segment: DocumentJson['segments'][number]) => segment.flags.find((flag) => flag.checkId === 'false-friends')!;
    const entryId = flagOn(flagged.segments[0]!).entryId;
    expect(flagged.segments.every((segment) => flagOn(segment)?.hint === false && flagOn(segment).suggestions.length > 0)).toBe(true);
    for (const segment of flagged.segments.slice(0, 10)) {
      const flag = flagOn(segment);
      const response = await send('POST', `/api/segments/${segment.id}/dismissals`, { checkId: flag.checkId, start: flag.start, end: flag.end, baseRevision: segment.revision });
      expect(response.status).toBe(201);
    }
    const last = (await readDocument(id)).segments[10]!;
    expect(flagOn(last)).toMatchObject({ hint: true });
    const rules = await (await server.fetch('/api/rules')).json();
    expect(rules.policy).toEqual({ minJudgements: 10, hintBelow: 0.3 });
    expect(rules.precision).toContainEqual(expect.objectContaining({ kind: 'entry', id: entryId, confirmed: 0, dismissed: 10, precision: 0, hintedBy: 'counts' }));

    expect((await send('POST', `/api/judgements/entry/${entryId}/override`, { override: 'one-key' })).status).toBe(403);
    for (const kind of ['entry', 'check']) {
      const id = kind === 'entry' ? entryId : 'false-friends';
      const override = await send('POST', `/api/judgements/${kind}/${id}/override`, { override: 'one-key' }, 'admin');
      expect(override.status).toBe(200);
    }
    expect(flagOn((await readDocument(id)).segments[10]!)).toMatchObject({ hint: false });
    expect((await send('POST', '/api/judgements/entry/no-such-entry/override', { override: 'hint' }, 'admin')).status).toBe(404);
    expect((await send('POST', `/api/judgements/entry/${entryId}/override`, { override: 'sometimes' }, 'admin')).status).toBe(400);
  });

  it('takes back the confirmation of an applied suggestion that is undone, and counts it again when the undo is undone', async () => {
    const id = await importText('The minister has invested in the file since Monday, his aides said.', 'Undone suggestion');
    const [segment] = (await readDocument(id)).segments;
    const flag = segment!.flags.find((candidate) => candidate.checkId === 'false-friends' && candidate.suggestions.length > 0)!;
    expect(flag.entryId).toBeTruthy();
    const countsOf = async () => {
      const { precision } = await (await server.fetch('/api/rules')).json() as { precision: { kind: string; id: string; confirmed: number }[] };
      return precision.find((row) => row.kind === 'entry' && row.id === flag.entryId)?.confirmed ?? 0;
    };
    const before = await countsOf();
    const applied = await send('POST', `/api/segments/${segment!.id}/apply-suggestion`, {
      checkId: flag.checkId, start: flag.start, end: flag.end, baseRevision: segment!.revision, suggestion: 0,
    });
    expect(applied.status).toBe(200);
    const { action } = await applied.json() as { action: { id: number } };
    expect(await countsOf()).toBe(before + 1);

    const undone = await send('POST', `/api/actions/${action.id}/undo`, {});
    expect(undone.status).toBe(200);
    expect(await countsOf()).toBe(before);
    const redone = await send('POST', `/api/actions/${(await undone.json() as { action: { id: number } }).action.id}/undo`, {});
    expect(redone.status).toBe(200);
    expect(await countsOf()).toBe(before + 1);
  });
});

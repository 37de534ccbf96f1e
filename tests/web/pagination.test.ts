import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Long lists come a page at a time: the document page (100 sentences), the documents page (50),
// a sentence's history (50 entries). These tests read them over HTTP as a logged-in browser.
let server: TestServer;
let documentId: number;
let segmentIds: number[];

// 250 sentences, one paragraph each; every tenth has a false friend ("tenant of the White House").
function longArticle(): string {
  const sentences = Array.from({ length: 250 }, (_, index) => (index % 10 === 3
    ? `Sentence ${index + 1} says the tenant of the White House spoke.`
    : `Sentence ${index + 1} says the weather was mild in Lyon.`));
  return ['A long article', ...sentences].join('\n\n');
}

beforeAll(async () => {
  server = await startTestServer();
  const created = await server.fetch('/api/documents', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Long one', text: longArticle() }),
  });
  documentId = ((await created.json()) as { document: { id: number } }).document.id;
  const document = (await (await server.fetch(`/api/documents/${documentId}`)).json()) as { segments: { id: number }[] };
  segmentIds = document.segments.map((segment) => segment.id);
});
afterAll(() => server.close());

async function open(path: string) {
  const { cookie } = await server.sessionFor('Ana');
  return fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
}

function shownSentences(html: string): number[] {
  return [...html.matchAll(/<article class="segment[^"]*" id="segment-(\d+)"/g)].map((match) => Number(match[1]));
}

describe('document page in pages', () => {
  it('shows the first 100 sentences, with links to the other pages', async () => {
    const html = await (await open(`/documents/${documentId}`)).text();
    expect(shownSentences(html)).toEqual(segmentIds.slice(0, 100));
    expect(html).toContain(`<a href="/documents/${documentId}?page=2" rel="next">`);
    expect(html).toContain('page 1 of 3');
    expect(html).toContain('<span data-count="sentences">251</span>');
  });

  it('shows the page asked for, and the last page for a page past the end', async () => {
    expect(shownSentences(await (await open(`/documents/${documentId}?page=2`)).text())).toEqual(segmentIds.slice(100, 200));
    expect(shownSentences(await (await open(`/documents/${documentId}?page=99`)).text())).toEqual(segmentIds.slice(200));
  });

  it('filters the whole document, then cuts pages, keeping the filter in the page links', async () => {
    const html = await (await open(`/documents/${documentId}?q=Sentence&flagged=1`)).text();
    const flagged = shownSentences(html);
    expect(flagged).toHaveLength(25);
    expect(flagged).toContain(segmentIds[204]);
    expect(html).not.toContain('rel="next"');
    const words = await (await open(`/documents/${documentId}?q=mild&page=3`)).text();
    expect(shownSentences(words)).toHaveLength(25);
    expect(words).toContain(`href="/documents/${documentId}?q=mild&amp;page=2" rel="prev"`);
  });

  it('leads a link to one sentence to its page, with the sentence as fragment', async () => {
    const target = segmentIds[150]!;
    const response = await open(`/documents/${documentId}?sentence=${target}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/documents/${documentId}?page=2#segment-${target}`);
    const filtered = await open(`/documents/${documentId}?flagged=1&sentence=${segmentIds[204]}`);
    expect(filtered.headers.get('location')).toBe(`/documents/${documentId}?flagged=1&page=1#segment-${segmentIds[204]}`);
    // A sentence the filter hides: its page without the filter.
    const hidden = await open(`/documents/${documentId}?flagged=1&sentence=${segmentIds[201]}`);
    expect(hidden.headers.get('location')).toBe(`/documents/${documentId}?page=3#segment-${segmentIds[201]}`);
    expect((await open(`/documents/${documentId}?sentence=999999`)).status).toBe(404);
  });

  it('tells the keyboard script where navigation continues on the next and previous pages', async () => {
    const html = await (await open(`/documents/${documentId}?page=2`)).text();
    expect(html).toContain(`data-previous-last="${segmentIds[99]}" data-next-first="${segmentIds[200]}"`);
    expect(html).toContain(`data-previous-flagged="${segmentIds[94]}" data-next-flagged="${segmentIds[204]}"`);
  });
});

describe('documents page in pages', () => {
  beforeAll(async () => {
    for (let index = 1; index <= 60; index++) {
      await server.storage.documents.create({
        title: index % 3 === 0 ? `Budget vote ${index}` : `Weather report ${index}`, targetLanguage: 'en', detectedLanguage: 'en',
        originalText: 'It rained.', author: 'tester', segments: [{ position: 0, paragraph: 0, start: 0, end: 10, text: 'It rained.', role: 'body', status: 'to-review' }],
      });
    }
  });

  it('shows 50 documents a page, newest first, with page links', async () => {
    const first = await (await open('/documents')).text();
    expect(first.match(/<tr>\s*<td><a href="\/documents\/\d+">/g)).toHaveLength(50);
    expect(first).toContain('Weather report 59');
    expect(first).toContain('href="/documents?page=2" rel="next"');
    const second = await (await open('/documents?page=2')).text();
    expect(second.match(/<tr>\s*<td><a href="\/documents\/\d+">/g)).toHaveLength(11);
    expect(second).toContain('Long one');
  });

  it('searches titles in any case, across all pages', async () => {
    const html = await (await open('/documents?search=BUDGET')).text();
    expect(html.match(/<tr>\s*<td><a href="\/documents\/\d+">/g)).toHaveLength(20);
    expect(html).toContain('value="BUDGET"');
    expect(html).not.toContain('Weather report');
    expect(await (await open('/documents?search=nothing-like-this')).text()).toContain('No document title contains');
  });

  it('pages the JSON list too, with total, page and pageSize (a page past the end is the last)', async () => {
    const body = (await (await server.fetch('/api/documents?page=2&search=weather')).json()) as {
      documents: { title: string }[]; total: number; page: number; pageSize: number;
    };
    expect({ count: body.documents.length, total: body.total, page: body.page, pageSize: body.pageSize }).toEqual({ count: 40, total: 40, page: 1, pageSize: 50 });
    const all = (await (await server.fetch('/api/documents')).json()) as { documents: unknown[]; total: number };
    expect({ count: all.documents.length, total: all.total }).toEqual({ count: 50, total: 61 });
  });
});

describe('sentence history in pages', () => {
  let segmentId: number;
  beforeAll(async () => {
    segmentId = segmentIds[10]!;
    for (let number = 1; number <= 120; number++) {
      await correctSegment(server.storage, server.analyzer, { segmentId, baseRevision: number - 1, author: 'Ana', text: `Sentence 11, version ${number}.` });
    }
  });

  function revisionsOn(html: string): number[] {
    return [...html.matchAll(/<li class="revision" id="revision-(\d+)"/g)].map((match) => Number(match[1]));
  }

  it('shows the newest 50 revisions first, then older pages', async () => {
    const first = await (await open(`/segments/${segmentId}/history`)).text();
    expect(revisionsOn(first)).toEqual(Array.from({ length: 50 }, (_, index) => 120 - index));
    expect(first).toContain(`href="/segments/${segmentId}/history?page=2" rel="next"`);
    const last = await (await open(`/segments/${segmentId}/history?page=3`)).text();
    expect(revisionsOn(last)).toEqual(Array.from({ length: 21 }, (_, index) => 20 - index));
  });

  it('opens the page of a given version, and keeps blame and comparison over the whole history', async () => {
    const html = await (await open(`/segments/${segmentId}/history?revision=5&from=0&to=120`)).text();
    expect(revisionsOn(html)).toContain(5);
    expect(html).toContain('class="blame-word v9"');
    expect(html).toContain('name="from" min="0" max="120" step="1" value="0"');
    expect(html).toContain('<span class="label">v120</span>');
    expect(html).toContain(`href="/segments/${segmentId}/history?from=0&amp;to=120&amp;page=2"`);
  });
});

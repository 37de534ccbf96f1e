import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeSegment, createCheckContext } from '../../src/checks/run.js';
import { applyTextPatch, createTextPatch, parseTextPatch, serializeTextPatch } from '../../src/history/text-patch.js';
import { ServiceError } from '../../src/services/errors.js';
import { importDocument } from '../../src/services/import-document.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { findTextProblem, normalizeLineEnds, TEXT_RULES } from '../../src/services/input-rules.js';
import { SUPPORTED_LANGUAGES } from '../../src/text/detect-language.js';
import { joinSegments, segmentArticle } from '../../src/text/segment-article.js';
import { createTestAnalyzer, startTestServer, type TestServer } from '../support/test-server.js';
import { importArticle, putSegment, readHistory, readSegments } from './editor-client.js';

// Pieces that stress segmentation, checks and UTF-16 offsets: combining marks, bidi marks,
// embeddings, overrides and isolates, emoji with skin tones, ZWJ and flags, zero-width and
// exotic spaces, every kind of line end, sentence punctuation and list markers, non-Latin scripts.
const HOSTILE_PIECES = [
  'e\u0301', '\u0301', '\u0301\u0308\u0323', '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2066', '\u2067', '\u2068', '\u2069', '👩‍👩‍👧', '👍🏽', '🇫🇷', '🏳️‍🌈', '\u200d', '\u200b', '\ufeff', '\u00a0', '\u3000',
  '\u2028', '\u2029', '\u0085', '\t', '\f', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', ' ', '   ', '. ', '.', '?', '!',
  '…', '...', 'Mr. ', 'U.S. ', '"', '«', '»', '“', '”', '(', ')', '- ', '• ', '* ', '– ', '-', '1.5', '3,000', '€', '$',
  'مرحبا', 'שלום', '東京', 'Москва', 'İstanbul', 'ß', 'ﬁ', 'Ǆ', 'the', 'The', 'minister', 'said', 'Paris', 'Donald Trump',
];
// C0 controls and DEL are refused everywhere: binary data in a file (415), a field that holds one (400).
const CONTROL_PIECES = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f'];
// Unpaired UTF-16 surrogates: a JavaScript string can hold them, UTF-8 cannot.
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d'];
// Longest word a random case may hold; the 1 MB cases are fixed below.
const LONG_WORD = 20_000;

const ONE_MEGABYTE = 1024 * 1024;
// Fixed single lines of about 1 MB (UTF-8): one word, one sentence of words, many sentences,
// combining marks, emoji ZWJ sequences, overrides. Random runs at this size would take minutes.
const MEGABYTE_LINES: Record<string, string> = {
  'one 1 MB word': 'a'.repeat(ONE_MEGABYTE),
  'one 1 MB sentence of words': 'word '.repeat(ONE_MEGABYTE / 5).trim(),
  '1 MB of short sentences on one line': 'The minister said so. '.repeat(Math.floor(ONE_MEGABYTE / 22)).trim(),
  'combining marks': `Cafe${'\u0301'.repeat(ONE_MEGABYTE / 2 - 4)}.`,
  'emoji ZWJ sequences': '👩‍👩‍👧'.repeat(Math.floor(ONE_MEGABYTE / 18)),
  'overrides and isolates': '\u202eDonald Trump said\u202c \u2067so\u2069. '.repeat(Math.floor(ONE_MEGABYTE / 36)),
};

let cases = 0;
/** A text as its .txt export holds it: ending with a line end. */
const asTextFile = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

const counted = <T>(predicate: (value: T) => void) => (value: T): void => {
  cases++;
  predicate(value);
};
const countedAsync = <T>(predicate: (value: T) => Promise<void>) => async (value: T): Promise<void> => {
  cases++;
  await predicate(value);
};

/** Random hostile text: pieces, arbitrary code points, graphemes, now and then a very long word. */
function hostileText(options: { loneSurrogates: boolean; maxPieces?: number }): fc.Arbitrary<string> {
  const pieces = [...HOSTILE_PIECES, ...CONTROL_PIECES, ...(options.loneSurrogates ? LONE_SURROGATES : [])];
  const anyCodePoints = fc.string({ unit: 'binary', maxLength: 12 }).map((text) => (options.loneSurrogates ? text : replaceLoneSurrogates(text)));
  return fc.array(fc.oneof(
    { arbitrary: fc.constantFrom(...pieces), weight: 12 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 3 },
    { arbitrary: anyCodePoints, weight: 2 },
    { arbitrary: fc.integer({ min: 200, max: LONG_WORD }).map((length) => 'x'.repeat(length)), weight: 1 },
  ), { maxLength: options.maxPieces ?? 40 }).map((parts) => parts.join(''));
}

let server: TestServer;
let storage: Storage;

beforeAll(async () => {
  server = await startTestServer();
  storage = createSqliteStorage(':memory:');
});
afterAll(async () => {
  await storage.close();
  await server.close();
  console.log(`fuzz: ${cases} cases run`);
});

describe('import of hostile text', () => {
  it('refuses with a clear 4xx error or stores sentences that give back the normalised text', async () => {
    await fc.assert(fc.asyncProperty(hostileText({ loneSurrogates: false }), countedAsync((text) => assertImportKeepsText(text))), { numRuns: 300 });
  }, 30_000);

  it('answers the same way over HTTP', async () => {
    await fc.assert(fc.asyncProperty(hostileText({ loneSurrogates: false, maxPieces: 20 }), countedAsync(async (text) => {
      const response = await server.fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
      if (response.status !== 201) {
        expect([400, 413, 415], await response.text()).toContain(response.status);
        return;
      }
      const { document } = (await response.json()) as { document: { id: number } };
      const segments = await readSegments(server.fetch, document.id);
      const exported = await (await server.fetch(`/api/documents/${document.id}/export?format=txt&include=excluded`)).text();
      expect(segments.length).toBeGreaterThan(0);
      expect(exported).toBe(asTextFile(normalizeLineEnds(text)));
    })), { numRuns: 40 });
  }, 30_000);
});

describe('saving hostile text', () => {
  it('stores every PUT and rebuilds the history exactly, and the exports follow', async () => {
    const original = 'A first sentence to fuzz.\n\nA second one, in its own paragraph. And a third.\n\n• A list item\n• Another item';
    const { documentId } = await importArticle(server.fetch, 'Fuzzed saves', original);
    // The stored rows carry the offsets the export puts each sentence back at.
    const segments = await server.storage.segments.listByDocument(documentId);
    const revisionOf = new Map(segments.map((segment) => [segment.id, segment.revision]));
    const current = new Map(segments.map((segment) => [segment.id, segment.text]));
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 0, max: segments.length - 1 }), hostileText({ loneSurrogates: false, maxPieces: 12 })), { minLength: 1, maxLength: 4 }),
      countedAsync(async (saves) => {
        for (const [index, text] of saves) {
          const segmentId = segments[index]!.id;
          const response = await putSegment(server.fetch, segmentId, text, revisionOf.get(segmentId)!);
          // A text the input rules refuse (NUL, controls, non-characters, only invisible characters) gets a clear 400.
          const saved = normalizeLineEnds(text).trim();
          if (findTextProblem(normalizeLineEnds(text), TEXT_RULES.sentence)) {
            expect(response.status, await response.clone().text()).toBe(400);
            continue;
          }
          expect(response.status, await response.clone().text()).toBe(200);
          const body = (await response.json()) as { segment: { text: string; revision: number } };
          // Line ends become LF; surrounding whitespace belongs to the separators, so the server trims it (as JavaScript's trim does).
          expect(body.segment.text).toBe(saved);
          revisionOf.set(segmentId, body.segment.revision);
          current.set(segmentId, saved);
          const { segment, revisions } = await readHistory(server.fetch, segmentId);
          expect(revisions.map((revision) => revision.number)).toEqual(revisions.map((_, number) => number));
          expect(revisions.at(-1)!.text).toBe(segment.text);
          expect(segment.text).toBe(saved);
        }
        const exported = await (await server.fetch(`/api/documents/${documentId}/export?format=txt&include=excluded`)).text();
        expect(exported).toBe(asTextFile(joinSegments(original, segments, segments.map((segment) => current.get(segment.id)))));
        const json = await server.fetch(`/api/documents/${documentId}/export?format=json`);
        expect(json.status).toBe(200);
        const plain = await server.fetch(`/api/documents/${documentId}/export?format=txt`);
        expect(asTextFile(((await json.json()) as { text: string }).text)).toBe(await plain.text());
      })), { numRuns: 80 });
  }, 30_000);

  it('refuses a sentence over the length limit with 400 and keeps the old one', async () => {
    const [segment] = await readSegments(server.fetch, (await importArticle(server.fetch, 'Long', 'Short sentence.')).documentId);
    const response = await putSegment(server.fetch, segment!.id, 'a'.repeat(ONE_MEGABYTE), 0);
    cases++;
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/"text": The sentence is 1,048,576 characters long; the limit is 100,000 characters/);
    expect((await readHistory(server.fetch, segment!.id)).revisions).toHaveLength(1);
  });
});

describe('1 MB single lines', () => {
  for (const [name, line] of Object.entries(MEGABYTE_LINES)) {
    it(`segments, checks, imports and exports ${name}`, async () => {
      cases++;
      const response = await server.fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: line }) });
      expect(response.status, await response.clone().text()).toBe(201);
      const { document } = (await response.json()) as { document: { id: number } };
      const exported = await server.fetch(`/api/documents/${document.id}/export?format=txt&include=excluded`);
      expect(await exported.text()).toBe(asTextFile(line));
      const segments = assertLosslessSegmentation(line);
      const started = performance.now();
      analyzeDocument(segments.map(({ text, paragraph }) => ({ text, paragraph })), 'en')
        .forEach((analysis, index) => assertFlagsWithin(analysis.flags, segments[index]!.text));
      const checking = performance.now() - started;
      // The server runs the checks on every read of the document: a megabyte must not stall it.
      expect(checking, `checks took ${Math.round(checking)} ms`).toBeLessThan(3000);
    }, 30_000);
  }
});

// better-sqlite3 writes a lone surrogate as the three bytes of its CESU-8 form, which SQLite
// hands back as three U+FFFD: the stored text would then differ from the text its offsets and
// patches were computed on. So every request carrying one is refused with a 400.
describe('lone surrogates', () => {
  it('are refused with a 4xx error or kept exactly at import', async () => {
    await assertImportKeepsText('First \ud800 sentence here. Second one\udc00 too.');
  });

  it('are refused with a 4xx error or kept exactly by a save, and the history still rebuilds', async () => {
    const { segments } = await importArticle(server.fetch, 'Lone surrogate', 'A sentence an editor will break.');
    const segmentId = segments[0]!.id;
    const first = await putSegment(server.fetch, segmentId, 'Edited \ud83d once.', 0);
    if (first.status >= 400 && first.status < 500) return;
    expect(((await first.json()) as { segment: { text: string } }).segment.text).toBe('Edited \ud83d once.');
    expect((await putSegment(server.fetch, segmentId, 'Edited twice.', 1)).status).toBe(200);
    const history = await server.fetch(`/api/segments/${segmentId}/revisions`);
    expect(history.status).toBe(200);
  });
});

// The pure parts last: a long synchronous run before an HTTP request can outlast the server's
// keep-alive timeout and reset the client's pooled connection.
describe('segmentation of hostile text', () => {
  it('gives back the text exactly, with non-empty spans in order, and never throws', () => {
    fc.assert(fc.property(hostileText({ loneSurrogates: true }), counted((text) => { assertLosslessSegmentation(text); })), { numRuns: 1000 });
  }, 30_000);
});

describe('checks on hostile text', () => {
  it('never throw, and flag non-empty spans inside the sentence', () => {
    const languages = SUPPORTED_LANGUAGES.map((language) => language.code);
    fc.assert(fc.property(fc.tuple(hostileText({ loneSurrogates: true, maxPieces: 25 }), fc.constantFrom(...languages), hostileText({ loneSurrogates: true, maxPieces: 8 })),
      counted(([text, language, edit]: [string, string, string]) => {
        const segments = segmentArticle(text).map(({ text: sentence, paragraph }) => ({ text: sentence, paragraph }));
        analyzeDocument(segments, language).forEach((analysis, index) => assertFlagsWithin(analysis.flags, segments[index]!.text));
        if (segments.length > 0) {
          // An editor's new text is analysed among the stored neighbours.
          const context = createCheckContext(segments, language);
          assertFlagsWithin(analyzeSegment(context, segments.length - 1, edit).flags, edit);
        }
      })), { numRuns: 300 });
  }, 30_000);
});

describe('patches of hostile text', () => {
  it('makes patches that turn any text into any other, lone surrogates included', () => {
    fc.assert(fc.property(fc.tuple(hostileText({ loneSurrogates: true }), hostileText({ loneSurrogates: true })), counted(([before, after]: [string, string]) => {
      const patch = createTextPatch(before, after);
      expect(applyTextPatch(before, patch)).toBe(after);
      expect(parseTextPatch(serializeTextPatch(patch))).toEqual(patch);
    })), { numRuns: 1000 });
  }, 30_000);
});

// Both helpers collect what is wrong and assert once: 100,000 flags or segments make 500,000
// expect() calls take seconds, which a plain loop does in milliseconds.
function assertLosslessSegmentation(text: string) {
  const segments = segmentArticle(text);
  expect(joinSegments(text, segments) === text, 'segments joined with the separators give back the text').toBe(true);
  const wrong = segments.filter((segment, index) => {
    const previous = segments[index - 1];
    return segment.position !== index
      || segment.start < (previous?.end ?? 0)
      || segment.end <= segment.start
      || segment.text !== text.slice(segment.start, segment.end)
      || segment.text.trim() === ''
      || segment.paragraph < (previous?.paragraph ?? 0)
      || segment.paragraph > (previous?.paragraph ?? -1) + 1;
  });
  expect(wrong.slice(0, 3)).toEqual([]);
  return segments;
}

function assertFlagsWithin(flags: readonly { checkId: string; start: number; end: number; suggestions: string[] }[], sentence: string): void {
  const wrong = flags.filter((flag) => !Number.isInteger(flag.start) || !Number.isInteger(flag.end)
    || flag.start < 0 || flag.end <= flag.start || flag.end > sentence.length
    || !flag.suggestions.every((suggestion) => typeof suggestion === 'string'));
  expect(wrong.slice(0, 3), `flags in ${JSON.stringify(sentence.slice(0, 200))}`).toEqual([]);
}

async function assertImportKeepsText(text: string): Promise<void> {
  let result: Awaited<ReturnType<typeof importDocument>>;
  try {
    result = await importDocument(storage, createTestAnalyzer(storage), { text, author: 'fuzz' });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    expect(['invalid-input', 'too-large', 'unsupported-media-type']).toContain(error.code);
    expect(error.message).not.toBe('');
    return;
  }
  expect(CONTROL_PIECES.some((control) => text.includes(control)), 'binary text was imported').toBe(false);
  const stored = (await storage.documents.getWithText(result.document.id))!;
  const segments = await storage.segments.listByDocument(result.document.id);
  expect(stored.originalText).toBe(normalizeLineEnds(text));
  expect(segments.map((segment) => segment.text)).toEqual(segments.map((segment) => stored.originalText.slice(segment.start, segment.end)));
  expect(joinSegments(stored.originalText, segments)).toBe(stored.originalText);
}

function replaceLoneSurrogates(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

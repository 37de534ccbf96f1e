import { text } from 'node:stream/consumers';
import { applyPatch } from 'diff';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Flag } from '../../src/checks/types.js';
import { readAnalyzedSentences } from '../../src/services/analyzed-segments.js';
import { correctSegment } from '../../src/services/correct-segment.js';
import { EXPORT_FORMATS, exportDocument, isExportFormat } from '../../src/services/export-document.js';
import { formatJson } from '../../src/services/export-json.js';
import { importDocument } from '../../src/services/import-document.js';
import { dismissFlag } from '../../src/services/review-flags.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { findElements, parseXml, readXliffText } from '../support/parse-xml.js';
import { createTestAnalyzer, createTempDatabase } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';

let storage: Storage;
let analyzer: Analyzer;
let removeDatabase: () => void;

beforeEach(() => {
  const database = createTempDatabase();
  storage = createSqliteStorage(database.file);
  analyzer = createTestAnalyzer(storage);
  removeDatabase = database.remove;
});
afterEach(async () => {
  await storage.close();
  removeDatabase();
});

const HOSTILE = '<script>alert(1)</script> & "quotes" ]]>';

describe('exportDocument', () => {
  it('names each download after the title and gives its media type', async () => {
    const { document } = await importDocument(storage, analyzer, { text: 'One sentence here.', title: 'Élysée: the “deal” / 2020', author: 'importer' });
    const files = await Promise.all(EXPORT_FORMATS.map(async (format) => {
      const { fileName, contentType } = await exportDocument(storage, analyzer, document.id, format);
      return [format, fileName, contentType];
    }));
    const base = `${document.id}-elysee-the-deal-2020`;
    expect(files).toEqual([
      ['txt', `${base}.txt`, 'text/plain; charset=utf-8'],
      ['md', `${base}.md`, 'text/markdown; charset=utf-8'],
      ['docx', `${base}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['html', `${base}.html`, 'text/html; charset=utf-8'],
      ['json', `${base}.json`, 'application/json; charset=utf-8'],
      ['patch', `${base}.patch`, 'text/x-diff; charset=utf-8'],
      ['xliff', `${base}.xlf`, 'application/xliff+xml; charset=utf-8'],
      ['csv', `${base}-report.csv`, 'text/csv; charset=utf-8; header=present'],
    ]);
  });

  it('accepts only the known formats', () => {
    expect(EXPORT_FORMATS.every(isExportFormat)).toBe(true);
    expect([undefined, '', 'TXT', 'pdf', ['txt'], 1].some(isExportFormat)).toBe(false);
  });

  it('carries a hostile sentence through every format intact or safely escaped', async () => {
    const { document } = await importDocument(storage, analyzer, { text: 'First sentence here.\n\nSecond one follows.', title: 'Hostile', author: 'importer' });
    const [, second] = await storage.segments.listByDocument(document.id);
    await correctSegment(storage, analyzer, { segmentId: second!.id, text: HOSTILE, baseRevision: 0, author: 'ana' });
    const body = async <F extends (typeof EXPORT_FORMATS)[number]>(format: F) => (await exportDocument(storage, analyzer, document.id, format)).body;

    expect(await body('txt')).toBe(`First sentence here.\n\n${HOSTILE}\n`);
    expect(await body('md')).toContain('\n\n\\<script>alert(1)\\</script> & "quotes" \\]\\]>\n');
    expect(await body('html')).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt;</p>');
    expect((await mammoth.extractRawText({ buffer: Buffer.from(await body('docx')) })).value).toBe(`Hostile\n\nFirst sentence here.\n\n${HOSTILE}\n\n`);
    expect(JSON.parse(await text(await body('json'))).segments[1].text).toBe(HOSTILE);
    expect(applyPatch('First sentence here.\n\nSecond one follows.', await body('patch'))).toBe(`First sentence here.\n\n${HOSTILE}`);
    const targets = findElements(parseXml(await body('xliff')), 'target').map(readXliffText);
    expect(targets).toEqual(['First sentence here.', HOSTILE]);
    expect(await body('csv')).toContain(`,Second one follows.,"${HOSTILE.replaceAll('"', '""')}"\r\n`);
  });
});

// Flags to dismiss ("tenant" of a house is a false friend), quotes, a heading and a caption.
const SENTENCES = [
  'Storm warning', 'The tenant of the White House spoke on Monday.', 'He said "we are ready".', 'Photo: AFP',
  'Rain is expected in the north.', 'The occupant of the Élysée answered.', 'Roads were closed.', 'Schools stay open.',
];

describe('the JSON export (formatJson)', () => {
  it('streams, a page at a time, exactly the text JSON.stringify gives of the whole document', async () => {
    const { document: imported, source } = await importDocument(storage, analyzer, {
      text: SENTENCES.join('\n\n'), title: 'Storm "warning"', author: 'importer',
      source: { text: 'Alerte orage\n\nLe locataire de la Maison-Blanche a parlé lundi.\n\nIl a dit « nous sommes prêts ».\n\nPhoto : AFP\n\n'
        + 'De la pluie est attendue dans le nord.\n\nL\'occupant de l\'Élysée a répondu.\n\nLes routes étaient fermées.\n\nLes écoles restent ouvertes.' },
    });
    const segments = await storage.segments.listByDocument(imported.id);
    await correctSegment(storage, analyzer, { segmentId: segments[2]!.id, text: 'He said: "We are ready."', baseRevision: 0, author: 'ana', comment: 'Quote fixed.\nSecond line.' });
    await correctSegment(storage, analyzer, { segmentId: segments[6]!.id, text: 'Roads were shut.', baseRevision: 0, author: 'ben' });
    const [tenant] = (await readAnalyzedSentences(storage, analyzer, imported.id, { offset: 1, limit: 1 })).segments[0]!.flags as Flag[];
    await dismissFlag(storage, analyzer, { segmentId: segments[1]!.id, checkId: tenant!.checkId, start: tenant!.start, end: tenant!.end, baseRevision: 0, author: 'ana' });
    const document = (await storage.documents.get(imported.id))!;
    const expected = `${JSON.stringify(await buildWhole(document.id, 'the text'), null, 2)}\n`;
    expect(source).not.toBeNull();
    expect(JSON.parse(expected).segments[1]).toMatchObject({ source: 'Le locataire de la Maison-Blanche a parlé lundi.', dismissedFlags: [{ checkId: tenant!.checkId }] });

    // Pages that end on the last sentence, pages that do not, and one page for all.
    for (const pageSize of [1, 3, 4, 8, 1_000]) {
      expect(await text(await formatJson(storage, analyzer, document, 'the text', pageSize))).toBe(expected);
    }
  });

  it('writes a document without sentences as JSON.stringify does, with an empty list', async () => {
    const document = await storage.documents.create({ title: 'Empty', targetLanguage: 'en', detectedLanguage: 'und', originalText: '', author: 'importer', segments: [] });
    const expected = `${JSON.stringify(await buildWhole(document.id, ''), null, 2)}\n`;
    expect(expected).toContain('"segments": []\n}');
    expect(await text(await formatJson(storage, analyzer, document, '', 2))).toBe(expected);
  });

  it('is what the JSON export sends, for a document of more than one page of 1,000 sentences', async () => {
    const sentences = Array.from({ length: 2_100 }, (_, index) => `Sentence number ${index + 1} of the long article.`);
    const { document } = await importDocument(storage, analyzer, { text: sentences.join('\n\n'), title: 'Long', author: 'importer' });
    const segments = await storage.segments.listByDocument(document.id);
    await correctSegment(storage, analyzer, { segmentId: segments[1_500]!.id, text: 'A corrected sentence.', baseRevision: 0, author: 'ana' });
    const pieces: string[] = [];
    for await (const piece of (await exportDocument(storage, analyzer, document.id, 'json')).body) pieces.push(piece);
    const exported = pieces.join('');
    // In pieces, none the whole file.
    expect(pieces.length).toBeGreaterThan(2);
    expect(exported).toBe(`${JSON.stringify(await buildWhole(document.id, `${sentences.join('\n\n')}`.replace(sentences[1_500]!, 'A corrected sentence.')), null, 2)}\n`);
    expect(JSON.parse(exported).segments[1_500].revisions.map((revision: { author: string }) => revision.author)).toEqual(['importer', 'ana']);
  });
});

/** The export's body as it was built before it streamed: every sentence and revision read at once, one JSON.stringify. */
async function buildWhole(documentId: number, documentText: string) {
  const { document, segments } = await readAnalyzedSentences(storage, analyzer, documentId, { offset: 0, limit: 1_000_000 });
  const revisions = await storage.revisions.listByDocument(documentId);
  return {
    document: {
      id: document.id, title: document.title, targetLanguage: document.targetLanguage, detectedLanguage: document.detectedLanguage,
      sourceLanguage: document.sourceLanguage, createdAt: document.createdAt, updatedAt: document.updatedAt,
    },
    text: documentText,
    segments: segments.map((segment) => ({
      id: segment.id, position: segment.position, paragraph: segment.paragraph, role: segment.role, status: segment.status,
      source: segment.source, original: segment.original, text: segment.text, revision: segment.revision, risk: segment.risk,
      flags: segment.flags, dismissedFlags: segment.dismissedFlags,
      revisions: revisions.filter((revision) => revision.segmentId === segment.id).map((revision) => ({
        number: revision.number, kind: revision.kind, author: revision.author, comment: revision.comment,
        createdAt: revision.createdAt, revertedTo: revision.revertedTo, patch: revision.patch,
      })),
    })),
  };
}

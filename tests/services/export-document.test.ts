import { text } from 'node:stream/consumers';
import { applyPatch } from 'diff';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { EXPORT_FORMATS, exportDocument, isExportFormat } from '../../src/services/export-document.js';
import { importDocument } from '../../src/services/import-document.js';
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

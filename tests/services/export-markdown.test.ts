import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { exportDocument } from '../../src/services/export-document.js';
import { escapeBody } from '../../src/services/export-markdown.js';
import { importDocument } from '../../src/services/import-document.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
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

async function importArticle(text: string, title?: string) {
  const { document } = await importDocument(storage, analyzer, { text, title, author: 'importer' });
  return { id: document.id, segments: await storage.segments.listByDocument(document.id) };
}

async function markdownOf(id: number, includeExcluded = false) {
  return (await exportDocument(storage, analyzer, id, 'md', { includeExcluded })).body;
}

const ARTICLE = [
  'TikTok rejects Microsoft',
  '',
  'The offer was rejected. Microsoft said so on Sunday.',
  '',
  '-',
  '',
  'Dongxu Fang / Costfoto / Sipa USA /',
  '',
  'Oracle’s turn',
  '',
  'Oracle did not confirm.',
].join('\n');

describe('Markdown export', () => {
  it('writes the title, paragraphs, and headings as "##", leaving page noise out', async () => {
    const { id } = await importArticle(ARTICLE, 'Deal off');
    expect(await markdownOf(id)).toBe([
      '# Deal off',
      '',
      '## TikTok rejects Microsoft',
      '',
      'The offer was rejected. Microsoft said so on Sunday.',
      '',
      '## Oracle’s turn',
      '',
      'Oracle did not confirm.',
      '',
    ].join('\n'));
    expect(await markdownOf(id, true)).toContain('\n\n\\-\n\nDongxu Fang / Costfoto / Sipa USA /\n\n');
  });

  it('uses the corrected first sentence as the title when the title came from it, instead of repeating it', async () => {
    const { id, segments } = await importArticle(ARTICLE);
    await correctSegment(storage, analyzer, { segmentId: segments[0]!.id, text: 'TikTok turns down Microsoft', baseRevision: 0, author: 'ana' });
    const markdown = await markdownOf(id);
    expect(markdown.startsWith('# TikTok turns down Microsoft\n\nThe offer was rejected.')).toBe(true);
    expect(markdown).not.toContain('rejects');
  });

  it('keeps list items as "- " items, even short ones that look like headings', async () => {
    const { id } = await importArticle('Tags follow here as a sentence.\n\n  • United States of America today\n  • Donald Trump and his friends');
    expect(await markdownOf(id)).toContain('\n\n- United States of America today\n- Donald Trump and his friends\n');
  });

  it('shows corrected text, with hostile text escaped so it stays text', async () => {
    const { id, segments } = await importArticle(ARTICLE, 'Deal off');
    await correctSegment(storage, analyzer, { segmentId: segments[1]!.id, text: '<script>alert(1)</script> & "quotes" ]]>', baseRevision: 0, author: 'ana' });
    expect(await markdownOf(id)).toContain('\n\n\\<script>alert(1)\\</script> & "quotes" \\]\\]> Microsoft said so on Sunday.\n\n');
  });

  it.each([
    ['# Not a heading', '\\# Not a heading'],
    ['1. Not a list', '1\\. Not a list'],
    ['2) Not a list', '2\\) Not a list'],
    ['- Not a bullet', '\\- Not a bullet'],
    ['+ Not a bullet', '\\+ Not a bullet'],
    ['* Not a bullet', '\\* Not a bullet'],
    ['> Not a quote', '\\> Not a quote'],
    ['===', '\\==='],
    ['    Not code', 'Not code'],
    ['```js', '\\`\\`\\`js'],
    ['Line one\n# Line two', 'Line one\n\\# Line two'],
    ['*bold* _em_ [link](x) <b> `code` a|b ~~gone~~', '\\*bold\\* \\_em\\_ \\[link\\](x) \\<b> \\`code\\` a\\|b \\~\\~gone\\~\\~'],
    ['AT&T and &amp; and &#38;', 'AT&T and \\&amp; and \\&#38;'],
    ['C:\\path', 'C:\\\\path'],
    ['2020. A year', '2020\\. A year'],
    ['In 2020. A year', 'In 2020. A year'],
    ['-5% on the day', '\\-5% on the day'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeBody(text)).toBe(escaped);
  });
});

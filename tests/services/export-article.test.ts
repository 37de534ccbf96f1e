import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/formats/read-docx.js';
import { correctSegment } from '../../src/services/correct-segment.js';
import { exportDocument } from '../../src/services/export-document.js';
import { importDocument } from '../../src/services/import-document.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAnalyzer, createTestStorage } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';

let storage: Storage;
let analyzer: Analyzer;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ storage, remove } = await createTestStorage());
  analyzer = createTestAnalyzer(storage);
});
afterEach(async () => remove());

/** The fixture page, imported, with the headline and the caption corrected. */
async function importCorrectedPage(): Promise<number> {
  const { document } = await importDocument(storage, analyzer, {
    file: { name: 'reform.html', bytes: fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'formats', 'article.html')) },
    author: 'importer',
  });
  const segments = await storage.segments.listByDocument(document.id);
  const correct = async (original: string, text: string) => {
    const segment = segments.find((candidate) => candidate.original === original)!;
    await correctSegment(storage, analyzer, { segmentId: segment.id, text, baseRevision: 0, author: 'ana' });
  };
  await correct('Pension reform: the unions call a new day of strikes', 'Pension reform: unions call a new day of strikes');
  await correct('Demonstrators marched from République to Nation on Tuesday.', 'Demonstrators marched from République to Nation <on> Tuesday & later.');
  return document.id;
}

const BODY = [
  'The unions have called for a new day of strikes and demonstrations on Thursday against the pension reform, which the government wants to adopt before the summer.',
  '"We will not give up," declared the general secretary of the CGT on Tuesday evening, at the end of a meeting of the inter-union committee in Paris. The rail and energy sectors are expected to be strongly affected.',
  'The bill, adopted at first reading by the National Assembly, must be examined by the senators from next week. The majority hopes for a final vote in June, but the opposition has tabled more than three thousand amendments.',
  'According to an Ifop poll published on Sunday, two thirds of the French remain opposed to the postponement of the legal retirement age to 64 years.',
];

describe('HTML and Word exports', () => {
  it('exports an HTML fragment of the corrected article: headline, caption, paragraphs, headings; noise left out', async () => {
    const id = await importCorrectedPage();
    const { body } = await exportDocument(storage, analyzer, id, 'html');
    expect(body).toBe([
      '<article lang="en">',
      '<h1>Pension reform: unions call a new day of strikes</h1>',
      '<p class="caption">Demonstrators marched from République to Nation &lt;on&gt; Tuesday &amp; later.</p>',
      `<p>${BODY[0]}</p>`,
      `<p>${BODY[1]!.replaceAll('"', '&quot;')}</p>`,
      '<h2>A text examined in the Senate</h2>',
      `<p>${BODY[2]}</p>`,
      `<p>${BODY[3]}</p>`,
      '</article>',
      '',
    ].join('\n'));
    const everything = (await exportDocument(storage, analyzer, id, 'html', { includeExcluded: true })).body;
    for (const noise of ['By Claire Martin and Paul Durand', 'Photo: Jean Dupont / AFP', 'Read also: Pensions: what changes for you on January 1st', 'Unions']) {
      expect(everything).toContain(`<p>${noise}</p>`);
    }
  });

  it('exports a Word file that reads back as the same corrected article', async () => {
    const id = await importCorrectedPage();
    const file = await exportDocument(storage, analyzer, id, 'docx');
    expect(file.fileName).toMatch(/^\d+-pension-reform-the-unions-call-a-new-day-of-strikes\.docx$/);
    expect((await readDocx(file.body)).blocks).toEqual([
      { text: 'Pension reform: unions call a new day of strikes', role: 'heading' },
      { text: 'Demonstrators marched from République to Nation <on> Tuesday & later.', role: 'caption' },
      { text: BODY[0], role: 'body' },
      { text: BODY[1], role: 'body' },
      { text: 'A text examined in the Senate', role: 'heading' },
      { text: BODY[2], role: 'body' },
      { text: BODY[3], role: 'body' },
    ]);
  });

  it('keeps the line breaks of a plain-text article as line breaks in a paragraph', async () => {
    const { document } = await importDocument(storage, analyzer, { text: 'Storm warning\n\nThe roads:\n• The A63 is closed.\n• The A64 is open.\n\nMore tomorrow.', author: 'importer' });
    expect((await exportDocument(storage, analyzer, document.id, 'html')).body).toBe(
      '<article lang="en">\n<h1>Storm warning</h1>\n<p>The roads:<br>\nThe A63 is closed.<br>\nThe A64 is open.</p>\n<p>More tomorrow.</p>\n</article>\n',
    );
  });
});

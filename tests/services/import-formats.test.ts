import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAlignment } from '../../src/services/attach-source.js';
import { ServiceError } from '../../src/services/errors.js';
import { importDocument, type ImportRequest } from '../../src/services/import-document.js';
import type { Storage } from '../../src/storage/types.js';
import { buildArticleDocx } from '../support/docx-fixtures.js';
import { createTestAnalyzer, createTestStorage } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');

let storage: Storage;
let analyzer: Analyzer;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ storage, remove } = await createTestStorage());
  analyzer = createTestAnalyzer(storage);
});
afterEach(async () => remove());

function upload(name: string, content: string | Uint8Array): ImportRequest['file'] {
  return { name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content };
}

async function importFile(name: string, content: string | Uint8Array, extra: Partial<ImportRequest> = {}) {
  const result = await importDocument(storage, analyzer, { file: upload(name, content), author: 'ana', ...extra });
  const segments = await storage.segments.listByDocument(result.document.id);
  return { result, segments: segments.map(({ text, role, status, paragraph }) => ({ text, role, status, paragraph })) };
}

describe('importing each format', () => {
  it('names an untitled article by its first sentence of text, not a photo caption or credit above it', async () => {
    const text = 'The minister at the podium on Monday.\n\nJohn Smith / AFP\n\nThe government presented its budget on Monday. It cuts spending.';
    const pasted = await importDocument(storage, analyzer, { text, author: 'ana' });
    const roles = (await storage.segments.listByDocument(pasted.document.id)).map((segment) => segment.role);
    expect(roles.slice(0, 2)).toEqual(['photo-caption', 'credit']);
    expect(pasted.document.title).toBe('The government presented its budget on Monday.');
  });

  it('imports a saved web page with the roles its markup gives, noise excluded', async () => {
    const { result, segments } = await importFile('reform.html', fs.readFileSync(path.join(FIXTURES, 'article.html')));
    expect(result.document).toMatchObject({ title: 'Pension reform: the unions call a new day of strikes', targetLanguage: 'en', detectedLanguage: 'en' });
    expect(segments.map(({ text, role, status }) => [role, status, text.slice(0, 40)])).toEqual([
      ['heading', 'to-review', 'Pension reform: the unions call a new da'],
      ['credit', 'excluded', 'By Claire Martin and Paul Durand'],
      ['caption', 'to-review', 'Demonstrators marched from République to'],
      ['credit', 'excluded', 'Photo: Jean Dupont / AFP'],
      ['body', 'to-review', 'The unions have called for a new day of '],
      ['body', 'to-review', '"We will not give up," declared the gene'],
      ['body', 'to-review', 'The rail and energy sectors are expected'],
      ['teaser', 'excluded', 'Read also: Pensions: what changes for yo'],
      ['heading', 'to-review', 'A text examined in the Senate'],
      ['body', 'to-review', 'The bill, adopted at first reading by th'],
      ['body', 'to-review', 'The majority hopes for a final vote in J'],
      ['body', 'to-review', 'According to an Ifop poll published on S'],
      ['tag', 'excluded', 'Pensions'],
      ['tag', 'excluded', 'Strikes'],
      ['tag', 'excluded', 'Unions'],
    ]);
  });

  it('imports a Word file by its styles', async () => {
    const { result, segments } = await importFile('storm.docx', await buildArticleDocx());
    expect(result.document.title).toBe('Storm: three departments on orange alert');
    expect(segments).toEqual([
      { text: 'Storm: three departments on orange alert', role: 'heading', status: 'to-review', paragraph: 0 },
      { text: 'By Marie Lefèvre', role: 'credit', status: 'excluded', paragraph: 1 },
      { text: 'Meteorologists placed three departments on orange alert on Sunday.', role: 'body', status: 'to-review', paragraph: 2 },
      { text: 'Gusts of 130 km/h are expected on the coast.', role: 'body', status: 'to-review', paragraph: 2 },
      { text: 'Residents are advised to stay at home.', role: 'body', status: 'to-review', paragraph: 2 },
      { text: 'Waves on the jetty at Biarritz on Sunday.', role: 'caption', status: 'to-review', paragraph: 3 },
      { text: 'Photo: Gaizka Iroz / AFP', role: 'credit', status: 'excluded', paragraph: 4 },
      { text: 'Schools closed on Monday', role: 'heading', status: 'to-review', paragraph: 5 },
      { text: 'Schools in the three departments will stay closed.', role: 'body', status: 'to-review', paragraph: 6 },
      { text: 'Gironde: orange', role: 'body', status: 'to-review', paragraph: 7 },
    ]);
  });

  it('imports Markdown: headings as given, the rest judged on its text as plain text is', async () => {
    const markdown = '# Storm warning\n\nThe storm reached the coast on Sunday night. Trees fell.\n\nWaves on the jetty at Biarritz\n\nGaizka Iroz / AFP /\n\n## Schools\n\nSchools stay closed.\n';
    const { result, segments } = await importFile('storm.md', markdown);
    expect(result.document.title).toBe('Storm warning');
    expect(segments.map(({ text, role }) => [role, text])).toEqual([
      ['heading', 'Storm warning'],
      ['body', 'The storm reached the coast on Sunday night.'],
      ['body', 'Trees fell.'],
      // Judged on its text as a plain-text paragraph is: a paragraph before a photo credit is the photo's caption.
      ['photo-caption', 'Waves on the jetty at Biarritz'],
      ['credit', 'Gaizka Iroz / AFP /'],
      ['heading', 'Schools'],
      ['body', 'Schools stay closed.'],
    ]);
  });

  it.each(['article-2.xlf', 'article-1.2.xlf'])('imports %s: targets as the article, sources attached unit by unit', async (fixture) => {
    const { result, segments } = await importFile(fixture, fs.readFileSync(path.join(FIXTURES, fixture)));
    expect(result.source).toMatchObject({ language: 'fr' });
    expect(result.sourceError).toBeNull();
    expect(result.document.targetLanguage).toBe('en');
    const alignment = await getAlignment(storage, result.document.id);
    const pairs = alignment.rows.map(({ segment, source }) => [segment.text, source.text]);
    if (fixture === 'article-2.xlf') {
      expect(segments.map(({ text, paragraph }) => [paragraph, text])).toEqual([
        [0, 'Pension reform: the unions call for a new day of strike'],
        [1, 'The unions have called to a new day of strikes on Thursday.'],
        [1, 'The government wants to adopt the reform before the summer.'],
        [2, '"We will not release anything," declared the CGT & its allies.'],
      ]);
      expect(pairs).toEqual([
        ['Pension reform: the unions call for a new day of strike', 'Réforme des retraites : les syndicats appellent à une nouvelle journée de grève'],
        ['The unions have called to a new day of strikes on Thursday.', 'Les syndicats ont appelé à une nouvelle journée de grèves jeudi.'],
        ['The government wants to adopt the reform before the summer.', 'Le gouvernement veut adopter la réforme avant l\'été.'],
        ['"We will not release anything," declared the CGT & its allies.', '« Nous ne lâcherons rien », a déclaré la CGT.'],
      ]);
    } else {
      // A unit holding two sentences is split in two, each linked to its own source sentence.
      expect(pairs).toEqual([
        ['Strike: the unions call to demonstrate on Thursday', 'Grève : les syndicats appellent à manifester jeudi'],
        ['The unions have called to a new day of mobilisation.', 'Les syndicats ont appelé à une nouvelle journée de mobilisation.'],
        ['The government maintains its project.', 'Le gouvernement maintient son projet.'],
        ['The demonstration will leave from the place of the Republic at 14 hours.', 'La manifestation partira de la place de la République à 14 heures.'],
      ]);
    }
  });
});

describe('a source given as a file', () => {
  it('reads the original article from a Word file and aligns it with a plain-text translation', async () => {
    const original = new Document({ sections: [{ children: [
      new Paragraph({ heading: HeadingLevel.TITLE, text: 'Tempête : trois départements en vigilance orange' }),
      new Paragraph('Les météorologues ont placé trois départements en vigilance orange dimanche. Des rafales de 130 km/h sont attendues sur la côte.'),
    ] }] });
    const result = await importDocument(storage, analyzer, {
      text: 'Storm: three departments on orange alert\n\nMeteorologists placed three departments on orange alert on Sunday. Gusts of 130 km/h are expected on the coast.',
      author: 'ana',
      source: { file: upload('original.docx', await Packer.toBuffer(original)) },
    });
    expect(result.sourceError).toBeNull();
    expect(result.source).toEqual({ language: 'fr', sentenceCount: 3, linkedCount: 3 });
    const alignment = await getAlignment(storage, result.document.id);
    expect(alignment.rows.map(({ source }) => source.text)).toEqual([
      'Tempête : trois départements en vigilance orange',
      'Les météorologues ont placé trois départements en vigilance orange dimanche.',
      'Des rafales de 130 km/h sont attendues sur la côte.',
    ]);
  });
});

describe('refusing bad input', () => {
  it('answers each broken or unknown file with a 4xx that names the problem, and stores nothing', async () => {
    const docx = await buildArticleDocx();
    const xliff = fs.readFileSync(path.join(FIXTURES, 'article-2.xlf'), 'utf8');
    const cases: [string, Partial<ImportRequest>, ServiceError['code'], RegExp][] = [
      ['a cut-off Word file', { file: upload('story.docx', docx.subarray(0, docx.length - 300)) }, 'invalid-input', /zip archive is cut off or corrupt/],
      ['a text file named .docx', { file: upload('story.docx', 'Just some text.') }, 'unsupported-media-type', /not a Word file: it is not a zip archive/],
      ['a zip that is no Word file', { file: upload('story.docx', zipSync({ 'content.xml': strToU8('<x/>') })) }, 'unsupported-media-type', /not a Word document/],
      ['a zip bomb', { file: upload('story.docx', zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) })) }, 'too-large', /unpacks to more than 32 MB/],
      ['XLIFF that does not parse', { file: upload('mt.xlf', xliff.slice(0, 500)) }, 'invalid-input', /not well-formed XML/],
      ['XLIFF with a DTD', { file: upload('mt.xlf', xliff.replace('<xliff', '<!DOCTYPE xliff SYSTEM "http://example.org/x.dtd"><xliff')) }, 'invalid-input', /declares a DTD/],
      ['XLIFF in Latin-1', { file: upload('mt.xlf', Buffer.from(xliff, 'latin1')) }, 'unsupported-media-type', /not UTF-8/],
      ['a page with no article', { file: upload('home.html', '<html><body><nav><a href="/">Home</a></nav></body></html>') }, 'invalid-input', /no article text/],
      ['a PDF', { file: upload('story.pdf', '%PDF-1.7') }, 'unsupported-media-type', /PDF files are not read/],
      ['an unknown format', { file: upload('story.pages', 'x') }, 'unsupported-media-type', /does not read \.pages files/],
      ['binary Markdown', { file: upload('story.md', '# Title\u0000\u0001') }, 'unsupported-media-type', /binary data/],
      ['a file and a URL', { file: upload('a.txt', 'Text.'), url: 'https://example.org/' }, 'invalid-input', /one of them/],
      ['a URL with no URL policy', { url: 'https://example.org/story.html' }, 'invalid-input', /cannot be given as a URL/],
      ['an XLIFF with sources and a source beside it', { file: upload('mt.xlf', xliff), source: { text: 'Le texte original.' } }, 'invalid-input', /carries its own source text/],
    ];
    for (const [name, request, code, message] of cases) {
      const error = await importDocument(storage, analyzer, { author: 'ana', ...request }).then(() => undefined, (caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(ServiceError);
      expect({ name, code: (error as ServiceError).code, message: (error as ServiceError).message }).toEqual({ name, code, message: expect.stringMatching(message) });
    }
    expect(await storage.documents.count()).toBe(0);
  });
});

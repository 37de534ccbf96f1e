import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readXliff } from '../../src/formats/read-xliff.js';
import { correctSegment } from '../../src/services/correct-segment.js';
import { exportDocument } from '../../src/services/export-document.js';
import { importDocument } from '../../src/services/import-document.js';
import { ServiceError } from '../../src/services/errors.js';
import type { Storage } from '../../src/storage/types.js';
import type { SegmentRecord } from '../../src/model.js';
import { createTestAnalyzer, createTestStorage } from '../support/test-server.js';
import { replaceEach } from '../support/replace-each.js';
import type { Analyzer } from '../../src/services/document-analysis.js';
import { setSegmentStatus } from '../../src/services/segment-status.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');

let storage: Storage;
let analyzer: Analyzer;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ storage, remove } = await createTestStorage());
  analyzer = createTestAnalyzer(storage);
});
afterEach(async () => remove());

async function importXliff(text: string, name = 'from-the-engine.xlf'): Promise<{ id: number; segments: SegmentRecord[] }> {
  const { document } = await importDocument(storage, analyzer, { file: { name, bytes: Buffer.from(text, 'utf8') }, author: 'importer' });
  return { id: document.id, segments: await storage.segments.listByDocument(document.id) };
}

async function approve(segment: SegmentRecord): Promise<void> {
  const current = (await storage.segments.get(segment.id))!;
  await setSegmentStatus(storage, { segmentId: segment.id, baseRevision: current.revision, status: 'approved', author: 'ana' });
}

async function correct(segment: SegmentRecord, text: string): Promise<void> {
  await correctSegment(storage, analyzer, { segmentId: segment.id, text, baseRevision: 0, author: 'ana' });
}

describe('XLIFF round trip', () => {
  it('exports an untouched XLIFF 2 article as the very file that came in, byte for byte', async () => {
    const original = `\uFEFF${fs.readFileSync(path.join(FIXTURES, 'article-2.xlf'), 'utf8').replace(/\n/g, '\r\n')}`;
    const { id } = await importXliff(original);
    const file = await exportDocument(storage, analyzer, id, 'xliff');
    expect(file.fileName).toMatch(/^\d+-from-the-engine\.xlf$/);
    expect(Buffer.from(file.body, 'utf8').equals(Buffer.from(original, 'utf8'))).toBe(true);
  });

  it('writes corrections and approvals back into the XLIFF 2 file, same structure and unit ids, nothing else changed', async () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'article-2.xlf'), 'utf8');
    const { id, segments } = await importXliff(original);
    await approve(segments[0]!);
    await correct(segments[1]!, 'The unions have called for a new day of strikes on Thursday.');
    await correct(segments[2]!, 'The government wants to pass the reform before summer.');
    await approve(segments[2]!);
    const { body } = await exportDocument(storage, analyzer, id, 'xliff');
    expect(body).toBe(replaceEach(original, [
      ['<segment id="1" state="translated">\n        <source>Réforme', '<segment id="1" state="final">\n        <source>Réforme'],
      ['<segment id="1" state="translated">\n        <source>Les', '<segment id="1" state="reviewed">\n        <source>Les'],
      ['<target>The unions have called to a new day', '<target>The unions have called for a new day'],
      ['<segment id="2" state="initial">', '<segment id="2" state="final">'],
      ['<target>The government wants to adopt the reform <pc id="b1" dataRefStart="d1">before the summer</pc>.</target>',
        '<target>The government wants to pass the reform <pc id="b1" dataRefStart="d1">before summer</pc>.</target>'],
    ]));
    const read = readXliff(body);
    expect(read.units.map((unit) => unit.id)).toEqual(readXliff(original).units.map((unit) => unit.id));
  });

  it('writes a unit of several sentences back as one target, approved="yes" once every sentence is approved (XLIFF 1.2)', async () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'article-1.2.xlf'), 'utf8');
    const { id, segments } = await importXliff(original);
    expect(segments.map((segment) => segment.text)).toEqual([
      'Strike: the unions call to demonstrate on Thursday',
      'The unions have called to a new day of mobilisation.',
      'The government maintains its project.',
      'The demonstration will leave from the place of the Republic at 14 hours.',
    ]);
    await correct(segments[1]!, 'The unions have called for a new day of protest.');
    await approve(segments[1]!);
    // One sentence of unit 2 approved: the unit is edited, not approved.
    let body = (await exportDocument(storage, analyzer, id, 'xliff')).body;
    expect(body).toBe(replaceEach(original, [[
      '>The unions have called to a new day of mobilisation. The government maintains its project.</target>',
      '>The unions have called for a new day of protest. The government maintains its project.</target>',
    ]]));
    await approve(segments[2]!);
    await correct(segments[3]!, 'The march will leave from Place de la République at 2 pm.');
    body = (await exportDocument(storage, analyzer, id, 'xliff')).body;
    expect(body).toBe(replaceEach(original, [
      ['<trans-unit id="2">', '<trans-unit id="2" approved="yes">'],
      ['>The unions have called to a new day of mobilisation. The government maintains its project.</target>',
        '>The unions have called for a new day of protest. The government maintains its project.</target>'],
      ['The demonstration will leave from the place of the <g id="1" ctype="bold">Republic</g> at 14 hours.',
        'The march will leave from Place de la <g id="1" ctype="bold">République</g> at 2 pm.'],
    ]));
  });

  it('exports an article imported from anything else as Retouche XLIFF 2.1, as before', async () => {
    const { document } = await importDocument(storage, analyzer, { text: 'One sentence.', author: 'importer' });
    expect((await exportDocument(storage, analyzer, document.id, 'xliff')).body).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.1"');
  });

  it('refuses to write into a kept file that no longer matches the article', async () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'article-2.xlf'), 'utf8');
    const { id } = await importXliff(original);
    const document = (await storage.documents.getWithText(id))!;
    // The same article stored beside another file, as a change to the layout would leave it.
    const other = await storage.documents.create({
      title: document.title, targetLanguage: 'en', detectedLanguage: 'en', originalText: document.originalText, author: 'importer',
      segments: (await storage.segments.listByDocument(id)).map(({ position, paragraph, start, end, text, role, status }) => ({ position, paragraph, start, end, text, role, status })),
      importedFile: { format: 'xliff', content: original.replace('declared the CGT', 'said the CGT') },
    });
    const error = await exportDocument(storage, analyzer, other.id, 'xliff').then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/no longer matches the XLIFF file/) });
  });
});

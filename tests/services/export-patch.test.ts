import { applyPatch, parsePatch } from 'diff';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { exportDocument } from '../../src/services/export-document.js';
import { formatMachineTranslationText } from '../../src/services/export-text.js';
import { importDocument } from '../../src/services/import-document.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAnalyzer, createTempDatabase } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';
import { setSegmentStatus } from '../../src/services/segment-status.js';

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

const ARTICLE = [
  'The offer was rejected. Microsoft said so on Sunday.',
  '-',
  'Dongxu Fang / Costfoto / Sipa USA /',
  'Oracle did not confirm.',
  'The tenant of the White House has invested in the file.',
].join('\n\n');

async function importArticle() {
  const { document } = await importDocument(storage, analyzer, { text: ARTICLE, title: 'Deal off', author: 'importer' });
  return { document, segments: await storage.segments.listByDocument(document.id) };
}

async function exportsOf(documentId: number, includeExcluded = false) {
  const text = (await exportDocument(storage, analyzer, documentId, 'txt', { includeExcluded })).body;
  const patch = await exportDocument(storage, analyzer, documentId, 'patch', { includeExcluded });
  const document = (await storage.documents.getWithText(documentId))!;
  const segments = await storage.segments.listByDocument(documentId);
  // The machine translation as its .txt file would hold it, final newline included.
  return { text, patch, machineTranslation: `${formatMachineTranslationText(document, segments, { includeExcluded })}\n` };
}

describe('patch export', () => {
  it('is empty of hunks right after import, when the MT is the text export', async () => {
    const { document } = await importArticle();
    const { text, patch, machineTranslation } = await exportsOf(document.id);
    expect(machineTranslation).toBe(text);
    expect(parsePatch(patch.body)[0]!.hunks).toEqual([]);
  });

  it('turns the MT text into the corrected text export, dropped sentences and restored noise included', async () => {
    const { document, segments } = await importArticle();
    const [first, second, , credit, oracle, tenant] = segments;
    await correctSegment(storage, analyzer, { segmentId: first!.id, text: 'Microsoft’s offer was turned down.', baseRevision: 0, author: 'ana' });
    await correctSegment(storage, analyzer, { segmentId: tenant!.id, text: 'The occupant of the White House has taken an interest in the matter.', baseRevision: 0, author: 'ana' });
    await setSegmentStatus(storage, { segmentId: oracle!.id, baseRevision: 0, status: 'excluded', author: 'ana' });
    await setSegmentStatus(storage, { segmentId: credit!.id, baseRevision: 0, status: 'to-review', author: 'ana' });
    expect(second!.text).toBe('Microsoft said so on Sunday.');

    const { text, patch, machineTranslation } = await exportsOf(document.id);
    expect(patch).toMatchObject({ fileName: `${document.id}-deal-off.patch`, contentType: 'text/x-diff; charset=utf-8' });
    expect(patch.body).toContain(`--- ${document.id}-deal-off.mt.txt\n+++ ${document.id}-deal-off.txt\n`);
    expect(patch.body).toContain('\n-Oracle did not confirm.\n');
    expect(patch.body).toContain('\n+Dongxu Fang / Costfoto / Sipa USA /\n');
    expect(applyPatch(machineTranslation, patch.body)).toBe(text);

    const everything = await exportsOf(document.id, true);
    expect(everything.machineTranslation).toBe(`${ARTICLE}\n`);
    expect(everything.patch.fileName).toBe(`${document.id}-deal-off.with-excluded.patch`);
    expect(applyPatch(everything.machineTranslation, everything.patch.body)).toBe(everything.text);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { createAnalysisCache, getAnalyzedDocument, getAnalyzedSegment, type AnalysisCache } from '../../src/services/document-analysis.js';
import { importDocument } from '../../src/services/import-document.js';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestStorage } from '../support/test-server.js';

let storage: Storage;
let database: { databasePath: string; databaseUrl: string | undefined };
let remove: () => Promise<void>;
let analyses: AnalysisCache;

beforeEach(async () => {
  const created = await createTestStorage();
  ({ storage, remove } = created);
  analyses = createAnalysisCache();
  database = { databasePath: created.databaseFile, databaseUrl: created.databaseUrl };
});
afterEach(async () => {
  await remove();
});

const ARTICLE = 'The first sentence is fine.\n\nThe second sentence is fine too. The third one is also fine.';

async function importArticle(): Promise<{ documentId: number; ids: number[] }> {
  const { document } = await importDocument(storage, { text: ARTICLE, author: 'importer' });
  const segments = await storage.segments.listByDocument(document.id);
  return { documentId: document.id, ids: segments.map((segment) => segment.id) };
}

const checkIds = (flags: readonly { checkId: string }[]) => flags.map((flag) => flag.checkId);

describe('the revision sum of a document', () => {
  it('is the sum of its sentences\' revisions, raised in the transaction of each save', async () => {
    const { documentId, ids } = await importArticle();
    expect((await storage.documents.get(documentId))?.revisionSum).toBe(0);
    await correctSegment(storage, { segmentId: ids[1]!, text: 'Edited once.', baseRevision: 0, author: 'ed' });
    await correctSegment(storage, { segmentId: ids[1]!, text: 'Edited twice.', baseRevision: 1, author: 'ed' });
    await correctSegment(storage, { segmentId: ids[2]!, text: 'Edited elsewhere.', baseRevision: 0, author: 'ed' });
    // A conflict writes nothing, so it raises nothing.
    await expect(correctSegment(storage, { segmentId: ids[2]!, text: 'Stale.', baseRevision: 0, author: 'ed' })).rejects.toMatchObject({ code: 'conflict' });
    const segments = await storage.segments.listByDocument(documentId);
    expect((await storage.documents.get(documentId))?.revisionSum).toBe(segments.reduce((sum, segment) => sum + segment.revision, 0));
    expect((await storage.documents.get(documentId))?.revisionSum).toBe(3);
  });
});

describe('getAnalyzedSegment after saves', () => {
  it('re-analyses the saved sentence, and the ones another writer changed meanwhile', async () => {
    const { documentId, ids } = await importArticle();
    await getAnalyzedDocument(storage, analyses, documentId);

    await correctSegment(storage, { segmentId: ids[0]!, text: 'The tenant of the White House has invested in the file.', baseRevision: 0, author: 'ed' });
    const saved = await getAnalyzedSegment(storage, analyses, ids[0]!);
    expect(saved.revision).toBe(1);
    expect(checkIds(saved.flags)).toContain('false-friends');

    // Another server on the same database saves a sentence; this one's cache never heard of it.
    const otherServer = await openStorage(database);
    try {
      await correctSegment(otherServer, { segmentId: ids[2]!, text: 'The goverment said so.', baseRevision: 0, author: 'other' });
    } finally {
      await otherServer.close();
    }
    const other = await getAnalyzedSegment(storage, analyses, ids[2]!);
    expect(other.text).toBe('The goverment said so.');
    expect(checkIds(other.flags)).toEqual(['spelling']);

    await correctSegment(storage, { segmentId: ids[0]!, text: 'The first sentence is fine again.', baseRevision: 1, author: 'ed' });
    expect((await getAnalyzedSegment(storage, analyses, ids[0]!)).flags).toEqual([]);
    const whole = await getAnalyzedDocument(storage, analyses, documentId);
    expect(whole.segments.map((segment) => checkIds(segment.flags))).toEqual([[], [], ['spelling']]);
  });

  it('analyses the whole document again when many sentences changed elsewhere, so document facts are fresh', async () => {
    const others = Array.from({ length: 17 }, (_, day) => `Nothing happened on day ${day + 1}.`);
    const { document } = await importDocument(storage, { text: [...others, 'Then Donald trump left.'].join('\n\n'), author: 'importer' });
    const segments = await storage.segments.listByDocument(document.id);
    const target = segments.at(-1)!;
    expect((await getAnalyzedDocument(storage, analyses, document.id)).segments.at(-1)!.flags).toEqual([]);

    // Another server names Donald Trump in seventeen sentences: more than are re-analysed one by one.
    const otherServer = await openStorage(database);
    try {
      for (const [day, segment] of segments.slice(0, 17).entries()) {
        await correctSegment(otherServer, { segmentId: segment.id, text: `On day ${day + 1}, Donald Trump spoke.`, baseRevision: 0, author: 'other' });
      }
    } finally {
      await otherServer.close();
    }
    await correctSegment(storage, { segmentId: target.id, text: 'Then Donald trump left at noon.', baseRevision: 0, author: 'ed' });
    expect(checkIds((await getAnalyzedSegment(storage, analyses, target.id)).flags)).toEqual(['name-consistency']);
  });
});

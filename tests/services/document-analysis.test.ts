import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessRunner, type AnalysisRunner } from '../../src/analysis/runner.js';
import { readAnalyzedSegment, readDocumentPage } from '../../src/services/analyzed-segments.js';
import { correctSegment } from '../../src/services/correct-segment.js';
import { createAnalyzer, invalidateAnalysis, type Analyzer } from '../../src/services/document-analysis.js';
import { importDocument } from '../../src/services/import-document.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAnalyzer, createTestDatabase, TEST_DATABASE_URL } from '../support/test-server.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let storage: Storage;
let analyzer: Analyzer;
// What the analyzer asked its runner to do: whole documents analysed, and how many sentences.
let calls: { whole: number; texts: number };

/** The in-process runner, counting the whole-document analyses and single texts it is asked for. */
function countingRunner(): AnalysisRunner {
  const runner = createInProcessRunner();
  return {
    ...runner,
    analyseDocument: (...args) => {
      calls.whole++;
      return runner.analyseDocument(...args);
    },
    analyseText: (...args) => {
      calls.texts++;
      return runner.analyseText(...args);
    },
  };
}

beforeEach(async () => {
  database = await createTestDatabase(TEST_DATABASE_URL ? 'postgres' : 'sqlite');
  storage = await database.open();
  calls = { whole: 0, texts: 0 };
  analyzer = createAnalyzer({ storage, runner: countingRunner(), fingerprint: 'checks-1' });
});
afterEach(async () => {
  await analyzer.settle();
  await database.remove();
});

const ARTICLE = 'The first sentence is fine.\n\nThe second sentence is fine too. The third one is also fine.';
const checkIds = (flags: readonly { checkId: string }[]) => flags.map((flag) => flag.checkId);

async function importArticle(text = ARTICLE): Promise<{ documentId: number; ids: number[] }> {
  const { document } = await importDocument(storage, analyzer, { text, author: 'importer' });
  const segments = await storage.segments.listByDocument(document.id);
  return { documentId: document.id, ids: segments.map((segment) => segment.id) };
}

describe('stored flags', () => {
  it('are computed once at import: the first view and every later one read them', async () => {
    const { documentId } = await importArticle('The goverment spoke.\n\nThe tenant of the White House listened.');
    expect(calls).toEqual({ whole: 1, texts: 0 });
    const first = await readDocumentPage(storage, analyzer, documentId, {});
    const second = await readDocumentPage(storage, analyzer, documentId, { flagged: true });
    expect(first.segments.map((segment) => checkIds(segment.flags))).toEqual([['spelling'], ['false-friends']]);
    expect(second.segments).toEqual(first.segments);
    expect(first.state.counts).toMatchObject({ total: 2, toReview: 2, openFlags: 2, flagged: 2 });
    expect(calls).toEqual({ whole: 1, texts: 0 });
  });

  it('are stored with each save, and the sentences a save changes through the document are analysed again', async () => {
    const { documentId, ids } = await importArticle('On Monday, the president met Olaf Scholz.\n\nThen he flew home.\n\nTalks with Emmanuel macron ended late.');
    expect((await readAnalyzedSegment(storage, analyzer, ids[2]!)).flags).toEqual([]);
    // Once another sentence names Emmanuel Macron, the last one's casing is wrong: found without a save of it.
    await correctSegment(storage, analyzer, { segmentId: ids[0]!, text: 'On Monday, President Emmanuel Macron met Olaf Scholz.', baseRevision: 0, author: 'ed' });
    await analyzer.settle();
    const last = await readAnalyzedSegment(storage, analyzer, ids[2]!);
    expect(checkIds(last.flags)).toEqual(['name-consistency']);
    expect(last.revision).toBe(0);
    // One text analysed for the save, and not one whole document more.
    expect(calls).toEqual({ whole: 1, texts: 1 });
    expect((await storage.analyses.getState(documentId))!.counts).toMatchObject({ openFlags: 1, flagged: 1, toReview: 2, edited: 1 });
  });

  it('take in the saves another server made before finding what a save changes', async () => {
    const others = Array.from({ length: 17 }, (_, day) => `Nothing happened on day ${day + 1}.`);
    const { ids } = await importArticle([...others, 'Then Donald trump left.'].join('\n\n'));
    const otherStorage = await database.open();
    const otherServer = createTestAnalyzer(otherStorage);
    for (const [day, segmentId] of ids.slice(0, 17).entries()) {
      await correctSegment(otherStorage, otherServer, { segmentId, text: `On day ${day + 1}, Donald Trump spoke.`, baseRevision: 0, author: 'other' });
    }
    await otherServer.settle();
    // This server's engine never heard of those: its save finds the sums apart and syncs first.
    await correctSegment(storage, analyzer, { segmentId: ids[17]!, text: 'Then Donald trump left at noon.', baseRevision: 0, author: 'ed' });
    await analyzer.settle();
    expect(checkIds((await readAnalyzedSegment(storage, analyzer, ids[17]!)).flags)).toEqual(['name-consistency']);
    expect(calls.whole).toBe(1);
  });

  it('go stale with the checks\' fingerprint, a source attached or an invalidation, and are analysed whole again once', async () => {
    const { documentId } = await importArticle();
    const upgraded = createAnalyzer({ storage, runner: countingRunner(), fingerprint: 'checks-2' });
    await Promise.all([upgraded.ensureCurrent(documentId), upgraded.ensureCurrent(documentId), readDocumentPage(storage, upgraded, documentId, {})]);
    expect(calls.whole).toBe(2);
    await invalidateAnalysis(storage, documentId, 'newsroom rule added');
    expect(await storage.analyses.getState(documentId)).toMatchObject({ staleReason: 'newsroom rule added', analysedVersion: 1, version: 2 });
    await upgraded.ensureCurrent(documentId);
    expect(calls.whole).toBe(3);
    expect(await storage.analyses.getState(documentId)).toMatchObject({ staleReason: null, analysedVersion: 2, version: 2, analysedWith: 'checks-2' });
  });
});

describe('the revision sum of a document', () => {
  it('is the sum of its sentences\' revisions, raised in the transaction of each save', async () => {
    const { documentId, ids } = await importArticle();
    expect((await storage.documents.get(documentId))?.revisionSum).toBe(0);
    await correctSegment(storage, analyzer, { segmentId: ids[1]!, text: 'Edited once.', baseRevision: 0, author: 'ed' });
    await correctSegment(storage, analyzer, { segmentId: ids[1]!, text: 'Edited twice.', baseRevision: 1, author: 'ed' });
    await correctSegment(storage, analyzer, { segmentId: ids[2]!, text: 'Edited elsewhere.', baseRevision: 0, author: 'ed' });
    // A conflict writes nothing, so it raises nothing.
    await expect(correctSegment(storage, analyzer, { segmentId: ids[2]!, text: 'Stale.', baseRevision: 0, author: 'ed' })).rejects.toMatchObject({ code: 'conflict' });
    const segments = await storage.segments.listByDocument(documentId);
    expect((await storage.documents.get(documentId))?.revisionSum).toBe(segments.reduce((sum, segment) => sum + segment.revision, 0));
    expect((await storage.documents.get(documentId))?.revisionSum).toBe(3);
  });
});

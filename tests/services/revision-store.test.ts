import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL } from '../../src/history/rebuild.js';
import { correctSegment } from '../../src/services/correct-segment.js';
import { ServiceError } from '../../src/services/errors.js';
import { importDocument } from '../../src/services/import-document.js';
import { revertSegment } from '../../src/services/revert-segment.js';
import { createHistoryCache, getSegmentHistory, getSegmentVersion, type HistoryCache } from '../../src/services/segment-history.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAnalyzer, createTempDatabase } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';
import { recordEdit } from '../support/changes.js';

let storage: Storage;
let analyzer: Analyzer;
let removeDatabase: () => void;
let databaseFile: string;
let histories: HistoryCache;

beforeEach(() => {
  const database = createTempDatabase();
  databaseFile = database.file;
  storage = createSqliteStorage(database.file);
  analyzer = createTestAnalyzer(storage);
  histories = createHistoryCache();
  removeDatabase = database.remove;
});
afterEach(async () => {
  await storage.close();
  removeDatabase();
});

/** Import a one-paragraph article and return the id of its first sentence. */
async function importSentence(text: string): Promise<number> {
  const { document } = await importDocument(storage, analyzer, { text, author: 'importer' });
  const [segment] = await storage.segments.listByDocument(document.id);
  return segment!.id;
}

async function save(segmentId: number, text: string, author = 'ana', comment?: string) {
  const segment = (await storage.segments.get(segmentId))!;
  return correctSegment(storage, analyzer, { segmentId, text, baseRevision: segment.revision, author, comment });
}

describe('revision store', () => {
  it('reads a history between saves as a fresh replay of every patch would', async () => {
    const segmentId = await importSentence('The tenant of the White House has invested in the file.');
    const texts = ['The occupant of the White House has invested in the file.', 'The occupant of the White House has taken an interest.',
      'The tenant of the White House has taken an interest.', '', 'The president has taken an interest in the matter.'];
    for (const [index, text] of texts.entries()) {
      await getSegmentHistory(storage, histories, segmentId);
      if (text === '') await revertSegment(storage, analyzer, { segmentId, revision: 1, baseRevision: index, author: 'ed' });
      else await correctSegment(storage, analyzer, { segmentId, text, baseRevision: index, author: `editor ${index}` });
    }
    const incremental = await getSegmentHistory(storage, histories, segmentId);
    // Another storage on the same file has never read this history: it replays every patch.
    const fresh = createSqliteStorage(databaseFile);
    try {
      const replayed = await getSegmentHistory(fresh, createHistoryCache(), segmentId);
      expect(incremental.revisions).toEqual(replayed.revisions);
      expect(incremental.blame).toEqual(replayed.blame);
      expect(incremental.revisions.map((revision) => revision.text)).toEqual([
        'The tenant of the White House has invested in the file.', ...texts.slice(0, 3), texts[0], texts[4],
      ]);
      expect(incremental.blame.slice(0, 2)).toEqual([{ text: 'The ', revision: 0 }, { text: 'president ', revision: 5 }]);
    } finally {
      await fresh.close();
    }
  });

  it('rebuilds every saved version of random edit sequences exactly', async () => {
    const word = fc.constantFrom('the', 'tenant', 'occupant', 'White', 'House', '«', '»', 'é', '😀', 'a\u0301', ',', '.', '3.5', '\u202e');
    // A sentence of nothing but bidi overrides is refused by the input rules (only invisible characters).
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' ')).filter((text) => text.replace(/[\s\u202e]/g, '') !== '');
    await fc.assert(fc.asyncProperty(fc.array(sentence, { minLength: 1, maxLength: 70 }), async (edits) => {
      const segmentId = await importSentence('Original machine translation here');
      const saved = ['Original machine translation here'];
      for (const text of edits) {
        const result = await save(segmentId, text);
        if (result.revision) saved.push(result.segment.text);
      }
      for (let number = 0; number < saved.length; number++) {
        expect(await getSegmentVersion(storage, segmentId, number)).toBe(saved[number]);
      }
      const history = await getSegmentHistory(storage, histories, segmentId);
      expect(history.revisions.map((revision) => revision.text)).toEqual(saved);
      expect(history.segment.text).toBe(saved.at(-1));
    }), { numRuns: 25 });
  });

  it('stores a full-text checkpoint every CHECKPOINT_INTERVAL revisions, and patches in between', async () => {
    const segmentId = await importSentence('Version zero');
    for (let i = 1; i <= CHECKPOINT_INTERVAL * 2 + 3; i++) await save(segmentId, `Version ${i}`);
    const revisions = await storage.revisions.listBySegment(segmentId);
    expect(revisions.filter((revision) => revision.checkpoint !== null).map((revision) => revision.number))
      .toEqual([0, CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL * 2]);
    expect(revisions[7]!.patch).toEqual([['=', 8], ['-', '6'], ['+', '7']]);
    expect(await getSegmentVersion(storage, segmentId, CHECKPOINT_INTERVAL * 2 + 1)).toBe(`Version ${CHECKPOINT_INTERVAL * 2 + 1}`);
  });

  it('reverts by appending a new revision, never rewriting history', async () => {
    const segmentId = await importSentence('The tenant of the White House.');
    await save(segmentId, 'The occupant of the White House.', 'ana', 'false friend');
    await save(segmentId, 'The president.', 'ben');
    const result = await revertSegment(storage, analyzer, { segmentId, revision: 1, baseRevision: 2, author: 'cleo' });
    expect(result.segment).toMatchObject({ text: 'The occupant of the White House.', revision: 3, status: 'edited' });
    const history = await getSegmentHistory(storage, histories, segmentId);
    expect(history.revisions.map(({ number, kind, author, revertedTo, text }) => ({ number, kind, author, revertedTo, text }))).toEqual([
      { number: 0, kind: 'import', author: 'importer', revertedTo: null, text: 'The tenant of the White House.' },
      { number: 1, kind: 'edit', author: 'ana', revertedTo: null, text: 'The occupant of the White House.' },
      { number: 2, kind: 'edit', author: 'ben', revertedTo: null, text: 'The president.' },
      { number: 3, kind: 'revert', author: 'cleo', revertedTo: 1, text: 'The occupant of the White House.' },
    ]);
    const toOriginal = await revertSegment(storage, analyzer, { segmentId, revision: 0, baseRevision: 3, author: 'cleo' });
    expect(toOriginal.segment).toMatchObject({ text: 'The tenant of the White House.', revision: 4, status: 'to-review' });
  });

  it('refuses a save from a stale base and keeps the winning text', async () => {
    const segmentId = await importSentence('Decrees against complaint');
    await correctSegment(storage, analyzer, { segmentId, text: 'Executive orders challenged', baseRevision: 0, author: 'ana' });
    const stale = correctSegment(storage, analyzer, { segmentId, text: 'Orders contested', baseRevision: 0, author: 'ben' });
    await expect(stale).rejects.toMatchObject({
      code: 'conflict',
      details: { current: { text: 'Executive orders challenged', revision: 1 } },
    });
    expect((await storage.revisions.listBySegment(segmentId)).length).toBe(2);
  });

  it('writes nothing when the append fails half-way', async () => {
    const segmentId = await importSentence('A sentence.');
    // A status the schema rejects makes the segment update fail after the action was inserted.
    const append = recordEdit(storage, { id: segmentId, revision: 0, text: 'A sentence.' }, 'B sentence.', {
      patch: [['-', 'A'], ['+', 'B'], ['=', 10]], status: 'bogus' as never,
    });
    await expect(append).rejects.toThrow(/CHECK constraint/);
    expect(await storage.revisions.listBySegment(segmentId)).toHaveLength(1);
    expect(await storage.segments.get(segmentId)).toMatchObject({ text: 'A sentence.', revision: 0 });
  });

  it('rejects bad input with errors a person understands', async () => {
    const segmentId = await importSentence('A sentence.');
    const attempts = [
      { text: 42, baseRevision: 0, author: 'ana' },
      { text: 'x', baseRevision: -1, author: 'ana' },
      { text: 'x', baseRevision: 0, author: '  ' },
      { text: 'x'.repeat(100_001), baseRevision: 0, author: 'ana' },
    ];
    for (const attempt of attempts) {
      await expect(correctSegment(storage, analyzer, { segmentId, ...attempt })).rejects.toBeInstanceOf(ServiceError);
    }
    await expect(correctSegment(storage, analyzer, { segmentId: 999_999, text: 'x', baseRevision: 0, author: 'ana' }))
      .rejects.toMatchObject({ code: 'not-found' });
    expect(await storage.revisions.listBySegment(segmentId)).toHaveLength(1);
  });
});

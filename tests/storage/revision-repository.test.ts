import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { importDocument } from '../../src/services/import-document.js';
import { revertSegment } from '../../src/services/revert-segment.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestStorage } from '../support/test-server.js';

let storage: Storage;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ storage, remove } = await createTestStorage());
});
afterEach(async () => {
  await remove();
});

describe('revision repository', () => {
  it('answers an append with the sentence and the revision exactly as a fresh read gives them', async () => {
    const { document } = await importDocument(storage, { text: 'The tenant of the White House has invested in the file.', author: 'importer' });
    const [segment] = await storage.segments.listByDocument(document.id);
    const saved = await correctSegment(storage, {
      segmentId: segment!.id, text: 'The occupant of the White House has taken an interest.', baseRevision: 0, author: 'ana', comment: 'false friends',
    });
    expect(saved.segment).toEqual(await storage.segments.get(segment!.id));
    const reverted = await revertSegment(storage, { segmentId: segment!.id, revision: 0, baseRevision: 1, author: 'ben' });
    expect(reverted.segment).toEqual(await storage.segments.get(segment!.id));
    const history = await storage.revisions.listBySegment(segment!.id);
    expect(history.slice(1)).toEqual([saved.revision, reverted.revision]);
  });

  it('keeps a status the append was told to keep, as the row stands when it commits', async () => {
    const { document } = await importDocument(storage, { text: 'Photo: AFP. The tenant of the White House spoke.', author: 'importer' });
    const [segment] = await storage.segments.listByDocument(document.id);
    // Someone excludes the sentence after the save read it, before the save commits.
    await storage.events.changeStatus({ segmentId: segment!.id, expectedRevision: 0, status: 'excluded', author: 'ben' });
    const appended = await storage.revisions.append({
      segmentId: segment!.id, expectedRevision: 0, kind: 'edit', text: 'Photo: AFP/Getty.', patch: [['=', 11], ['+', '/Getty'], ['=', 1]],
      checkpoint: null, revertedTo: null, status: 'edited', keepStatuses: ['excluded'], author: 'ana', comment: null,
    });
    expect(appended).toMatchObject({ ok: true, segment: { text: 'Photo: AFP/Getty.', status: 'excluded', revision: 1 } });
    expect(await storage.segments.get(segment!.id)).toMatchObject({ status: 'excluded', revision: 1 });
  });
});

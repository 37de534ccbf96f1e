import type { SegmentStatus } from '../model.js';
import { prepareQuery, type Engine } from './engine.js';
import { EVENT } from './schema.js';
import { createSegmentQueue } from './segment-queue.js';
import { toSegmentRecord } from './segment-repository.js';
import type { SegmentEventRepository } from './types.js';

/** Status changes and comments; like revisions, events are only ever added. */
export function createSegmentEventRepository(engine: Engine): SegmentEventRepository {
  const { db } = engine;
  const queue = createSegmentQueue(engine);
  const insert = prepareQuery((p: { segmentId: number; kind: 'status' | 'comment'; status: SegmentStatus | null; body: string | null;
    author: string; now: string; }) => db.insertInto('segment_events').values({
    segment_id: p.segmentId, kind: p.kind, status: p.status, body: p.body, author: p.author, created_at: p.now,
  }).returning(EVENT));
  const selectBySegment = prepareQuery((p: { segmentId: number }) =>
    db.selectFrom('segment_events').select(EVENT).where('segment_id', '=', p.segmentId).orderBy('id'));
  const selectByDocument = prepareQuery((p: { documentId: number }) => db.selectFrom('segment_events')
    .innerJoin('segments', 'segments.id', 'segment_events.segment_id').select(EVENT)
    .where('segments.document_id', '=', p.documentId).orderBy('segment_events.id'));

  return {
    changeStatus({ segmentId, expectedRevision, status, author }) {
      const now = new Date().toISOString();
      return engine.transaction(async (tx) => {
        // Approving what someone else changed since you read it would approve text you never saw:
        // the status changes only while the sentence is still at the revision the editor saw.
        const [before] = await queue.lock(tx, [segmentId]);
        if (!before) return { ok: false, reason: 'not-found' };
        if (before.revision !== expectedRevision) return { ok: false, reason: 'conflict', current: toSegmentRecord(before) };
        const [segment] = await queue.write(tx, [{ before, status, updatedAt: now }]);
        const event = await tx.first(insert, { segmentId, kind: 'status', status, body: null, author, now });
        return { ok: true, segment: toSegmentRecord(segment!), event: event! };
      });
    },
    addComment: async ({ segmentId, body, author }) =>
      (await engine.first(insert, { segmentId, kind: 'comment', status: null, body, author, now: new Date().toISOString() }))!,
    listBySegment: (segmentId) => engine.all(selectBySegment, { segmentId }),
    listByDocument: (documentId) => engine.all(selectByDocument, { documentId }),
  };
}

import { serializeTextPatch } from '../history/text-patch.js';
import type { SegmentStatus } from '../model.js';
import { compareBytewise, compileQuery, prepareQuery, type Engine, type Executor } from './engine.js';
import { REVISION, SEGMENT, toRevision } from './schema.js';
import { prepareSegmentById, refuseUpdate } from './segment-repository.js';
import type { AppendResult, NewRevision, RevisionRepository } from './types.js';

type AppendSlots = Omit<NewRevision, 'keepStatuses' | 'patch'> & {
  patch: string; number: number; now: string; documentId: number;
  keep0: SegmentStatus | null; keep1: SegmentStatus | null; keep2: SegmentStatus | null; keep3: SegmentStatus | null;
};

/**
 * Revisions. History is append-only: nothing here updates or deletes a revision. Appends made
 * together may share one commit (SQLite's group commit).
 */
export function createRevisionRepository(engine: Engine): RevisionRepository {
  const { db } = engine;
  // The conditional UPDATE is the compare: on PostgreSQL it takes the segment's row lock, and a
  // concurrent save from the same base (on this server or another) waits for it, then finds the
  // revision moved on and updates nothing. A status in `keep` (four slots, one per status, the
  // empty ones NULL) stays as the row has it when the save commits.
  const updateSegment = prepareQuery((p: AppendSlots) => db.updateTable('segments').set((eb) => ({
    text: p.text,
    status: eb.case().when('status', 'in', [p.keep0, p.keep1, p.keep2, p.keep3]).then(eb.ref('status')).else(p.status).end(),
    revision: p.number,
    updated_at: p.now,
  })).where('id', '=', p.segmentId).where('revision', '=', p.expectedRevision).returning(SEGMENT));
  const selectSegment = prepareSegmentById(db);
  const insertRevision = prepareQuery((p: AppendSlots) => db.insertInto('revisions').values({
    segment_id: p.segmentId, number: p.number, kind: p.kind, patch: p.patch, checkpoint: p.checkpoint, reverted_to: p.revertedTo,
    author: p.author, comment: p.comment, created_at: p.now,
  }).returning(REVISION));
  const touchDocument = prepareQuery((p: AppendSlots) => db.updateTable('documents')
    .set((eb) => ({ updated_at: p.now, revision_sum: eb('revision_sum', '+', 1) })).where('id', '=', p.documentId));
  const selectBySegment = prepareQuery((p: { segmentId: number }) =>
    db.selectFrom('revisions').select(REVISION).where('segment_id', '=', p.segmentId).orderBy('number'));
  const selectRange = prepareQuery((p: { segmentId: number; from: number; to: number }) => db.selectFrom('revisions').select(REVISION)
    .where('segment_id', '=', p.segmentId).where('number', '>=', p.from).where('number', '<=', p.to).orderBy('number'));
  const ofDocument = () => db.selectFrom('revisions').innerJoin('segments', 'segments.id', 'revisions.segment_id');
  const selectByDocument = prepareQuery((p: { documentId: number }) => ofDocument().select(REVISION)
    .where('segments.document_id', '=', p.documentId).orderBy('segments.position').orderBy('revisions.number'));
  const selectAuthors = prepareQuery((p: { documentId: number }) =>
    ofDocument().select('revisions.author').distinct().where('segments.document_id', '=', p.documentId));

  /** Compare-and-append in one transaction: no read-then-write race on either engine. */
  async function appendRevision(tx: Executor, revision: NewRevision, now: string): Promise<AppendResult> {
    const [keep0 = null, keep1 = null, keep2 = null, keep3 = null] = new Set(revision.keepStatuses);
    const number = revision.expectedRevision + 1;
    const slots = { ...revision, patch: serializeTextPatch(revision.patch), number, now, documentId: 0, keep0, keep1, keep2, keep3 };
    const segment = await tx.first(updateSegment, slots);
    if (!segment) return refuseUpdate(tx, selectSegment, revision.segmentId);
    const stored = await tx.first(insertRevision, slots);
    await tx.run(touchDocument, { ...slots, documentId: segment.documentId });
    return { ok: true, segment, revision: toRevision(stored!) };
  }

  return {
    append(revision) {
      const now = new Date().toISOString();
      return engine.transaction((tx) => appendRevision(tx, revision, now), { grouped: true });
    },
    listBySegment: async (segmentId) => (await engine.all(selectBySegment, { segmentId })).map(toRevision),
    listRange: async (segmentId, from, to) => (await engine.all(selectRange, { segmentId, from, to })).map(toRevision),
    listByDocument: async (documentId) => (await engine.all(selectByDocument, { documentId })).map(toRevision),
    async listTimeline(documentId, { author, limit, beforeId }) {
      const query = ofDocument().select(REVISION).where('segments.document_id', '=', documentId)
        .$if(author !== undefined, (q) => q.where('revisions.author', '=', author!))
        .$if(beforeId !== undefined, (q) => q.where('revisions.id', '<', beforeId!))
        .orderBy('revisions.id', 'desc').limit(limit);
      return (await engine.all(compileQuery(query))).map(toRevision);
    },
    async listAuthors(documentId) {
      return (await engine.all(selectAuthors, { documentId })).map((row) => row.author).sort(compareBytewise);
    },
  };
}

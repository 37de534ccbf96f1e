import { serializeTextPatch } from '../history/text-patch.js';
import { compareBytewise, compileQuery, prepareQuery, type Engine, type Executor } from './engine.js';
import { REVISION, toRevision } from './schema.js';
import { createSegmentQueue } from './segment-queue.js';
import { toSegmentRecord } from './segment-repository.js';
import type { AppendResult, NewRevision, RevisionRepository } from './types.js';

type AppendSlots = Omit<NewRevision, 'keepStatuses' | 'patch' | 'flags'> & { patch: string; number: number; now: string };

/**
 * Revisions. History is append-only: nothing here updates or deletes a revision. Appends made
 * together may share one commit (SQLite's group commit).
 */
export function createRevisionRepository(engine: Engine): RevisionRepository {
  const { db } = engine;
  const queue = createSegmentQueue(engine);
  const insertRevision = prepareQuery((p: AppendSlots) => db.insertInto('revisions').values({
    segment_id: p.segmentId, number: p.number, kind: p.kind, patch: p.patch, checkpoint: p.checkpoint, reverted_to: p.revertedTo,
    author: p.author, comment: p.comment, created_at: p.now,
  }).returning(REVISION));
  const selectBySegment = prepareQuery((p: { segmentId: number }) =>
    db.selectFrom('revisions').select(REVISION).where('segment_id', '=', p.segmentId).orderBy('number'));
  const selectRange = prepareQuery((p: { segmentId: number; from: number; to: number }) => db.selectFrom('revisions').select(REVISION)
    .where('segment_id', '=', p.segmentId).where('number', '>=', p.from).where('number', '<=', p.to).orderBy('number'));
  const ofDocument = () => db.selectFrom('revisions').innerJoin('segments', 'segments.id', 'revisions.segment_id');
  const selectByDocument = prepareQuery((p: { documentId: number }) => ofDocument().select(REVISION)
    .where('segments.document_id', '=', p.documentId).orderBy('segments.position').orderBy('revisions.number'));
  const selectAuthors = prepareQuery((p: { documentId: number }) =>
    ofDocument().select('revisions.author').distinct().where('segments.document_id', '=', p.documentId));

  /**
   * Compare-and-append in one transaction: the segment's row is locked first (PostgreSQL; SQLite's
   * write transactions exclude each other), so a concurrent save from the same base, on this
   * server or another, waits, then finds the revision moved on. A status in `keepStatuses` stays
   * as the row has it when the save commits.
   */
  async function appendRevision(tx: Executor, revision: NewRevision, now: string): Promise<AppendResult> {
    const [before] = await queue.lock(tx, [revision.segmentId]);
    if (!before) return { ok: false, reason: 'not-found' };
    if (before.revision !== revision.expectedRevision) return { ok: false, reason: 'conflict', current: toSegmentRecord(before) };
    const number = revision.expectedRevision + 1;
    const status = revision.keepStatuses?.includes(before.status) ? before.status : revision.status;
    const [segment] = await queue.write(tx, [{
      before, text: revision.text, status, revision: number, updatedAt: now, ...(revision.flags && { flags: revision.flags }),
    }], { revisionSum: 1, updatedAt: now });
    const stored = await tx.first(insertRevision, { ...revision, patch: serializeTextPatch(revision.patch), number, now });
    return { ok: true, segment: toSegmentRecord(segment!), revision: toRevision(stored!) };
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

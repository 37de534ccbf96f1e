import { compileQuery, prepareQuery, type Engine } from './engine.js';
import { REVISION, toRevision } from './schema.js';
import type { RevisionRepository } from './types.js';

/** Revisions, read side: they are only ever added, by actions (action-repository.ts) and imports. */
export function createRevisionRepository(engine: Engine): RevisionRepository {
  const { db } = engine;
  const selectBySegment = prepareQuery((p: { segmentId: number }) =>
    db.selectFrom('revisions').select(REVISION).where('segment_id', '=', p.segmentId).orderBy('number'));
  const selectRange = prepareQuery((p: { segmentId: number; from: number; to: number }) => db.selectFrom('revisions').select(REVISION)
    .where('segment_id', '=', p.segmentId).where('number', '>=', p.from).where('number', '<=', p.to).orderBy('number'));
  const selectByDocument = prepareQuery((p: { documentId: number }) => db.selectFrom('revisions')
    .innerJoin('segments', 'segments.id', 'revisions.segment_id').select(REVISION)
    .where('segments.document_id', '=', p.documentId).orderBy('segments.position').orderBy('revisions.number'));

  return {
    listBySegment: async (segmentId) => (await engine.all(selectBySegment, { segmentId })).map(toRevision),
    listRange: async (segmentId, from, to) => (await engine.all(selectRange, { segmentId, from, to })).map(toRevision),
    listByDocument: async (documentId) => (await engine.all(selectByDocument, { documentId })).map(toRevision),
    async listBySegments(segmentIds) {
      if (segmentIds.length === 0) return [];
      const query = db.selectFrom('revisions').select(REVISION).where('segment_id', 'in', [...segmentIds]).orderBy('segment_id').orderBy('number');
      return (await engine.all(compileQuery(query))).map(toRevision);
    },
  };
}

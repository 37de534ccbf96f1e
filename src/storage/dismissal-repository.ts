import { compileQuery, prepareQuery, type Engine } from './engine.js';
import { DISMISSAL } from './schema.js';
import type { DismissalRepository } from './types.js';

/** The dismissals in force; actions add and withdraw them (action-repository.ts). */
export function createDismissalRepository(engine: Engine): DismissalRepository {
  const { db } = engine;
  const selectOne = prepareQuery((p: { id: number }) => db.selectFrom('flag_dismissals').select(DISMISSAL).where('id', '=', p.id));
  const selectBySegment = prepareQuery((p: { segmentId: number }) =>
    db.selectFrom('flag_dismissals').select(DISMISSAL).where('segment_id', '=', p.segmentId).orderBy('id'));
  const selectByDocument = prepareQuery((p: { documentId: number }) => db.selectFrom('flag_dismissals')
    .innerJoin('segments', 'segments.id', 'flag_dismissals.segment_id').select(DISMISSAL)
    .where('segments.document_id', '=', p.documentId).orderBy('flag_dismissals.id'));

  return {
    get: (id) => engine.first(selectOne, { id }),
    listBySegment: (segmentId) => engine.all(selectBySegment, { segmentId }),
    async listBySegments(segmentIds) {
      if (segmentIds.length === 0) return [];
      return engine.all(compileQuery(db.selectFrom('flag_dismissals').select(DISMISSAL).where('segment_id', 'in', [...segmentIds]).orderBy('id')));
    },
    listByDocument: (documentId) => engine.all(selectByDocument, { documentId }),
  };
}

import { prepareQuery, type Engine } from './engine.js';
import { SEGMENT } from './schema.js';
import type { SegmentRepository } from './types.js';

/** Segments (read side; segments change only through RevisionRepository.append and status changes). */
export function createSegmentRepository(engine: Engine): SegmentRepository {
  const { db } = engine;
  const selectOne = prepareQuery((p: { id: number }) => db.selectFrom('segments').select(SEGMENT).where('id', '=', p.id));
  const selectByDocument = prepareQuery((p: { documentId: number }) =>
    db.selectFrom('segments').select(SEGMENT).where('document_id', '=', p.documentId).orderBy('position'));
  return {
    get: (id) => engine.first(selectOne, { id }),
    listByDocument: (documentId) => engine.all(selectByDocument, { documentId }),
  };
}

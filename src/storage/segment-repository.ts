import type { AnalysedSegmentRecord, SegmentRecord } from '../model.js';
import { prepareQuery, readInPages, ROWS_PER_READ, type Engine } from './engine.js';
import { SEGMENT } from './schema.js';
import type { SegmentRepository } from './types.js';

/** Segments (read side: they change only through the segment queue, from actions, imports and analyses). */
export function createSegmentRepository(engine: Engine): SegmentRepository {
  const selectOne = prepareQuery((p: { id: number }) => engine.db.selectFrom('segments').select(SEGMENT).where('id', '=', p.id));
  const selectPageByDocument = prepareQuery((p: { documentId: number; after: number }) => engine.db.selectFrom('segments').select(SEGMENT)
    .where('document_id', '=', p.documentId).where('position', '>', p.after).orderBy('position').limit(ROWS_PER_READ));
  return {
    get: (id) => engine.first(selectOne, { id }),
    listByDocument: (documentId) => readInPages((after) => engine.all(selectPageByDocument, { documentId, after }), (row) => row.position),
  };
}

/** The sentence alone, without its review state. */
export function toSegmentRecord({ id, documentId, position, paragraph, start, end, role, original, text, status, revision, updatedAt }: AnalysedSegmentRecord): SegmentRecord {
  return { id, documentId, position, paragraph, start, end, role, original, text, status, revision, updatedAt };
}

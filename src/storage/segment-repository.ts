import type { Kysely } from 'kysely';
import { prepareQuery, type Engine, type Executor } from './engine.js';
import { SEGMENT, type Schema } from './schema.js';
import type { AppendResult, SegmentRepository } from './types.js';

/** Segments (read side; segments change only through RevisionRepository.append and status changes). */
export function createSegmentRepository(engine: Engine): SegmentRepository {
  const selectOne = prepareSegmentById(engine.db);
  const selectByDocument = prepareQuery((p: { documentId: number }) =>
    engine.db.selectFrom('segments').select(SEGMENT).where('document_id', '=', p.documentId).orderBy('position'));
  return {
    get: (id) => engine.first(selectOne, { id }),
    listByDocument: (documentId) => engine.all(selectByDocument, { documentId }),
  };
}

export function prepareSegmentById(db: Kysely<Schema>) {
  return prepareQuery((p: { id: number }) => db.selectFrom('segments').select(SEGMENT).where('id', '=', p.id));
}

/**
 * Why a conditional update of segment `id` (at the revision the editor saw) changed nothing, read
 * in the same transaction: the segment moved on, and the answer carries it as it is now, or it does not exist.
 */
export async function refuseUpdate(
  tx: Executor, selectOne: ReturnType<typeof prepareSegmentById>, id: number,
): Promise<Exclude<AppendResult, { ok: true }>> {
  const current = await tx.first(selectOne, { id });
  return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
}

import { prepareQuery, type Engine } from './engine.js';
import { DISMISSAL } from './schema.js';
import type { DismissalRepository } from './types.js';

/** Dismissed flags. */
export function createDismissalRepository(engine: Engine): DismissalRepository {
  const { db } = engine;
  const insert = prepareQuery((p: { segmentId: number; checkId: string; spanText: string; author: string; now: string }) =>
    db.insertInto('flag_dismissals')
      .values({ segment_id: p.segmentId, check_id: p.checkId, span_text: p.spanText, author: p.author, created_at: p.now })
      .onConflict((conflict) => conflict.columns(['segment_id', 'check_id', 'span_text']).doNothing()));
  const selectOne = prepareQuery((p: { segmentId: number; checkId: string; spanText: string }) => db.selectFrom('flag_dismissals')
    .select(DISMISSAL).where('segment_id', '=', p.segmentId).where('check_id', '=', p.checkId).where('span_text', '=', p.spanText));
  const selectBySegment = prepareQuery((p: { segmentId: number }) =>
    db.selectFrom('flag_dismissals').select(DISMISSAL).where('segment_id', '=', p.segmentId).orderBy('id'));
  const selectByDocument = prepareQuery((p: { documentId: number }) => db.selectFrom('flag_dismissals')
    .innerJoin('segments', 'segments.id', 'flag_dismissals.segment_id').select(DISMISSAL)
    .where('segments.document_id', '=', p.documentId).orderBy('flag_dismissals.id'));

  return {
    async add(dismissal) {
      // Dismissing the same flag twice keeps the first record: the insert does nothing, the select finds it.
      await engine.run(insert, { ...dismissal, now: new Date().toISOString() });
      return (await engine.first(selectOne, dismissal))!;
    },
    listBySegment: (segmentId) => engine.all(selectBySegment, { segmentId }),
    listByDocument: (documentId) => engine.all(selectByDocument, { documentId }),
  };
}

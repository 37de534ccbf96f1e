import { compileQuery, prepareQuery, type Engine } from './engine.js';
import { DISMISSAL } from './schema.js';
import { createSegmentQueue } from './segment-queue.js';
import type { DismissalRepository } from './types.js';

/** Dismissed flags; a dismissal closes its flag, so the sentence's review state is written with it. */
export function createDismissalRepository(engine: Engine): DismissalRepository {
  const { db } = engine;
  const queue = createSegmentQueue(engine);
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
    add(dismissal) {
      return engine.transaction(async (tx) => {
        // The sentence first: its lock orders this against a save or another dismissal of it.
        const [before] = await queue.lock(tx, [dismissal.segmentId]);
        // Dismissing the same flag twice keeps the first record: the insert does nothing, the select finds it.
        await tx.run(insert, { ...dismissal, now: new Date().toISOString() });
        if (before) await queue.write(tx, [{ before }]);
        return (await tx.first(selectOne, dismissal))!;
      });
    },
    listBySegment: (segmentId) => engine.all(selectBySegment, { segmentId }),
    async listBySegments(segmentIds) {
      if (segmentIds.length === 0) return [];
      return engine.all(compileQuery(db.selectFrom('flag_dismissals').select(DISMISSAL).where('segment_id', 'in', [...segmentIds]).orderBy('id')));
    },
    listByDocument: (documentId) => engine.all(selectByDocument, { documentId }),
  };
}

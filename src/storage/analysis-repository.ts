import { sql, type Compilable, type ExpressionBuilder } from 'kysely';
import { chunksOf, prepareQuery, readInPages, ROWS_PER_READ, yieldToEventLoop, type Engine, type Query } from './engine.js';
import { COUNTS, type Schema } from './schema.js';
import { createSegmentQueue, selectAnalysedSegments, toAnalysedSegment } from './segment-queue.js';
import type { SegmentStatus } from '../model.js';
import type { AnalysisRepository, SegmentQuery } from './types.js';

/**
 * The flags stored with each sentence, and the queries a page makes of them: one page of the
 * sentences a filter keeps, how many it keeps, the nearest one before or after a page. Filters on
 * open flags go through the `open_flags` rows and the partial indexes on segments (migration 8),
 * so a page of a 5,000-sentence article reads its hundred sentences, not five thousand.
 */
export function createAnalysisRepository(engine: Engine): AnalysisRepository {
  const { db } = engine;
  const queue = createSegmentQueue(engine);
  // A page's filters come in a few shapes (which fields are set), each built and prepared once:
  // building and compiling them with Kysely on every call cost a page about a tenth of its time.
  const shapes = new Map<string, Query<unknown, never>>();
  const shaped = <Row, Params extends object>(key: string, build: (params: Params) => Compilable<Row>): Query<Row, Params> => {
    let query = shapes.get(key) as Query<Row, Params> | undefined;
    if (!query) shapes.set(key, (query = prepareQuery(build)) as Query<unknown, never>);
    return query;
  };
  const selectState = prepareQuery((p: { id: number }) => db.selectFrom('documents').select([
    ...COUNTS, 'analysed_with as analysedWith', 'analysis_version as version', 'analysed_version as analysedVersion', 'stale_reason as staleReason',
  ]).where('id', '=', p.id));
  const markComplete = prepareQuery((p: { id: number; version: number; fingerprint: string }) => db.updateTable('documents')
    .set({ analysed_version: p.version, analysed_with: p.fingerprint, stale_reason: null })
    .where('id', '=', p.id).where('analysis_version', '=', p.version));
  const markOneStale = prepareQuery((p: { id: number; reason: string }) => db.updateTable('documents')
    .set((eb) => ({ analysis_version: eb('analysis_version', '+', 1), stale_reason: p.reason })).where('id', '=', p.id));
  const markAllStale = prepareQuery((p: { reason: string }) => db.updateTable('documents')
    .set((eb) => ({ analysis_version: eb('analysis_version', '+', 1), stale_reason: p.reason })));
  const selectOne = prepareQuery((p: { id: number }) => selectAnalysedSegments(db).where('segments.id', '=', p.id));
  const selectPageByDocument = prepareQuery((p: { documentId: number; after: number }) => selectAnalysedSegments(db)
    .where('segments.document_id', '=', p.documentId).where('segments.position', '>', p.after).orderBy('segments.position').limit(ROWS_PER_READ));

  return {
    store(documentId, entries, complete) {
      return engine.transaction(async (tx) => {
        let stored = 0;
        for (const chunk of chunksOf(entries)) {
          const wanted = new Map(chunk.map((entry) => [entry.segmentId, entry]));
          const locked = await queue.lock(tx, [...wanted.keys()]);
          // A sentence saved since it was read keeps the flags its save stored with it.
          const current = locked.filter((before) => before.documentId === documentId && before.revision === wanted.get(before.id)!.revision);
          await queue.write(tx, current.map((before) => ({ before, flags: wanted.get(before.id)!.flags })));
          stored += current.length;
          if (entries.length > chunk.length) await yieldToEventLoop();
        }
        if (complete) await tx.run(markComplete, { id: documentId, ...complete });
        return stored;
      });
    },
    async getState(documentId) {
      const row = await engine.first(selectState, { id: documentId });
      if (!row) return undefined;
      const { analysedWith, version, analysedVersion, staleReason, ...counts } = row;
      return { analysedWith, version, analysedVersion, staleReason, counts };
    },
    async markStale(target, reason) {
      await (target === 'every-document' ? engine.run(markAllStale, { reason }) : engine.run(markOneStale, { id: target, reason }));
    },
    async getSegment(segmentId) {
      const row = await engine.first(selectOne, { id: segmentId });
      return row && toAnalysedSegment(row);
    },
    listByDocument: async (documentId) => (await readInPages((after) => engine.all(selectPageByDocument, { documentId, after }), (row) => row.position))
      .map(toAnalysedSegment),
    async listMatching(documentId, query, { offset, limit }) {
      const list = shaped(`list:${shapeOf(query)}`, (p: MatchParams & { offset: number; limit: number }) => selectAnalysedSegments(db)
        .where((eb) => matches(eb, p, query)).orderBy('segments.position').limit(p.limit).offset(p.offset));
      return (await engine.all(list, { ...matchParams(documentId, query), offset, limit })).map(toAnalysedSegment);
    },
    async countMatching(documentId, query, before) {
      const count = shaped(`count:${before === undefined ? 'all' : 'before'}:${shapeOf(query)}`, (p: MatchParams & { before: number }) => db
        .selectFrom('segments').select((eb) => eb.fn.countAll<number>().as('count'))
        .where((eb) => matches(eb, p, query)).$if(before !== undefined, (q) => q.where('segments.position', '<', p.before)));
      return (await engine.first(count, { ...matchParams(documentId, query), before: before ?? 0 }))!.count;
    },
    async findNearest(documentId, query, position, direction) {
      const nearest = shaped(`${direction}:${shapeOf(query)}`, (p: MatchParams & { position: number }) => db
        .selectFrom('segments').select('segments.id').where((eb) => matches(eb, p, query))
        .where('segments.position', direction === 'next' ? '>' : '<', p.position)
        .orderBy('segments.position', direction === 'next' ? 'asc' : 'desc').limit(1));
      return (await engine.first(nearest, { ...matchParams(documentId, query), position }))?.id ?? null;
    },
  };
}

/** What a filter compares with: its values, filled into the slots of its shape's query. */
interface MatchParams {
  documentId: number;
  status: SegmentStatus | undefined;
  checkId: string | undefined;
  category: string | undefined;
  severity: string | undefined;
  pattern: string | undefined;
}

/** Which of a filter's fields are set: queries of one shape differ only in their values. */
function shapeOf(query: SegmentQuery): string {
  return (['flagged', 'toReview', 'status', 'checkId', 'category', 'severity', 'text'] as const).filter((field) => query[field]).join(',');
}

function matchParams(documentId: number, query: SegmentQuery): MatchParams {
  return {
    documentId, status: query.status, checkId: query.checkId, category: query.category, severity: query.severity,
    pattern: query.text ? `%${query.text.replace(/[\\%_]/g, '\\$&')}%` : undefined,
  };
}

/**
 * The sentences of one document that `query` keeps: the conditions its set fields ask for, each
 * comparing with a slot of `p`. The predicates on open flags and on the queue are written as the
 * partial indexes' own (migration 8), so that the engines use them.
 */
function matches(eb: ExpressionBuilder<Schema, 'segments'>, p: MatchParams, query: SegmentQuery) {
  const conditions = [eb('segments.document_id', '=', p.documentId)];
  if (query.flagged) conditions.push(eb('segments.open_flags', '>', 0));
  if (query.toReview) conditions.push(eb.or([eb('segments.status', '=', 'to-review'), eb('segments.open_flags', '>', 0)]));
  if (query.status) conditions.push(eb('segments.status', '=', p.status!));
  const flagConditions = [
    ...(query.checkId ? [['check_id', p.checkId!] as const] : []),
    ...(query.category ? [['category', p.category!] as const] : []),
    ...(query.severity ? [['severity', p.severity!] as const] : []),
  ];
  for (const [column, value] of flagConditions) {
    conditions.push(eb('segments.id', 'in', eb.selectFrom('open_flags').select('open_flags.segment_id')
      .where('open_flags.document_id', '=', p.documentId).where(`open_flags.${column}`, '=', value)));
  }
  if (query.text) {
    conditions.push(eb.or([
      sql<boolean>`lower(segments.text) like lower(${p.pattern}) escape '\\'`,
      sql<boolean>`lower(segments.original) like lower(${p.pattern}) escape '\\'`,
    ]));
  }
  return eb.and(conditions);
}

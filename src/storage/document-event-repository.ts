import type { Kysely } from 'kysely';
import type { ActionRecord, DocumentEventRecord } from '../model.js';
import { formatSignal, parseSignal } from './document-signals.js';
import { compareBytewise, compileQuery, prepareQuery, type Engine, type TransactionExecutor } from './engine.js';
import { EVENT, type Schema } from './schema.js';
import type { DocumentEventRepository } from './types.js';

/** An event as the code adds it; the storage adds its id, time and action. */
export type NewEvent = Pick<DocumentEventRecord, 'documentId' | 'type'> & Partial<Pick<DocumentEventRecord,
  'segmentId' | 'revision' | 'status' | 'previousStatus' | 'checkId' | 'spanText' | 'body' | 'undoesEvent'>>;

type EventSlots = Omit<DocumentEventRecord, 'id' | 'actionKind' | 'undoesAction' | 'undoneBy'>;

/**
 * How every repository adds events, so that a document's events are gap-free in id order: a
 * transaction first updates the row of each document it adds events to (`lockDocuments`, in id
 * order so two transactions never wait for each other in a circle), and PostgreSQL then holds that
 * row until it commits. A later transaction on the same document can only draw its ids after the
 * earlier one committed, so a reader who saw event N never sees an event below N appear later.
 * SQLite's write transactions exclude each other anyway. `touchDocument` records who changed it.
 */
export function prepareEventWrites(db: Kysely<Schema>) {
  const lock = prepareQuery((p: { documentId: number }) => db.updateTable('documents')
    .set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', p.documentId));
  const touch = prepareQuery((p: { documentId: number; author: string; now: string; revisions: number }) => db.updateTable('documents')
    .set((eb) => ({ updated_at: p.now, last_author: p.author, revision_sum: eb('revision_sum', '+', p.revisions) }))
    .where('id', '=', p.documentId));
  const insert = prepareQuery((p: EventSlots) => db.insertInto('document_events').values({
    document_id: p.documentId, segment_id: p.segmentId, action_id: p.actionId, type: p.type, author: p.author, created_at: p.createdAt,
    revision: p.revision, status: p.status, previous_status: p.previousStatus, check_id: p.checkId, span_text: p.spanText, body: p.body,
    undoes_event: p.undoesEvent,
  }).returning('id'));

  return {
    /** Take the rows of `documentIds` for this transaction, before adding any event for them. */
    async lockDocuments(tx: TransactionExecutor, documentIds: Iterable<number>): Promise<void> {
      for (const documentId of [...new Set(documentIds)].sort((a, b) => a - b)) await tx.run(lock, { documentId });
    },
    /**
     * Say who changed the document and when (and by how many revisions), and announce its new
     * events to the servers watching once the transaction commits.
     */
    async touchDocument(tx: TransactionExecutor, documentId: number, author: string, now: string, revisions = 0): Promise<void> {
      await tx.run(touch, { documentId, author, now, revisions });
      await tx.announce(formatSignal('events', documentId));
    },
    /** Add one event of `action` (or of none), in a transaction that locked its document. */
    async addEvent(tx: TransactionExecutor, event: NewEvent, author: string, now: string, action: ActionRecord | null = null): Promise<DocumentEventRecord> {
      const record: Omit<DocumentEventRecord, 'id'> = {
        documentId: event.documentId, segmentId: event.segmentId ?? null, actionId: action?.id ?? null, actionKind: action?.kind ?? null,
        undoesAction: action?.undoes ?? null, type: event.type, author, createdAt: now, revision: event.revision ?? null,
        status: event.status ?? null, previousStatus: event.previousStatus ?? null, checkId: event.checkId ?? null,
        spanText: event.spanText ?? null, body: event.body ?? null, undoesEvent: event.undoesEvent ?? null, undoneBy: null,
      };
      const { id } = (await tx.first(insert, record))!;
      return { id, ...record };
    },
  };
}

/** Events read with their action and the event that undid them (see EVENT). */
export function selectEvents(db: Kysely<Schema>) {
  return db.selectFrom('document_events')
    .leftJoin('actions', 'actions.id', 'document_events.action_id')
    .leftJoin('document_events as undos', 'undos.undoes_event', 'document_events.id')
    .select(EVENT);
}

/** The document event log: read by the stream, the timeline and sentence histories; comments are added here. */
export function createDocumentEventRepository(engine: Engine): DocumentEventRepository {
  const { db } = engine;
  const writes = prepareEventWrites(db);
  const selectDocumentOf = prepareQuery((p: { segmentId: number }) => db.selectFrom('segments').select('document_id').where('id', '=', p.segmentId));
  const selectAfter = prepareQuery((p: { documentId: number; afterId: number; limit: number }) => selectEvents(db)
    .where('document_events.document_id', '=', p.documentId).where('document_events.id', '>', p.afterId)
    .orderBy('document_events.id').limit(p.limit));
  const selectLatest = prepareQuery((p: { documentId: number }) => db.selectFrom('document_events')
    .select((eb) => eb.fn.max('id').as('id')).where('document_id', '=', p.documentId));
  const selectBySegment = prepareQuery((p: { segmentId: number }) => selectEvents(db)
    .where('document_events.segment_id', '=', p.segmentId).orderBy('document_events.id'));
  const selectAuthors = prepareQuery((p: { documentId: number }) =>
    db.selectFrom('document_events').select('author').distinct().where('document_id', '=', p.documentId));

  return {
    async addComment({ segmentId, body, author }) {
      const segment = await engine.first(selectDocumentOf, { segmentId });
      if (!segment) return undefined;
      const now = new Date().toISOString();
      return engine.transaction(async (tx) => {
        await writes.lockDocuments(tx, [segment.document_id]);
        const event = await writes.addEvent(tx, { documentId: segment.document_id, segmentId, type: 'comment', body }, author, now);
        await writes.touchDocument(tx, segment.document_id, author, now);
        return event;
      });
    },
    listAfter: (documentId, afterId, limit) => engine.all(selectAfter, { documentId, afterId, limit }),
    latestId: async (documentId) => Number((await engine.first(selectLatest, { documentId }))?.id ?? 0),
    listBySegment: (segmentId) => engine.all(selectBySegment, { segmentId }),
    listTimeline(documentId, { author, beforeId, limit }) {
      return engine.all(compileQuery(selectEvents(db).where('document_events.document_id', '=', documentId)
        .$if(author !== undefined, (query) => query.where('document_events.author', '=', author!))
        .$if(beforeId !== undefined, (query) => query.where('document_events.id', '<', beforeId!))
        .orderBy('document_events.id', 'desc').limit(limit)));
    },
    async listAuthors(documentId) {
      return (await engine.all(selectAuthors, { documentId })).map((row) => row.author).sort(compareBytewise);
    },
    watch(listener) {
      return engine.listen((message) => {
        const signal = parseSignal(message);
        if (signal) listener(signal);
      });
    },
  };
}

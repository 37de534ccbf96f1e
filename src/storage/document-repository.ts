import { sql, type SelectQueryBuilder } from 'kysely';
import { serializeTextPatch } from '../history/text-patch.js';
import type { ReviewCounts, StoredEnglishVariant } from '../model.js';
import { addCounts, countSentence, EMPTY_COUNTS } from '../review/queue.js';
import { formatSignal } from './document-signals.js';
import { prepareEventWrites } from './document-event-repository.js';
import { chunksOf, compileQuery, prepareQuery, yieldToEventLoop, type Engine, type TransactionExecutor } from './engine.js';
import { COUNTS, DOCUMENT, type Schema } from './schema.js';
import type { DocumentQuery, DocumentRepository } from './types.js';

/** Documents; `create` writes the document, its segments, their revision 0 and the import's event in one transaction. */
export function createDocumentRepository(engine: Engine): DocumentRepository {
  const { db } = engine;
  const writes = prepareEventWrites(db);
  const updateTitle = prepareQuery((p: { id: number; title: string }) => db.updateTable('documents').set({ title: p.title }).where('id', '=', p.id));
  const updateArchived = prepareQuery((p: { id: number; archivedAt: string | null }) =>
    db.updateTable('documents').set({ archived_at: p.archivedAt }).where('id', '=', p.id));
  const selectActionIds = prepareQuery((p: { id: number }) => db.selectFrom('document_events').select('action_id').distinct()
    .where('document_id', '=', p.id).where('action_id', 'is not', null));
  const deleteDocument = prepareQuery((p: { id: number }) => db.deleteFrom('documents').where('id', '=', p.id));
  const selectOne = prepareQuery((p: { id: number }) => db.selectFrom('documents').select(DOCUMENT).where('id', '=', p.id));
  const selectWithText = prepareQuery((p: { id: number }) =>
    db.selectFrom('documents').select([...DOCUMENT, 'original_text as originalText']).where('id', '=', p.id));
  const selectIds = prepareQuery(() => db.selectFrom('documents').select('id').orderBy('id'));
  const selectImportedFile = prepareQuery((p: { id: number }) =>
    db.selectFrom('documents').select(['imported_format as format', 'imported_file as content']).where('id', '=', p.id));
  const emptyPatch = serializeTextPatch([]);
  const setCounts = prepareQuery((p: ReviewCountSlots) => db.updateTable('documents').set({
    segment_count: p.total, set_aside_count: p.setAside, to_review_count: p.toReview, edited_count: p.edited, approved_count: p.approved,
    excluded_count: p.excluded, corrected_count: p.corrected, open_flag_count: p.openFlags, flagged_count: p.flagged,
  }).where('id', '=', p.documentId));
  const updateVariant = prepareQuery((p: { id: number; variant: StoredEnglishVariant; author: string }) => db.updateTable('documents')
    .set({ english_variant: p.variant, variant_chosen_by: p.author }).where('id', '=', p.id));

  return {
    create(document) {
      const now = new Date().toISOString();
      return engine.transaction(async (tx) => {
        const created = await tx.first(compileQuery(db.insertInto('documents').values({
          title: document.title, target_language: document.targetLanguage, detected_language: document.detectedLanguage,
          original_text: document.originalText, created_at: now, updated_at: now, last_author: document.author,
          imported_format: document.importedFile?.format ?? null, imported_file: document.importedFile?.content ?? null,
          english_variant: document.englishVariant ?? 'unspecified',
        }).returning(DOCUMENT)));
        // A few statements however long the article: a row per statement would be a round trip each on PostgreSQL.
        for (const segments of chunksOf(document.segments)) {
          const inserted = await tx.all(compileQuery(db.insertInto('segments').values(segments.map((segment) => ({
            document_id: created!.id, position: segment.position, paragraph: segment.paragraph, start_offset: segment.start,
            end_offset: segment.end, role: segment.role, original: segment.text, text: segment.text, status: segment.status,
            revision: 0, updated_at: now,
          }))).returning(['id', 'text'])));
          await tx.run(compileQuery(db.insertInto('revisions').values(inserted.map(({ id, text }) => ({
            segment_id: id, number: 0, kind: 'import' as const, patch: emptyPatch, checkpoint: text, author: document.author, created_at: now,
          })))));
          // A long article is thousands of rows: requests that need no database go on meanwhile.
          await yieldToEventLoop();
        }
        // No flags yet: the analysis stores them, and counts them, once it has run.
        const counts = { ...EMPTY_COUNTS };
        for (const segment of document.segments) addCounts(counts, countSentence({ ...segment, original: segment.text, openFlags: 0 }));
        await tx.run(setCounts, { ...counts, documentId: created!.id });
        // One entry in the document's history for the whole import, not one per sentence.
        await writes.addEvent(tx, { documentId: created!.id, type: 'import', body: document.title }, document.author, now);
        return created!;
      });
    },
    get: (id) => engine.first(selectOne, { id }),
    getWithText: (id) => engine.first(selectWithText, { id }),
    async getImportedFile(id) {
      const row = await engine.first(selectImportedFile, { id });
      return row?.format && row.content !== null ? { format: row.format, content: row.content } : undefined;
    },
    async list({ limit = -1, offset = 0, ...query } = {}) {
      // The page of documents is chosen first (ids only, by the primary key, newest first), then
      // only its rows are read: OFFSET skips ids, not whole rows.
      const page = matching(db.selectFrom('documents').select('id'), query)
        .orderBy('id', 'desc').limit(limit < 0 ? Number.MAX_SAFE_INTEGER : limit).offset(offset).as('page');
      const rows = await engine.all(compileQuery(db.selectFrom(page).innerJoin('documents', 'documents.id', 'page.id').select([
        'documents.id', 'documents.title', 'documents.target_language as targetLanguage', 'documents.detected_language as detectedLanguage',
        'documents.created_at as createdAt', 'documents.updated_at as updatedAt', 'documents.last_author as lastAuthor',
        'documents.archived_at as archivedAt', ...COUNTS,
      ]).orderBy('documents.id', 'desc')));
      return rows.map(({ id, title, targetLanguage, detectedLanguage, createdAt, updatedAt, lastAuthor, archivedAt, ...counts }) => ({
        id, title, targetLanguage, detectedLanguage, createdAt, updatedAt, lastAuthor, archivedAt,
        segmentCount: counts.total, correctedCount: counts.corrected, counts,
      }));
    },
    async count(query = {}) {
      const row = await engine.first(compileQuery(matching(db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('count')), query)));
      return row!.count;
    },
    async listIds() {
      return (await engine.all(selectIds)).map((row) => row.id);
    },
    rename(id, title, author) {
      return changeDocument(id, author, async (tx, now) => {
        await tx.run(updateTitle, { id, title });
        return writes.addEvent(tx, { documentId: id, type: 'rename', body: title }, author, now);
      });
    },
    setArchived(id, archived, author) {
      return changeDocument(id, author, async (tx, now) => {
        await tx.run(updateArchived, { id, archivedAt: archived ? now : null });
        return writes.addEvent(tx, { documentId: id, type: archived ? 'archive' : 'unarchive' }, author, now);
      });
    },
    delete(id) {
      return engine.transaction(async (tx) => {
        const actions = (await tx.all(selectActionIds, { id })).map((row) => row.action_id!);
        if ((await tx.count(deleteDocument, { id })) === 0) return false;
        // The cascade took the sentences, their revisions, dismissals, source links and events; an
        // action lives on while it changed another document too (a replace across documents).
        for (const chunk of chunksOf(actions)) {
          await tx.run(compileQuery(db.deleteFrom('actions').where('id', 'in', chunk)
            .where((eb) => eb.not(eb.exists(eb.selectFrom('document_events').select('id').whereRef('document_events.action_id', '=', 'actions.id'))))));
        }
        await tx.announce(formatSignal('deleted', id));
        return true;
      });
    },
    setVariant(id, variant, author) {
      return changeDocument(id, author, async (tx, now) => {
        await tx.run(updateVariant, { id, variant, author });
        return writes.addEvent(tx, { documentId: id, type: 'variant', body: variant }, author, now);
      });
    },
  };

  /** A change to the document itself, with its event, refused (undefined) when there is no such document. */
  async function changeDocument<T>(id: number, author: string, change: (tx: TransactionExecutor, now: string) => Promise<T>): Promise<T | undefined> {
    const now = new Date().toISOString();
    return engine.transaction(async (tx) => {
      await writes.lockDocuments(tx, [id]);
      if (!(await tx.first(selectOne, { id }))) return undefined;
      const result = await change(tx, now);
      await writes.touchDocument(tx, id, author, now);
      return result;
    });
  }
}

/** The documents a list or count covers: in use, or archived ones, with `search` in the title. */
function matching<O>(query: SelectQueryBuilder<Schema, 'documents', O>, { search, archived = false }: DocumentQuery) {
  return query.where('documents.archived_at', archived ? 'is not' : 'is', null).$if(Boolean(search), (scoped) => scoped.where(titleContains(search!)));
}

/** Titles containing `search` in any case (ASCII case on SQLite, whose lower() knows no other). */
function titleContains(search: string) {
  const pattern = `%${search.replace(/[\\%_]/g, '\\$&')}%`;
  return sql<boolean>`lower(documents.title) like lower(${pattern}) escape '\\'`;
}

type ReviewCountSlots = ReviewCounts & { documentId: number };

import { sql } from 'kysely';
import { serializeTextPatch } from '../history/text-patch.js';
import type { ReviewCounts } from '../model.js';
import { addCounts, countSentence, EMPTY_COUNTS } from '../review/queue.js';
import { chunksOf, compileQuery, prepareQuery, yieldToEventLoop, type Engine } from './engine.js';
import { COUNTS, DOCUMENT } from './schema.js';
import type { DocumentRepository } from './types.js';

/** Documents; `create` writes the document, its segments and their revision 0 in one transaction. */
export function createDocumentRepository(engine: Engine): DocumentRepository {
  const { db } = engine;
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

  return {
    create(document) {
      const now = new Date().toISOString();
      return engine.transaction(async (tx) => {
        const created = await tx.first(compileQuery(db.insertInto('documents').values({
          title: document.title, target_language: document.targetLanguage, detected_language: document.detectedLanguage,
          original_text: document.originalText, created_at: now, updated_at: now,
          imported_format: document.importedFile?.format ?? null, imported_file: document.importedFile?.content ?? null,
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
        return created!;
      });
    },
    get: (id) => engine.first(selectOne, { id }),
    getWithText: (id) => engine.first(selectWithText, { id }),
    async getImportedFile(id) {
      const row = await engine.first(selectImportedFile, { id });
      return row?.format && row.content !== null ? { format: row.format, content: row.content } : undefined;
    },
    async list({ limit = -1, offset = 0, search } = {}) {
      // The page of documents is chosen first (ids only, by the primary key, newest first), then
      // only its rows are read: OFFSET skips ids, not whole rows.
      const page = db.selectFrom('documents').select('id').$if(Boolean(search), (query) => query.where(titleContains(search!)))
        .orderBy('id', 'desc').limit(limit < 0 ? Number.MAX_SAFE_INTEGER : limit).offset(offset).as('page');
      const rows = await engine.all(compileQuery(db.selectFrom(page).innerJoin('documents', 'documents.id', 'page.id').select([
        'documents.id', 'documents.title', 'documents.target_language as targetLanguage', 'documents.detected_language as detectedLanguage',
        'documents.created_at as createdAt', 'documents.updated_at as updatedAt', ...COUNTS,
      ]).orderBy('documents.id', 'desc')));
      return rows.map(({ id, title, targetLanguage, detectedLanguage, createdAt, updatedAt, ...counts }) => ({
        id, title, targetLanguage, detectedLanguage, createdAt, updatedAt, segmentCount: counts.total, correctedCount: counts.corrected, counts,
      }));
    },
    async count({ search } = {}) {
      const row = await engine.first(compileQuery(db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('count'))
        .$if(Boolean(search), (query) => query.where(titleContains(search!)))));
      return row!.count;
    },
    async listIds() {
      return (await engine.all(selectIds)).map((row) => row.id);
    },
  };
}

/** Titles containing `search` in any case (ASCII case on SQLite, whose lower() knows no other). */
function titleContains(search: string) {
  const pattern = `%${search.replace(/[\\%_]/g, '\\$&')}%`;
  return sql<boolean>`lower(documents.title) like lower(${pattern}) escape '\\'`;
}

type ReviewCountSlots = ReviewCounts & { documentId: number };

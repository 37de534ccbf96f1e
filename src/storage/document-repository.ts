import { sql } from 'kysely';
import { serializeTextPatch } from '../history/text-patch.js';
import { chunksOf, compileQuery, prepareQuery, type Engine } from './engine.js';
import { DOCUMENT } from './schema.js';
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
        }
        return created!;
      });
    },
    get: (id) => engine.first(selectOne, { id }),
    getWithText: (id) => engine.first(selectWithText, { id }),
    async getImportedFile(id) {
      const row = await engine.first(selectImportedFile, { id });
      return row?.format && row.content !== null ? { format: row.format, content: row.content } : undefined;
    },
    list({ limit = -1, offset = 0, search } = {}) {
      // The page of documents is chosen first (ids only, by the primary key, newest first), then only
      // its segments are counted: with the counts in the same SELECT, OFFSET would compute them for
      // every skipped document too, and page 150 of 10,000 documents cost ~85 ms instead of ~5.
      const page = db.selectFrom('documents').select('id').$if(Boolean(search), (query) => query.where(titleContains(search!)))
        .orderBy('id', 'desc').limit(limit < 0 ? Number.MAX_SAFE_INTEGER : limit).offset(offset).as('page');
      return engine.all(compileQuery(db.selectFrom(page).innerJoin('documents', 'documents.id', 'page.id').select((eb) => {
        const segments = () => eb.selectFrom('segments').whereRef('segments.document_id', '=', 'documents.id').select(eb.fn.countAll<number>().as('n'));
        return [
          'documents.id', 'documents.title', 'documents.target_language as targetLanguage', 'documents.detected_language as detectedLanguage',
          'documents.created_at as createdAt', 'documents.updated_at as updatedAt',
          segments().$asScalar().$notNull().as('segmentCount'),
          // Sentences whose current text differs from the machine translation.
          segments().whereRef('segments.text', '<>', 'segments.original').$asScalar().$notNull().as('correctedCount'),
        ] as const;
      }).orderBy('documents.id', 'desc')));
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

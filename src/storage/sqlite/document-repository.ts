import type Database from 'better-sqlite3';
import { serializeTextPatch } from '../../history/text-patch.js';
import type { DocumentRepository, NewDocument } from '../types.js';
import type { DocumentSummary } from '../../model.js';
import { DOCUMENT_COLUMNS, toDocument, toDocumentWithText, type DocumentRow } from './rows.js';

interface SummaryRow {
  id: number; title: string; target_language: string; detected_language: string;
  created_at: string; updated_at: string; segment_count: number; corrected_count: number;
}

/** Documents over SQLite; `create` writes the document, its segments and their revision 0 atomically. */
export function createDocumentRepository(db: Database.Database): DocumentRepository {
  const insertDocument = db.prepare(`INSERT INTO documents
    (title, target_language, detected_language, original_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const insertSegment = db.prepare(`INSERT INTO segments
    (document_id, position, paragraph, start_offset, end_offset, role, original, text, status, revision, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`);
  const insertImportRevision = db.prepare(`INSERT INTO revisions
    (segment_id, number, kind, patch, checkpoint, author, created_at)
    VALUES (?, 0, 'import', ?, ?, ?, ?)`);
  const selectDocument = db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`);
  const selectDocumentWithText = db.prepare(`SELECT ${DOCUMENT_COLUMNS}, original_text FROM documents WHERE id = ?`);
  // The page of documents is chosen first (ids only, by the primary key, newest first), then only
  // its segments are counted: with the counts in the same SELECT, OFFSET would compute them for
  // every skipped document too, and page 150 of 10,000 documents cost ~85 ms instead of ~5.
  const selectSummaries = db.prepare(`SELECT d.id, d.title, d.target_language, d.detected_language,
      d.created_at, d.updated_at,
      (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) AS segment_count,
      (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id AND s.text <> s.original) AS corrected_count
    FROM (SELECT id FROM documents
          WHERE @search IS NULL OR instr(lower(title), lower(@search)) > 0
          ORDER BY id DESC LIMIT @limit OFFSET @offset) page
    JOIN documents d ON d.id = page.id
    ORDER BY d.id DESC`);
  const countDocuments = db.prepare(`SELECT COUNT(*) FROM documents d
    WHERE @search IS NULL OR instr(lower(d.title), lower(@search)) > 0`).pluck();
  const selectIds = db.prepare('SELECT id FROM documents ORDER BY id').pluck();
  const emptyPatch = serializeTextPatch([]);

  const create = db.transaction((document: NewDocument, now: string) => {
    const { lastInsertRowid } = insertDocument.run(document.title, document.targetLanguage,
      document.detectedLanguage, document.originalText, now, now);
    const documentId = Number(lastInsertRowid);
    for (const segment of document.segments) {
      const inserted = insertSegment.run(documentId, segment.position, segment.paragraph,
        segment.start, segment.end, segment.role, segment.text, segment.text, segment.status, now);
      insertImportRevision.run(Number(inserted.lastInsertRowid), emptyPatch, segment.text, document.author, now);
    }
    return toDocument(selectDocument.get(documentId) as DocumentRow);
  });

  return {
    async create(document) {
      return create(document, new Date().toISOString());
    },
    async get(id) {
      const row = selectDocument.get(id) as DocumentRow | undefined;
      return row && toDocument(row);
    },
    async getWithText(id) {
      const row = selectDocumentWithText.get(id) as (DocumentRow & { original_text: string }) | undefined;
      return row && toDocumentWithText(row);
    },
    async list({ limit = -1, offset = 0, search } = {}) {
      return (selectSummaries.all({ limit, offset, search: search || null }) as SummaryRow[]).map((row): DocumentSummary => ({
        id: row.id,
        title: row.title,
        targetLanguage: row.target_language,
        detectedLanguage: row.detected_language,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        segmentCount: row.segment_count,
        correctedCount: row.corrected_count,
      }));
    },
    async count({ search } = {}) {
      return countDocuments.get({ search: search || null }) as number;
    },
    async listIds() {
      return selectIds.all() as number[];
    },
  };
}

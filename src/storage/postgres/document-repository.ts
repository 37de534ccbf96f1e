import type pg from 'pg';
import { serializeTextPatch } from '../../history/text-patch.js';
import { DOCUMENT_COLUMNS, toDocument, toDocumentWithText, type DocumentRow } from '../sqlite/rows.js';
import type { DocumentRepository } from '../types.js';
import type { DocumentSummary } from '../../model.js';
import { withTransaction } from './pool.js';

interface SummaryRow {
  id: number; title: string; target_language: string; detected_language: string;
  created_at: string; updated_at: string; segment_count: number; corrected_count: number;
}

// The page of documents is chosen first (ids only, by the primary key, newest first), then only
// its segments are counted, as over SQLite. LIMIT NULL is PostgreSQL's "no limit".
const SELECT_SUMMARIES = `SELECT d.id, d.title, d.target_language, d.detected_language, d.created_at, d.updated_at,
    (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) AS segment_count,
    (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id AND s.text <> s.original) AS corrected_count
  FROM (SELECT id FROM documents
        WHERE $1::text IS NULL OR strpos(lower(title), lower($1::text)) > 0
        ORDER BY id DESC LIMIT $2 OFFSET $3) page
  JOIN documents d ON d.id = page.id
  ORDER BY d.id DESC`;

/** Documents over PostgreSQL; `create` writes the document, its segments and their revision 0 in one transaction. */
export function createDocumentRepository(pool: pg.Pool): DocumentRepository {
  const emptyPatch = serializeTextPatch([]);
  return {
    async create(document) {
      const now = new Date().toISOString();
      return withTransaction(pool, async (client) => {
        const { rows: [row] } = await client.query<DocumentRow>(`INSERT INTO documents
          (title, target_language, detected_language, original_text, created_at, updated_at)
          VALUES ($1, $2, $3, $4, $5, $5) RETURNING *`,
        [document.title, document.targetLanguage, document.detectedLanguage, document.originalText, now]);
        const documentId = row!.id;
        const segments = document.segments;
        if (segments.length > 0) {
          // One statement per table however long the article: each row is a column of an array.
          await client.query(`WITH inserted AS (
              INSERT INTO segments (document_id, position, paragraph, start_offset, end_offset, role, original, text, status, revision, updated_at)
              SELECT $1, s.position, s.paragraph, s.start_offset, s.end_offset, s.role, s.text, s.text, s.status, 0, $8
              FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $9::text[])
                AS s(position, paragraph, start_offset, end_offset, role, text, status)
              RETURNING id, text)
            INSERT INTO revisions (segment_id, number, kind, patch, checkpoint, author, created_at)
            SELECT id, 0, 'import', $10, text, $11, $8 FROM inserted`,
          [documentId, segments.map((s) => s.position), segments.map((s) => s.paragraph), segments.map((s) => s.start),
            segments.map((s) => s.end), segments.map((s) => s.role), segments.map((s) => s.text), now,
            segments.map((s) => s.status), emptyPatch, document.author]);
        }
        return toDocument(row!);
      });
    },
    async get(id) {
      const { rows: [row] } = await pool.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id]);
      return row && toDocument(row);
    },
    async getWithText(id) {
      const { rows: [row] } = await pool.query<DocumentRow & { original_text: string }>(
        `SELECT ${DOCUMENT_COLUMNS}, original_text FROM documents WHERE id = $1`, [id]);
      return row && toDocumentWithText(row);
    },
    async list({ limit = -1, offset = 0, search } = {}) {
      const { rows } = await pool.query<SummaryRow>(SELECT_SUMMARIES, [search || null, limit < 0 ? null : limit, offset]);
      return rows.map((row): DocumentSummary => ({
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
      const { rows: [row] } = await pool.query<{ count: number }>(`SELECT COUNT(*) AS count FROM documents d
        WHERE $1::text IS NULL OR strpos(lower(d.title), lower($1::text)) > 0`, [search || null]);
      return row!.count;
    },
    async listIds() {
      const { rows } = await pool.query<{ id: number }>('SELECT id FROM documents ORDER BY id');
      return rows.map((row) => row.id);
    },
  };
}

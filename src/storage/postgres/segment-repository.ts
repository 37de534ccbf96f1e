import type pg from 'pg';
import { SEGMENT_COLUMNS, toSegment, type SegmentRow } from '../sqlite/rows.js';
import type { SegmentRepository } from '../types.js';

/** Segments over PostgreSQL (read side; segments change only through RevisionRepository.append). */
export function createSegmentRepository(pool: pg.Pool): SegmentRepository {
  return {
    async get(id) {
      const { rows: [row] } = await pool.query<SegmentRow>(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = $1`, [id]);
      return row && toSegment(row);
    },
    async listByDocument(documentId) {
      const { rows } = await pool.query<SegmentRow>(
        `SELECT ${SEGMENT_COLUMNS} FROM segments WHERE document_id = $1 ORDER BY position`, [documentId]);
      return rows.map(toSegment);
    },
  };
}

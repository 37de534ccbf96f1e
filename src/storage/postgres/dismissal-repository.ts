import type pg from 'pg';
import type { DismissalRepository } from '../types.js';
import type { DismissalRecord } from '../../model.js';

interface DismissalRow {
  id: number; segment_id: number; check_id: string; span_text: string; author: string; created_at: string;
}

const COLUMNS = 'd.id, d.segment_id, d.check_id, d.span_text, d.author, d.created_at';

/** Dismissed flags over PostgreSQL. */
export function createDismissalRepository(pool: pg.Pool): DismissalRepository {
  return {
    async add({ segmentId, checkId, spanText, author }) {
      // Dismissing the same flag twice keeps the first record: the insert does nothing, the select finds it.
      await pool.query(`INSERT INTO flag_dismissals (segment_id, check_id, span_text, author, created_at)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (segment_id, check_id, span_text) DO NOTHING`,
      [segmentId, checkId, spanText, author, new Date().toISOString()]);
      const { rows: [row] } = await pool.query<DismissalRow>(`SELECT ${COLUMNS} FROM flag_dismissals d
        WHERE d.segment_id = $1 AND d.check_id = $2 AND d.span_text = $3`, [segmentId, checkId, spanText]);
      return toDismissal(row!);
    },
    async listBySegment(segmentId) {
      const { rows } = await pool.query<DismissalRow>(`SELECT ${COLUMNS} FROM flag_dismissals d WHERE d.segment_id = $1 ORDER BY d.id`, [segmentId]);
      return rows.map(toDismissal);
    },
    async listByDocument(documentId) {
      const { rows } = await pool.query<DismissalRow>(`SELECT ${COLUMNS} FROM flag_dismissals d
        JOIN segments s ON s.id = d.segment_id WHERE s.document_id = $1 ORDER BY d.id`, [documentId]);
      return rows.map(toDismissal);
    },
  };
}

function toDismissal(row: DismissalRow): DismissalRecord {
  return {
    id: row.id,
    segmentId: row.segment_id,
    checkId: row.check_id,
    spanText: row.span_text,
    author: row.author,
    createdAt: row.created_at,
  };
}

import type Database from 'better-sqlite3';
import type { DismissalRepository } from '../types.js';
import type { DismissalRecord } from '../../model.js';

interface DismissalRow {
  id: number; segment_id: number; check_id: string; span_text: string; author: string; created_at: string;
}

const COLUMNS = 'd.id, d.segment_id, d.check_id, d.span_text, d.author, d.created_at';

/** Dismissed flags over SQLite. */
export function createDismissalRepository(db: Database.Database): DismissalRepository {
  const insert = db.prepare(`INSERT INTO flag_dismissals (segment_id, check_id, span_text, author, created_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (segment_id, check_id, span_text) DO NOTHING`);
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM flag_dismissals d
    WHERE d.segment_id = ? AND d.check_id = ? AND d.span_text = ?`);
  const selectBySegment = db.prepare(`SELECT ${COLUMNS} FROM flag_dismissals d WHERE d.segment_id = ? ORDER BY d.id`);
  const selectByDocument = db.prepare(`SELECT ${COLUMNS} FROM flag_dismissals d
    JOIN segments s ON s.id = d.segment_id WHERE s.document_id = ? ORDER BY d.id`);

  return {
    async add({ segmentId, checkId, spanText, author }) {
      insert.run(segmentId, checkId, spanText, author, new Date().toISOString());
      return toDismissal(selectOne.get(segmentId, checkId, spanText) as DismissalRow);
    },
    async listBySegment(segmentId) {
      return (selectBySegment.all(segmentId) as DismissalRow[]).map(toDismissal);
    },
    async listByDocument(documentId) {
      return (selectByDocument.all(documentId) as DismissalRow[]).map(toDismissal);
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

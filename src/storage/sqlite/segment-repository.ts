import type Database from 'better-sqlite3';
import type { SegmentRepository } from '../types.js';
import { SEGMENT_COLUMNS, toSegment, type SegmentRow } from './rows.js';

/** Segments over SQLite (read side; segments change only through RevisionRepository.append). */
export function createSegmentRepository(db: Database.Database): SegmentRepository {
  const selectOne = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = ?`);
  const selectByDocument = db.prepare(
    `SELECT ${SEGMENT_COLUMNS} FROM segments WHERE document_id = ? ORDER BY position`);
  return {
    async get(id) {
      const row = selectOne.get(id) as SegmentRow | undefined;
      return row && toSegment(row);
    },
    async listByDocument(documentId) {
      return (selectByDocument.all(documentId) as SegmentRow[]).map(toSegment);
    },
  };
}

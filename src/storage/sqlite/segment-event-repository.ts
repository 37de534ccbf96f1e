import type Database from 'better-sqlite3';
import type { SegmentEventRepository, StatusChangeResult } from '../types.js';
import type { SegmentEventRecord, SegmentStatus } from '../../model.js';
import { SEGMENT_COLUMNS, toSegment, type SegmentRow } from './rows.js';

interface EventRow {
  id: number; segment_id: number; kind: string; status: string | null; body: string | null; author: string; created_at: string;
}

const COLUMNS = 'e.id, e.segment_id, e.kind, e.status, e.body, e.author, e.created_at';

/** Status changes and comments over SQLite; like revisions, events are only ever added. */
export function createSegmentEventRepository(db: Database.Database): SegmentEventRepository {
  const insert = db.prepare(`INSERT INTO segment_events (segment_id, kind, status, body, author, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM segment_events e WHERE e.id = ?`);
  const selectSegment = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = ?`);
  const updateStatus = db.prepare('UPDATE segments SET status = ?, updated_at = ? WHERE id = ?');
  const selectBySegment = db.prepare(`SELECT ${COLUMNS} FROM segment_events e WHERE e.segment_id = ? ORDER BY e.id`);
  const selectByDocument = db.prepare(`SELECT ${COLUMNS} FROM segment_events e
    JOIN segments s ON s.id = e.segment_id WHERE s.document_id = ? ORDER BY e.id`);

  const changeStatus = db.transaction((segmentId: number, expectedRevision: number, status: SegmentStatus, author: string,
    now: string): StatusChangeResult => {
    const row = selectSegment.get(segmentId) as SegmentRow | undefined;
    if (!row) return { ok: false, reason: 'not-found' };
    // Approving what someone else changed since you read it would approve text you never saw.
    if (row.revision !== expectedRevision) return { ok: false, reason: 'conflict', current: toSegment(row) };
    updateStatus.run(status, now, segmentId);
    const { lastInsertRowid } = insert.run(segmentId, 'status', status, null, author, now);
    return {
      ok: true,
      segment: toSegment(selectSegment.get(segmentId) as SegmentRow),
      event: toEvent(selectOne.get(lastInsertRowid) as EventRow),
    };
  });

  return {
    async changeStatus({ segmentId, expectedRevision, status, author }) {
      return changeStatus.immediate(segmentId, expectedRevision, status, author, new Date().toISOString());
    },
    async addComment({ segmentId, body, author }) {
      const { lastInsertRowid } = insert.run(segmentId, 'comment', null, body, author, new Date().toISOString());
      return toEvent(selectOne.get(lastInsertRowid) as EventRow);
    },
    async listBySegment(segmentId) {
      return (selectBySegment.all(segmentId) as EventRow[]).map(toEvent);
    },
    async listByDocument(documentId) {
      return (selectByDocument.all(documentId) as EventRow[]).map(toEvent);
    },
  };
}

function toEvent(row: EventRow): SegmentEventRecord {
  return {
    id: row.id,
    segmentId: row.segment_id,
    kind: row.kind as SegmentEventRecord['kind'],
    status: row.status as SegmentStatus | null,
    body: row.body,
    author: row.author,
    createdAt: row.created_at,
  };
}

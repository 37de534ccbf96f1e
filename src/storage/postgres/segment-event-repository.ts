import type pg from 'pg';
import { SEGMENT_COLUMNS, toSegment, type SegmentRow } from '../sqlite/rows.js';
import type { SegmentEventRepository } from '../types.js';
import type { SegmentEventRecord, SegmentStatus } from '../../model.js';
import { withTransaction } from './pool.js';

interface EventRow {
  id: number; segment_id: number; kind: string; status: string | null; body: string | null; author: string; created_at: string;
}

const COLUMNS = 'id, segment_id, kind, status, body, author, created_at';

/** Status changes and comments over PostgreSQL; like revisions, events are only ever added. */
export function createSegmentEventRepository(pool: pg.Pool): SegmentEventRepository {
  return {
    changeStatus({ segmentId, expectedRevision, status, author }) {
      const now = new Date().toISOString();
      return withTransaction(pool, async (client) => {
        // Approving what someone else changed since you read it would approve text you never saw:
        // the update only happens while the sentence is still at the revision the editor saw.
        const { rows: [segment] } = await client.query<SegmentRow>(`UPDATE segments SET status = $1, updated_at = $2
          WHERE id = $3 AND revision = $4 RETURNING ${SEGMENT_COLUMNS}`, [status, now, segmentId, expectedRevision]);
        if (!segment) {
          const { rows: [current] } = await client.query<SegmentRow>(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = $1`, [segmentId]);
          return current ? { ok: false, reason: 'conflict', current: toSegment(current) } : { ok: false, reason: 'not-found' };
        }
        const { rows: [event] } = await client.query<EventRow>(`INSERT INTO segment_events (segment_id, kind, status, body, author, created_at)
          VALUES ($1, 'status', $2, NULL, $3, $4) RETURNING ${COLUMNS}`, [segmentId, status, author, now]);
        return { ok: true, segment: toSegment(segment), event: toEvent(event!) };
      });
    },
    async addComment({ segmentId, body, author }) {
      const { rows: [event] } = await pool.query<EventRow>(`INSERT INTO segment_events (segment_id, kind, status, body, author, created_at)
        VALUES ($1, 'comment', NULL, $2, $3, $4) RETURNING ${COLUMNS}`, [segmentId, body, author, new Date().toISOString()]);
      return toEvent(event!);
    },
    async listBySegment(segmentId) {
      const { rows } = await pool.query<EventRow>(`SELECT ${COLUMNS} FROM segment_events WHERE segment_id = $1 ORDER BY id`, [segmentId]);
      return rows.map(toEvent);
    },
    async listByDocument(documentId) {
      const { rows } = await pool.query<EventRow>(`SELECT e.id, e.segment_id, e.kind, e.status, e.body, e.author, e.created_at
        FROM segment_events e JOIN segments s ON s.id = e.segment_id WHERE s.document_id = $1 ORDER BY e.id`, [documentId]);
      return rows.map(toEvent);
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

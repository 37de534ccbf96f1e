import type pg from 'pg';
import { serializeTextPatch } from '../../history/text-patch.js';
import {
  REVISION_COLUMNS, SEGMENT_COLUMNS, toRevision, toSegment, type RevisionRow, type SegmentRow,
} from '../sqlite/rows.js';
import type { AppendResult, NewRevision, RevisionRepository } from '../types.js';
import { withTransaction } from './pool.js';

const PREFIXED = REVISION_COLUMNS.split(',').map((column) => `r.${column.trim()}`).join(', ');

/** Revisions over PostgreSQL. History is append-only: nothing here updates or deletes a revision. */
export function createRevisionRepository(pool: pg.Pool): RevisionRepository {
  return {
    append(revision) {
      return withTransaction(pool, (client) => appendRevision(client, revision, new Date().toISOString()));
    },
    async listBySegment(segmentId) {
      const { rows } = await pool.query<RevisionRow>(
        `SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = $1 ORDER BY number`, [segmentId]);
      return rows.map(toRevision);
    },
    async listRange(segmentId, from, to) {
      const { rows } = await pool.query<RevisionRow>(`SELECT ${REVISION_COLUMNS} FROM revisions
        WHERE segment_id = $1 AND number BETWEEN $2 AND $3 ORDER BY number`, [segmentId, from, to]);
      return rows.map(toRevision);
    },
    async listByDocument(documentId) {
      const { rows } = await pool.query<RevisionRow>(`SELECT ${PREFIXED}
        FROM revisions r JOIN segments s ON s.id = r.segment_id
        WHERE s.document_id = $1 ORDER BY s.position, r.number`, [documentId]);
      return rows.map(toRevision);
    },
    async listTimeline(documentId, { author, limit, beforeId }) {
      const { rows } = await pool.query<RevisionRow>(`SELECT ${PREFIXED}
        FROM revisions r JOIN segments s ON s.id = r.segment_id
        WHERE s.document_id = $1 AND ($2::text IS NULL OR r.author = $2::text) AND ($3::bigint IS NULL OR r.id < $3::bigint)
        ORDER BY r.id DESC LIMIT $4`, [documentId, author ?? null, beforeId ?? null, limit]);
      return rows.map(toRevision);
    },
    async listAuthors(documentId) {
      // COLLATE "C": the byte order SQLite uses, whatever the database's locale.
      const { rows } = await pool.query<{ author: string }>(`SELECT DISTINCT r.author COLLATE "C" AS author
        FROM revisions r JOIN segments s ON s.id = r.segment_id
        WHERE s.document_id = $1 ORDER BY 1`, [documentId]);
      return rows.map((row) => row.author);
    },
  };
}

/**
 * Compare-and-append in one transaction. The conditional UPDATE is the compare: it takes the
 * segment's row lock, and a concurrent save from the same base (on this server or another) waits
 * for that lock, then finds the revision moved on and updates nothing. No read-then-write race.
 */
async function appendRevision(client: pg.PoolClient, revision: NewRevision, now: string): Promise<AppendResult> {
  const number = revision.expectedRevision + 1;
  const { rows: [segment] } = await client.query<SegmentRow>(`UPDATE segments
    SET text = $1, status = CASE WHEN status = ANY($7::text[]) THEN status ELSE $2 END, revision = $3, updated_at = $4
    WHERE id = $5 AND revision = $6 RETURNING ${SEGMENT_COLUMNS}`,
  [revision.text, revision.status, number, now, revision.segmentId, revision.expectedRevision, revision.keepStatuses ?? []]);
  if (!segment) {
    const { rows: [current] } = await client.query<SegmentRow>(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = $1`, [revision.segmentId]);
    return current ? { ok: false, reason: 'conflict', current: toSegment(current) } : { ok: false, reason: 'not-found' };
  }
  const { rows: [inserted] } = await client.query<RevisionRow>(`INSERT INTO revisions
    (segment_id, number, kind, patch, checkpoint, reverted_to, author, comment, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${REVISION_COLUMNS}`,
  [revision.segmentId, number, revision.kind, serializeTextPatch(revision.patch), revision.checkpoint,
    revision.revertedTo, revision.author, revision.comment, now]);
  await client.query('UPDATE documents SET updated_at = $1, revision_sum = revision_sum + 1 WHERE id = $2', [now, segment.document_id]);
  return { ok: true, segment: toSegment(segment), revision: toRevision(inserted!) };
}

import type Database from 'better-sqlite3';
import { serializeTextPatch } from '../../history/text-patch.js';
import type { AppendResult, NewRevision, RevisionRepository } from '../types.js';
import type { SegmentStatus } from '../../model.js';
import { createGroupCommit, type GroupCommit } from './group-commit.js';
import {
  REVISION_COLUMNS, SEGMENT_COLUMNS, toRevision, toSegment, type RevisionRow, type SegmentRow,
} from './rows.js';

/** The SQLite revision repository, with the group commit its appends share (flushed before the database closes). */
export interface SqliteRevisionRepository extends RevisionRepository {
  readonly appends: Pick<GroupCommit<unknown, unknown>, 'flush' | 'stats'>;
}

/**
 * Revisions over SQLite. History is append-only: nothing here updates or deletes a revision.
 * Appends made together (concurrent saves) share one commit; see group-commit.ts.
 */
export function createRevisionRepository(db: Database.Database): SqliteRevisionRepository {
  const selectSegment = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = ?`);
  const insertRevision = db.prepare(`INSERT INTO revisions
    (segment_id, number, kind, patch, checkpoint, reverted_to, author, comment, created_at)
    VALUES (@segment_id, @number, @kind, @patch, @checkpoint, @reverted_to, @author, @comment, @created_at)`);
  const updateSegment = db.prepare(`UPDATE segments SET text = ?, status = ?, revision = ?, updated_at = ?
    WHERE id = ? AND revision = ?`);
  const touchDocument = db.prepare('UPDATE documents SET updated_at = ?, revision_sum = revision_sum + 1 WHERE id = ?');
  const selectBySegment = db.prepare(
    `SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = ? ORDER BY number`);
  const selectRange = db.prepare(`SELECT ${REVISION_COLUMNS} FROM revisions
    WHERE segment_id = ? AND number BETWEEN ? AND ? ORDER BY number`);
  const selectByDocument = db.prepare(`SELECT ${REVISION_COLUMNS.split(',').map((c) => `r.${c.trim()}`).join(', ')}
    FROM revisions r JOIN segments s ON s.id = r.segment_id
    WHERE s.document_id = ? ORDER BY s.position, r.number`);

  const prefixed = REVISION_COLUMNS.split(',').map((c) => `r.${c.trim()}`).join(', ');
  const selectTimeline = db.prepare(`SELECT ${prefixed}
    FROM revisions r JOIN segments s ON s.id = r.segment_id
    WHERE s.document_id = @documentId AND (@author IS NULL OR r.author = @author) AND (@beforeId IS NULL OR r.id < @beforeId)
    ORDER BY r.id DESC LIMIT @limit`);
  const selectAuthors = db.prepare(`SELECT DISTINCT r.author FROM revisions r JOIN segments s ON s.id = r.segment_id
    WHERE s.document_id = ? ORDER BY r.author`).pluck();

  // Runs inside the group's transaction, in its own savepoint.
  const append = ({ revision, now }: { revision: NewRevision; now: string }): AppendResult => {
    const row = selectSegment.get(revision.segmentId) as SegmentRow | undefined;
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.revision !== revision.expectedRevision) return { ok: false, reason: 'conflict', current: toSegment(row) };
    const number = row.revision + 1;
    const stored: Omit<RevisionRow, 'id'> = {
      segment_id: revision.segmentId, number, kind: revision.kind, patch: serializeTextPatch(revision.patch),
      checkpoint: revision.checkpoint, reverted_to: revision.revertedTo, author: revision.author, comment: revision.comment, created_at: now,
    };
    const inserted = insertRevision.run(stored);
    const status = revision.keepStatuses?.includes(row.status as SegmentStatus) ? row.status : revision.status;
    updateSegment.run(revision.text, status, number, now, revision.segmentId, row.revision);
    touchDocument.run(now, row.document_id);
    // The rows as just written, without reading them back: the statements succeeded, so the
    // stored values are exactly these (a test compares them with a fresh read).
    return {
      ok: true,
      segment: toSegment({ ...row, text: revision.text, status, revision: number, updated_at: now }),
      revision: toRevision({ ...stored, id: Number(inserted.lastInsertRowid) }),
    };
  };
  const appends = createGroupCommit(db, append);

  return {
    appends,
    append(revision) {
      return appends.submit({ revision, now: new Date().toISOString() });
    },
    async listBySegment(segmentId) {
      return (selectBySegment.all(segmentId) as RevisionRow[]).map(toRevision);
    },
    async listRange(segmentId, from, to) {
      return (selectRange.all(segmentId, from, to) as RevisionRow[]).map(toRevision);
    },
    async listByDocument(documentId) {
      return (selectByDocument.all(documentId) as RevisionRow[]).map(toRevision);
    },
    async listTimeline(documentId, { author, limit, beforeId }) {
      const rows = selectTimeline.all({ documentId, author: author ?? null, beforeId: beforeId ?? null, limit }) as RevisionRow[];
      return rows.map(toRevision);
    },
    async listAuthors(documentId) {
      return selectAuthors.all(documentId) as string[];
    },
  };
}

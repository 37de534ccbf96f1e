import { parseTextPatch } from '../../history/text-patch.js';
import type { DocumentRecord, DocumentWithText, RevisionRecord, SegmentRecord, SegmentRole, SegmentStatus, RevisionKind } from '../../model.js';

/** Column lists and row mappers shared by the SQLite repositories. */

export const SEGMENT_COLUMNS = `id, document_id, position, paragraph, start_offset, end_offset,
  role, original, text, status, revision, updated_at`;

export const REVISION_COLUMNS = `id, segment_id, number, kind, patch, checkpoint, reverted_to,
  author, comment, created_at`;

// Without original_text and source_text: those can weigh megabytes, and most reads need neither.
export const DOCUMENT_COLUMNS = 'id, title, target_language, detected_language, source_language, revision_sum, created_at, updated_at';

export interface DocumentRow {
  id: number; title: string; target_language: string; detected_language: string;
  created_at: string; updated_at: string; source_language: string | null;
  /** bigint in PostgreSQL, which pg hands over as a string. */
  revision_sum: number | string;
}

export interface SegmentRow {
  id: number; document_id: number; position: number; paragraph: number; start_offset: number;
  end_offset: number; role: string; original: string; text: string; status: string; revision: number; updated_at: string;
}

export interface RevisionRow {
  id: number; segment_id: number; number: number; kind: string; patch: string; checkpoint: string | null;
  reverted_to: number | null; author: string; comment: string | null; created_at: string;
}

export function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    targetLanguage: row.target_language,
    detectedLanguage: row.detected_language,
    sourceLanguage: row.source_language,
    revisionSum: Number(row.revision_sum),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDocumentWithText(row: DocumentRow & { original_text: string }): DocumentWithText {
  return { ...toDocument(row), originalText: row.original_text };
}

export function toSegment(row: SegmentRow): SegmentRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    position: row.position,
    paragraph: row.paragraph,
    start: row.start_offset,
    end: row.end_offset,
    role: row.role as SegmentRole,
    original: row.original,
    text: row.text,
    status: row.status as SegmentStatus,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

export function toRevision(row: RevisionRow): RevisionRecord {
  return {
    id: row.id,
    segmentId: row.segment_id,
    number: row.number,
    kind: row.kind as RevisionKind,
    patch: parseTextPatch(row.patch),
    checkpoint: row.checkpoint,
    revertedTo: row.reverted_to,
    author: row.author,
    comment: row.comment,
    createdAt: row.created_at,
  };
}

import type { Generated } from 'kysely';
import { parseTextPatch } from '../history/text-patch.js';
import type {
  ActionKind, DocumentEventType, ImportedFile, JudgementRecord, JudgementSubjectKind, NewsroomRule, NewsroomRuleChangeRecord, RevisionKind,
  RevisionRecord, SegmentRole, SegmentStatus, StoredEnglishVariant, UserRole,
} from '../model.js';

/**
 * The tables as the query builder sees them (columns as stored, in snake_case), and the column
 * lists that read them as the domain records of src/model.ts: each column is selected under the
 * record's field name, in the record's field order, so most rows need no mapping at all.
 */
export interface Schema {
  documents: {
    id: Generated<number>; title: string; target_language: string; detected_language: string; original_text: string;
    source_text: string | null; source_language: string | null; revision_sum: Generated<number>; created_at: string; updated_at: string;
    imported_format: ImportedFile['format'] | null; imported_file: string | null; last_author: Generated<string>; archived_at: string | null;
    segment_count: Generated<number>; set_aside_count: Generated<number>; to_review_count: Generated<number>; edited_count: Generated<number>;
    approved_count: Generated<number>; excluded_count: Generated<number>; corrected_count: Generated<number>;
    open_flag_count: Generated<number>; flagged_count: Generated<number>;
    analysis_version: Generated<number>; analysed_version: Generated<number>; analysed_with: string | null; stale_reason: string | null;
    english_variant: StoredEnglishVariant | null; variant_chosen_by: string | null;
  };
  newsroom_rules: {
    id: Generated<number>; kind: NewsroomRule['kind']; phrase: string; check_id: string | null; replacement: string | null; example: string | null;
    note: string; document_id: number | null; author: string; created_at: string; updated_by: string; updated_at: string;
  };
  /** `rule` is the JSON of the rule (NewsroomRule) after the change, before it for a deletion. */
  newsroom_rule_changes: { id: Generated<number>; rule_id: number; action: NewsroomRuleChangeRecord['action']; rule: string; author: string; created_at: string };
  judgement_counts: {
    subject_kind: JudgementSubjectKind; subject_id: string; confirmed: Generated<number>; dismissed: Generated<number>;
    override: JudgementRecord['override']; override_by: string | null;
  };
  segments: {
    id: Generated<number>; document_id: number; position: number; paragraph: number; start_offset: number; end_offset: number;
    role: SegmentRole; original: string; text: string; status: SegmentStatus; revision: number; updated_at: string;
    open_flags: Generated<number>;
  };
  /** `flags` is the JSON array of the flags found in the sentence's text at `revision`. */
  segment_analyses: { segment_id: number; revision: number; flags: string };
  open_flags: { segment_id: number; document_id: number; position: number; check_id: string; category: string; severity: string };
  revisions: {
    id: Generated<number>; segment_id: number; number: number; kind: RevisionKind; patch: string; checkpoint: string | null;
    reverted_to: number | null; author: string; comment: string | null; created_at: string;
  };
  flag_dismissals: { id: Generated<number>; segment_id: number; check_id: string; span_text: string; author: string; created_at: string };
  actions: { id: Generated<number>; kind: ActionKind; author: string; undoes: number | null; created_at: string };
  document_events: {
    id: Generated<number>; document_id: number; segment_id: number | null; action_id: number | null; type: DocumentEventType;
    author: string; created_at: string; revision: number | null; status: SegmentStatus | null; previous_status: SegmentStatus | null;
    check_id: string | null; span_text: string | null; body: string | null; undoes_event: number | null;
  };
  presence: { document_id: number; segment_id: number; author: string; expires_at: string };
  /** `disabled` is 0 or 1 in SQLite, a BOOLEAN in PostgreSQL. */
  users: {
    id: Generated<number>; name: string; password_hash: string; role: UserRole; disabled: Generated<number | boolean>; created_at: string;
  };
  sessions: { token_hash: string; user_id: number; csrf_token: string; created_at: string; expires_at: string };
  api_tokens: {
    id: Generated<number>; user_id: number; label: string; token_hash: string; created_at: string;
    last_used_at: string | null; revoked_at: string | null;
  };
  source_sentences: { id: Generated<number>; document_id: number; position: number; start_offset: number; end_offset: number; text: string };
  segment_sources: { segment_id: number; source_sentence_id: number };
}

// Without original_text, source_text and imported_file: those can weigh megabytes, and most reads need none.
export const DOCUMENT = [
  'documents.id', 'documents.title', 'documents.target_language as targetLanguage', 'documents.detected_language as detectedLanguage',
  'documents.source_language as sourceLanguage', 'documents.revision_sum as revisionSum', 'documents.created_at as createdAt',
  'documents.updated_at as updatedAt', 'documents.last_author as lastAuthor', 'documents.archived_at as archivedAt',
  'documents.english_variant as englishVariant', 'documents.variant_chosen_by as variantChosenBy',
] as const;

export const NEWSROOM_RULE = [
  'newsroom_rules.id', 'newsroom_rules.kind', 'newsroom_rules.phrase', 'newsroom_rules.check_id as checkId',
  'newsroom_rules.replacement', 'newsroom_rules.example', 'newsroom_rules.note', 'newsroom_rules.document_id as documentId',
  'newsroom_rules.author', 'newsroom_rules.created_at as createdAt', 'newsroom_rules.updated_by as updatedBy', 'newsroom_rules.updated_at as updatedAt',
] as const;

export const JUDGEMENT = [
  'judgement_counts.subject_kind as kind', 'judgement_counts.subject_id as id', 'judgement_counts.confirmed', 'judgement_counts.dismissed',
  'judgement_counts.override', 'judgement_counts.override_by as overrideBy',
] as const;

export const SEGMENT = [
  'segments.id', 'segments.document_id as documentId', 'segments.position', 'segments.paragraph', 'segments.start_offset as start',
  'segments.end_offset as end', 'segments.role', 'segments.original', 'segments.text', 'segments.status', 'segments.revision',
  'segments.updated_at as updatedAt',
] as const;

/** A document's review counters, read as ReviewCounts. */
export const COUNTS = [
  'documents.segment_count as total', 'documents.set_aside_count as setAside', 'documents.to_review_count as toReview',
  'documents.edited_count as edited', 'documents.approved_count as approved', 'documents.excluded_count as excluded',
  'documents.corrected_count as corrected', 'documents.open_flag_count as openFlags', 'documents.flagged_count as flagged',
] as const;

/** A revision's columns; its patch is stored as JSON text and parsed by `toRevision`. */
export const REVISION = [
  'revisions.id', 'revisions.segment_id as segmentId', 'revisions.number', 'revisions.kind', 'revisions.patch', 'revisions.checkpoint',
  'revisions.reverted_to as revertedTo', 'revisions.author', 'revisions.comment', 'revisions.created_at as createdAt',
] as const;

export const DISMISSAL = [
  'flag_dismissals.id', 'flag_dismissals.segment_id as segmentId', 'flag_dismissals.check_id as checkId',
  'flag_dismissals.span_text as spanText', 'flag_dismissals.author', 'flag_dismissals.created_at as createdAt',
] as const;

/**
 * An event's columns, read from `document_events` joined (left) with its action as `actions` and
 * with the event that undid it as `undos`: see `selectEvents` in document-event-repository.ts.
 */
export const EVENT = [
  'document_events.id', 'document_events.document_id as documentId', 'document_events.segment_id as segmentId',
  'document_events.action_id as actionId', 'actions.kind as actionKind', 'actions.undoes as undoesAction', 'document_events.type',
  'document_events.author', 'document_events.created_at as createdAt', 'document_events.revision', 'document_events.status',
  'document_events.previous_status as previousStatus', 'document_events.check_id as checkId', 'document_events.span_text as spanText',
  'document_events.body', 'document_events.undoes_event as undoesEvent', 'undos.id as undoneBy',
] as const;

export const ACTION = ['actions.id', 'actions.kind', 'actions.author', 'actions.undoes', 'actions.created_at as createdAt'] as const;

export const PRESENCE = [
  'presence.document_id as documentId', 'presence.segment_id as segmentId', 'presence.author', 'presence.expires_at as expiresAt',
] as const;

/** A user's columns; `disabled` becomes a boolean in `toUser`. */
export const USER = ['users.id', 'users.name', 'users.role', 'users.disabled', 'users.created_at as createdAt'] as const;

export const TOKEN = [
  'api_tokens.id', 'api_tokens.user_id as userId', 'api_tokens.label', 'api_tokens.created_at as createdAt',
  'api_tokens.last_used_at as lastUsedAt', 'api_tokens.revoked_at as revokedAt',
] as const;

export const SOURCE_SENTENCE = [
  'source_sentences.id', 'source_sentences.document_id as documentId', 'source_sentences.position',
  'source_sentences.start_offset as start', 'source_sentences.end_offset as end', 'source_sentences.text',
] as const;

export function toRevision(row: Omit<RevisionRecord, 'patch'> & { patch: string }): RevisionRecord {
  return { ...row, patch: parseTextPatch(row.patch) };
}

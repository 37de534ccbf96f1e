import type { TextPatch } from '../history/text-patch.js';
import type {
  SegmentRole, SegmentStatus, RevisionKind, DocumentRecord, DocumentWithText, DocumentSummary, SegmentRecord, RevisionRecord, DismissalRecord,
  SegmentEventRecord, UserRole, UserRecord, ApiTokenRecord, SourceSentenceRecord, ImportedFile, AnalysedSegmentRecord, DocumentAnalysisState,
  FlagRecord } from '../model.js';

/**
 * The storage interface every backend implements. Methods are async even over better-sqlite3
 * so that a PostgreSQL backend can implement the same contract; every method that writes
 * more than one row is atomic.
 */
export interface Storage {
  readonly documents: DocumentRepository;
  readonly segments: SegmentRepository;
  readonly revisions: RevisionRepository;
  readonly dismissals: DismissalRepository;
  readonly events: SegmentEventRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly sources: SourceRepository;
  readonly analyses: AnalysisRepository;
  close(): Promise<void>;
}

export interface NewSegment {
  position: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  role: SegmentRole;
  status: SegmentStatus;
}

export interface NewDocument {
  title: string;
  targetLanguage: string;
  detectedLanguage: string;
  originalText: string;
  author: string;
  segments: readonly NewSegment[];
  /** The file, for a format whose export writes back into it (XLIFF). */
  importedFile?: ImportedFile | undefined;
}

export interface DocumentRepository {
  /** Insert a document, its segments and each segment's revision 0 in one transaction. */
  create(document: NewDocument): Promise<DocumentRecord>;
  get(id: number): Promise<DocumentRecord | undefined>;
  getWithText(id: number): Promise<DocumentWithText | undefined>;
  /** The file the document was imported from, when it was kept; undefined otherwise. */
  getImportedFile(id: number): Promise<ImportedFile | undefined>;
  /** Documents newest first, a page at a time, optionally only those whose title contains `search` (any case). */
  list(options?: { limit?: number; offset?: number; search?: string }): Promise<DocumentSummary[]>;
  /** How many documents there are (whose title contains `search`, when given). */
  count(options?: { search?: string }): Promise<number>;
  /** The ids of every document, oldest first (for work across all documents). */
  listIds(): Promise<number[]>;
}

export interface SegmentRepository {
  get(id: number): Promise<SegmentRecord | undefined>;
  listByDocument(documentId: number): Promise<SegmentRecord[]>;
}

export interface NewRevision {
  segmentId: number;
  /** The revision the change was made against; the append fails when the segment has moved on. */
  expectedRevision: number;
  kind: Exclude<RevisionKind, 'import'>;
  text: string;
  /** The flags found in `text`, stored with the revision; left out, the sentence has no current flags until analysed. */
  flags?: readonly FlagRecord[] | undefined;
  patch: TextPatch;
  checkpoint: string | null;
  revertedTo: number | null;
  status: SegmentStatus;
  /**
   * A segment in one of these statuses keeps it instead of taking `status`. Decided inside the
   * append's transaction, from the row it writes, so a status set by someone else just before
   * the save commits is not overwritten.
   */
  keepStatuses?: readonly SegmentStatus[];
  author: string;
  comment: string | null;
}

export type AppendResult =
  | { ok: true; segment: SegmentRecord; revision: RevisionRecord }
  | { ok: false; reason: 'conflict'; current: SegmentRecord }
  | { ok: false; reason: 'not-found' };

export interface RevisionRepository {
  /** Compare-and-append: insert the revision and update the segment in one transaction, or report a conflict. */
  append(revision: NewRevision): Promise<AppendResult>;
  /** Every revision of a segment, oldest first. */
  listBySegment(segmentId: number): Promise<RevisionRecord[]>;
  /** Revisions `from`..`to` (inclusive) of a segment, oldest first. */
  listRange(segmentId: number, from: number, to: number): Promise<RevisionRecord[]>;
  /** Every revision of every segment of a document, by segment position then number. */
  listByDocument(documentId: number): Promise<RevisionRecord[]>;
  /** The revisions of a document's sentences, newest first, optionally by one author, at most `limit`. */
  listTimeline(documentId: number, options: { author?: string; limit: number; beforeId?: number }): Promise<RevisionRecord[]>;
  /** The authors who changed a document, for the timeline filter. */
  listAuthors(documentId: number): Promise<string[]>;
}

export interface DismissalRepository {
  /** Record a dismissal; dismissing the same flag twice keeps the first record. */
  add(dismissal: Pick<DismissalRecord, 'segmentId' | 'checkId' | 'spanText' | 'author'>): Promise<DismissalRecord>;
  listBySegment(segmentId: number): Promise<DismissalRecord[]>;
  /** The dismissals of a few sentences (a page's), oldest first. */
  listBySegments(segmentIds: readonly number[]): Promise<DismissalRecord[]>;
  listByDocument(documentId: number): Promise<DismissalRecord[]>;
}

export type StatusChangeResult =
  | { ok: true; segment: SegmentRecord; event: SegmentEventRecord }
  | { ok: false; reason: 'conflict'; current: SegmentRecord }
  | { ok: false; reason: 'not-found' };

export interface SegmentEventRepository {
  /** Set a sentence's status and record who did it, in one transaction; refused when the sentence moved past `expectedRevision`. */
  changeStatus(change: { segmentId: number; expectedRevision: number; status: SegmentStatus; author: string }): Promise<StatusChangeResult>;
  addComment(comment: { segmentId: number; body: string; author: string }): Promise<SegmentEventRecord>;
  listBySegment(segmentId: number): Promise<SegmentEventRecord[]>;
  listByDocument(documentId: number): Promise<SegmentEventRecord[]>;
}

export interface UserRepository {
  /** Create a user; undefined when the name is taken (names compare without case). */
  create(user: { name: string; passwordHash: string; role: UserRole }): Promise<UserRecord | undefined>;
  /** Create the first admin, only while there is no user at all (atomic: two racing requests cannot both win). */
  createFirstAdmin(user: { name: string; passwordHash: string }): Promise<UserRecord | undefined>;
  get(id: number): Promise<UserRecord | undefined>;
  /** The user and their password hash, for logging in. */
  findForLogin(name: string): Promise<(UserRecord & { passwordHash: string }) | undefined>;
  findByName(name: string): Promise<UserRecord | undefined>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
  setRole(id: number, role: UserRole): Promise<void>;
  setDisabled(id: number, disabled: boolean): Promise<void>;
  setPasswordHash(id: number, passwordHash: string): Promise<void>;
}

export interface SessionRecord {
  user: UserRecord;
  csrfToken: string;
  expiresAt: string;
}

/** One of a user's sessions as their account page lists it; the hash tells the caller's own session apart. */
export interface ListedSession {
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionRepository {
  create(session: { tokenHash: string; userId: number; csrfToken: string; expiresAt: string }): Promise<void>;
  /** The live session of this token hash with its user; expired sessions are not found. */
  find(tokenHash: string, now: string): Promise<SessionRecord | undefined>;
  /** A user's live sessions, newest first. */
  listByUser(userId: number, now: string): Promise<ListedSession[]>;
  extend(tokenHash: string, expiresAt: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Remove every session of a user (disabled, or password changed). */
  deleteForUser(userId: number): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface ApiTokenRepository {
  create(token: { userId: number; label: string; tokenHash: string }): Promise<ApiTokenRecord>;
  /** The user of a live (not revoked) token, marking it used (at most once a minute: a write per request would cost a commit). */
  findUser(tokenHash: string, now: string): Promise<UserRecord | undefined>;
  listByUser(userId: number): Promise<ApiTokenRecord[]>;
  /** Revoke one of the user's tokens; false when it is not theirs or already revoked. */
  revoke(id: number, userId: number, now: string): Promise<boolean>;
}

export interface NewSource {
  text: string;
  language: string;
  sentences: readonly { position: number; start: number; end: number; text: string }[];
  /** For each target segment, the positions (in `sentences`) of the source sentences it translates. */
  links: readonly { segmentId: number; sourcePositions: readonly number[] }[];
}

export interface SourceRepository {
  /** Attach (or replace) a document's source text, its sentences and their links, in one transaction; its stored flags go stale. */
  attach(documentId: number, source: NewSource): Promise<void>;
  listSentences(documentId: number): Promise<SourceSentenceRecord[]>;
  /** Every link of the document's segments to source sentences, by segment position then source position. */
  listLinks(documentId: number): Promise<{ segmentId: number; sourceSentenceId: number }[]>;
  /** The source sentences linked to each of a few segments (a page's): text joined by a space, by segment id. */
  listForSegments(segmentIds: readonly number[]): Promise<Map<number, string>>;
  /** Replace the source sentences one target segment is linked to (an editor correcting the alignment); the document's flags go stale. */
  setLinks(segmentId: number, sourceSentenceIds: readonly number[]): Promise<void>;
}

/** The flags found in one sentence's text at one revision. */
export interface SegmentFlags {
  segmentId: number;
  revision: number;
  flags: readonly FlagRecord[];
}

/**
 * Which of a document's sentences a page or a search wants; every field left out matches all.
 * Flags, categories, severities and checks are open flags (src/review/queue.ts).
 */
export interface SegmentQuery {
  /** Words in the current text or the machine translation, in any case (ASCII case on SQLite). */
  text?: string;
  /** Only sentences with an open flag. */
  flagged?: boolean;
  /** Only sentences to review: status "to-review" or an open flag. */
  toReview?: boolean;
  category?: string;
  severity?: string;
  checkId?: string;
  status?: SegmentStatus;
}

export interface AnalysisRepository {
  /**
   * Store the flags found in sentences' texts, each only while its sentence is still at that
   * revision (a save meanwhile wins), with the open-flag index and the counters, in one
   * transaction. `complete` also records that the document's flags are all current: computed with
   * the checks of that fingerprint at that analysis version. Answers how many were stored.
   */
  store(documentId: number, entries: readonly SegmentFlags[], complete?: { fingerprint: string; version: number }): Promise<number>;
  /** A document's counters and whether its stored flags are current. */
  getState(documentId: number): Promise<DocumentAnalysisState | undefined>;
  /**
   * Say that the stored flags of a document (or of every document) no longer hold: raises its
   * analysis version, so every server analyses it again before showing it.
   */
  markStale(target: number | 'every-document', reason: string): Promise<void>;
  getSegment(segmentId: number): Promise<AnalysedSegmentRecord | undefined>;
  /** Every sentence of a document with its stored flags, in order. */
  listByDocument(documentId: number): Promise<AnalysedSegmentRecord[]>;
  /** The sentences matching `query`, in order, `offset` of them skipped, at most `limit`. */
  listMatching(documentId: number, query: SegmentQuery, range: { offset: number; limit: number }): Promise<AnalysedSegmentRecord[]>;
  /** How many sentences match `query`, before `position` when given. */
  countMatching(documentId: number, query: SegmentQuery, before?: number): Promise<number>;
  /** The id of the nearest sentence matching `query` after (or before) `position`; null at the document's end. */
  findNearest(documentId: number, query: SegmentQuery, position: number, direction: 'next' | 'previous'): Promise<number | null>;
}

import type { TextPatch } from '../history/text-patch.js';
import type {
  ActionKind, ActionRecord, AnalysedSegmentRecord, ApiTokenRecord, DismissalRecord, DocumentAnalysisState, DocumentEventRecord, DocumentRecord,
  DocumentSummary, DocumentWithText, FlagRecord, JudgementRecord, JudgementSubjectKind, NewsroomRule, NewsroomRuleChangeRecord, NewsroomRuleRecord,
  ImportedFile, PresenceRecord, RevisionKind, RevisionRecord, SegmentRecord, SegmentRole,
  SegmentStatus, SourceSentenceRecord, StoredEnglishVariant, UserRecord, UserRole,
} from '../model.js';
import type { DocumentSignal } from './document-signals.js';

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
  /** The one way a sentence changes: an action and its changes, in one transaction. */
  readonly actions: ActionRepository;
  readonly events: DocumentEventRepository;
  readonly presence: PresenceRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly sources: SourceRepository;
  readonly analyses: AnalysisRepository;
  readonly rules: RuleRepository;
  readonly judgements: JudgementRepository;
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
  /** The English it is spelled in, as guessed at import; left out, unspecified. */
  englishVariant?: StoredEnglishVariant | undefined;
}

export interface DocumentRepository {
  /** Insert a document, its segments, each segment's revision 0 and the import's event in one transaction. */
  create(document: NewDocument): Promise<DocumentRecord>;
  get(id: number): Promise<DocumentRecord | undefined>;
  getWithText(id: number): Promise<DocumentWithText | undefined>;
  /** The file the document was imported from, when it was kept; undefined otherwise. */
  getImportedFile(id: number): Promise<ImportedFile | undefined>;
  /**
   * Documents newest first, a page at a time, optionally only those whose title contains `search`
   * (any case); archived ones only with `archived`, and then only those.
   */
  list(options?: DocumentQuery & { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  /** How many documents `list` would give without a limit. */
  count(options?: DocumentQuery): Promise<number>;
  /** The ids of every document, archived ones included, oldest first (for work across all documents). */
  listIds(): Promise<number[]>;
  /** Give a document a new title, recorded as an event; false when there is no such document. */
  rename(id: number, title: string, author: string): Promise<DocumentEventRecord | undefined>;
  /** Archive a document or bring it back, recorded as an event; undefined when there is no such document. */
  setArchived(id: number, archived: boolean, author: string): Promise<DocumentEventRecord | undefined>;
  /**
   * Delete a document and everything of it (sentences, revisions, dismissals, source, events,
   * presence, and the actions that changed nothing else); false when there is no such document.
   */
  delete(id: number): Promise<boolean>;
  /** Set the English variant an editor chose, recorded as a 'variant' event of the document's log; undefined for no such document. */
  setVariant(id: number, variant: StoredEnglishVariant, author: string): Promise<DocumentEventRecord | undefined>;
}

export interface DocumentQuery {
  search?: string;
  archived?: boolean;
}

export interface SegmentRepository {
  get(id: number): Promise<SegmentRecord | undefined>;
  listByDocument(documentId: number): Promise<SegmentRecord[]>;
}

/** A new text for a sentence, made against the revision the editor saw. */
export interface RevisionChange {
  type: 'revision';
  segmentId: number;
  /** The revision the change was made against; the change is refused when the sentence has moved on. */
  expectedRevision: number;
  /** When given, the change is also refused unless the sentence still has this status (an undo). */
  expectedStatus?: SegmentStatus;
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
   * transaction, from the row it writes, so a status set by someone else just before the change
   * commits is not overwritten.
   */
  keepStatuses?: readonly SegmentStatus[];
  comment: string | null;
  undoesEvent?: number;
}

/** A status set on a sentence at the revision the editor saw. */
export interface StatusChange {
  type: 'status';
  segmentId: number;
  expectedRevision: number;
  expectedStatus?: SegmentStatus;
  status: SegmentStatus;
  undoesEvent?: number;
}

/** A flag dismissed (refused when it already is), or a dismissal withdrawn (refused when there is none). */
export interface DismissalChange {
  type: 'dismissal' | 'dismissal-restore';
  segmentId: number;
  checkId: string;
  spanText: string;
  undoesEvent?: number;
}

export type SentenceChange = RevisionChange | StatusChange | DismissalChange;

export interface NewAction {
  kind: ActionKind;
  author: string;
  /** For an undo, the action it undoes. */
  undoes?: number | null;
}

/** How one change of an action went: made (with the event that records it), or refused and why. */
export type ChangeOutcome =
  | { ok: true; segment: SegmentRecord; event: DocumentEventRecord; revision: RevisionRecord | null; dismissal: DismissalRecord | null }
  | { ok: false; reason: 'conflict'; current: SegmentRecord }
  | { ok: false; reason: 'not-found' };

export interface RecordedAction {
  /** The action, or null when none of its changes could be made (then nothing was written). */
  action: ActionRecord | null;
  /** One outcome per change, in the order given. */
  outcomes: ChangeOutcome[];
}

export interface ActionRepository {
  /**
   * Make the changes of one action in one transaction: each is made when the sentence is as the
   * change expects it (its revision, its status; a dismissal absent or present), and refused
   * otherwise without stopping the others. Every change made is recorded as a document event
   * naming the action, and the documents touched learn their last author, time and revision sum;
   * committed, it is announced to every server watching (see DocumentEventRepository.watch).
   */
  record(action: NewAction, changes: readonly SentenceChange[]): Promise<RecordedAction>;
  get(id: number): Promise<ActionRecord | undefined>;
  /** The events of an action, in the order they were made. */
  listEvents(actionId: number): Promise<DocumentEventRecord[]>;
}

export interface RevisionRepository {
  /** Every revision of a segment, oldest first. */
  listBySegment(segmentId: number): Promise<RevisionRecord[]>;
  /** Revisions `from`..`to` (inclusive) of a segment, oldest first. */
  listRange(segmentId: number, from: number, to: number): Promise<RevisionRecord[]>;
  /** Every revision of every segment of a document, by segment position then number. */
  listByDocument(documentId: number): Promise<RevisionRecord[]>;
  /** Every revision of these segments (a page of a document's), by segment id then number. */
  listBySegments(segmentIds: readonly number[]): Promise<RevisionRecord[]>;
}

/** The dismissals in force (a restore removes one; the history of both is in the document events). */
export interface DismissalRepository {
  get(id: number): Promise<DismissalRecord | undefined>;
  listBySegment(segmentId: number): Promise<DismissalRecord[]>;
  /** The dismissals of a few sentences (a page's), oldest first. */
  listBySegments(segmentIds: readonly number[]): Promise<DismissalRecord[]>;
  listByDocument(documentId: number): Promise<DismissalRecord[]>;
}

export interface DocumentEventRepository {
  /** Add a comment to a sentence's history; undefined when there is no such sentence. */
  addComment(comment: { segmentId: number; body: string; author: string }): Promise<DocumentEventRecord | undefined>;
  /** A document's events after `afterId`, oldest first, at most `limit`: what a stream has not sent yet. */
  listAfter(documentId: number, afterId: number, limit: number): Promise<DocumentEventRecord[]>;
  /** The id of a document's newest event; 0 when it has none. */
  latestId(documentId: number): Promise<number>;
  /** The events of one sentence, oldest first. */
  listBySegment(segmentId: number): Promise<DocumentEventRecord[]>;
  /** A document's events newest first, optionally by one author, before an event id, at most `limit`. */
  listTimeline(documentId: number, options: { author?: string; beforeId?: number; limit: number }): Promise<DocumentEventRecord[]>;
  /** The authors of a document's events, for the timeline filter. */
  listAuthors(documentId: number): Promise<string[]>;
  /**
   * Hear of every committed change to any document of this database, made through this storage or
   * any other on the same database (another server): new events, a changed presence list, a
   * deletion; `resync` when some may have been missed. Returns the way to stop.
   */
  watch(listener: (signal: DocumentSignal) => void): () => void;
}

/** Who has which sentence open in an editor; every change is announced as a `presence` signal. */
export interface PresenceRepository {
  /** Say `author` has the sentence open until `expiresAt` (saying it again extends it). */
  open(presence: PresenceRecord): Promise<void>;
  /** Say `author` closed the sentence. */
  close(presence: Omit<PresenceRecord, 'expiresAt'>): Promise<void>;
  /** Who has which sentence of a document open at `now`, by author then sentence. */
  list(documentId: number, now: string): Promise<PresenceRecord[]>;
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
  /**
   * Change a user's role, unless that leaves no active admin: the check and the change are one
   * transaction under a lock, so two admins demoting each other at the same instant cannot both succeed.
   */
  setRole(id: number, role: UserRole): Promise<UserUpdate>;
  /** Disable or enable a user, under the same rule as setRole. */
  setDisabled(id: number, disabled: boolean): Promise<UserUpdate>;
  setPasswordHash(id: number, passwordHash: string): Promise<void>;
}

export type UserUpdate = { ok: true; user: UserRecord } | { ok: false; reason: 'last-admin' | 'not-found' };

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
  /** Who attached it, for the document's history. */
  author: string;
  text: string;
  language: string;
  sentences: readonly { position: number; start: number; end: number; text: string }[];
  /** For each target segment, the positions (in `sentences`) of the source sentences it translates. */
  links: readonly { segmentId: number; sourcePositions: readonly number[] }[];
}

export interface SourceRepository {
  /** Attach (or replace) a document's source text, its sentences and their links, in one transaction, recorded as an event; its stored flags go stale. */
  attach(documentId: number, source: NewSource): Promise<void>;
  listSentences(documentId: number): Promise<SourceSentenceRecord[]>;
  /** Every link of the document's segments to source sentences, by segment position then source position. */
  listLinks(documentId: number): Promise<{ segmentId: number; sourceSentenceId: number }[]>;
  /** The source sentences linked to each of a few segments (a page's): text joined by a space, by segment id. */
  listForSegments(segmentIds: readonly number[]): Promise<Map<number, string>>;
  /** Replace the source sentences one target segment is linked to (an editor correcting the alignment), recorded as an event; the document's flags go stale. */
  setLinks(segmentId: number, sourceSentenceIds: readonly number[], author: string): Promise<void>;
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

export interface RuleRepository {
  /** Add a rule and record the change, in one transaction. */
  create(rule: NewsroomRule, author: string): Promise<NewsroomRuleRecord>;
  /** Add several rules (an import) and record each, in one transaction: all or none. */
  createMany(rules: readonly NewsroomRule[], author: string): Promise<NewsroomRuleRecord[]>;
  /** Replace what a rule says and record the change; undefined when there is no such rule. */
  update(id: number, rule: NewsroomRule, author: string): Promise<NewsroomRuleRecord | undefined>;
  /** Delete a rule and record it as it was; undefined when there is no such rule. */
  delete(id: number, author: string): Promise<NewsroomRuleRecord | undefined>;
  get(id: number): Promise<NewsroomRuleRecord | undefined>;
  /** Every rule, newsroom-wide first, then by document, oldest first. */
  list(): Promise<NewsroomRuleRecord[]>;
  /** The rules that hold in one document: the newsroom's and its own, oldest first. */
  listForDocument(documentId: number): Promise<NewsroomRuleRecord[]>;
  /** The latest changes to the rules, newest first. */
  listChanges(limit: number): Promise<NewsroomRuleChangeRecord[]>;
}

export interface JudgementRepository {
  /** Every check's and entry's counts, by kind then id. */
  list(): Promise<JudgementRecord[]>;
  /**
   * The subjects whose suggestions are hints by the counts (at least `minJudged` judgements and
   * confirmed under `maxPrecision` of them) or by an admin's override, minus those overridden to one-key.
   */
  listHinted(policy: { minJudged: number; maxPrecision: number }): Promise<{ kind: JudgementSubjectKind; id: string }[]>;
  /** An admin's word on a subject's suggestions ('hint', 'one-key', or null to follow the counts). */
  setOverride(kind: JudgementSubjectKind, id: string, override: JudgementRecord['override'], author: string): Promise<void>;
}

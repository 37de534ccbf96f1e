import type { TextPatch } from './history/text-patch.js';

/**
 * The domain model: what Retouche stores and shows, in one place that storage, services and
 * web all import. Plain data, no behaviour; the storage contract (src/storage/types.ts) reads
 * and writes these shapes.
 */

/**
 * What a segment is on the page: `body`, `heading` and `caption` (one the file marks as such) are
 * article text; the rest is page furniture (PAGE_NOISE_ROLES).
 */
export type SegmentRole =
  | 'body'
  | 'heading'
  | 'caption'
  /** The caption of a photo, told by the photo credit beside it: it describes the picture, not the news. */
  | 'photo-caption'
  | 'credit'
  | 'separator'
  | 'section-label'
  | 'teaser'
  | 'tag';

/**
 * Roles of page furniture rather than article text: photo captions and credits, separators,
 * section labels, related-article teasers and tag lists. Set aside at import (excluded) and left
 * out of exports unless an editor brings them back.
 */
export const PAGE_NOISE_ROLES: ReadonlySet<SegmentRole> = new Set<SegmentRole>([
  'photo-caption', 'credit', 'separator', 'section-label', 'teaser', 'tag',
]);

/** Where a sentence stands in review. */
export type SegmentStatus = 'to-review' | 'edited' | 'approved' | 'excluded';

/** How a revision came about: the import (revision 0), an editor's change, or a restore of an earlier text. */
export type RevisionKind = 'import' | 'edit' | 'revert';

export interface DocumentRecord {
  id: number;
  title: string;
  targetLanguage: string;
  detectedLanguage: string;
  /** The language of the original article, when an editor attached it. */
  sourceLanguage: string | null;
  /**
   * The sum of its sentences' revision numbers: every saved revision raises it by one, in the
   * same transaction, so an unchanged sum says no sentence's text changed.
   */
  revisionSum: number;
  /** The English it is spelled in; null for a document stored before variants were (then guessed at each analysis). */
  englishVariant: StoredEnglishVariant | null;
  /** Who chose the variant; null when it was guessed at import from the text's own spellings. */
  variantChosenBy: string | null;
  createdAt: string;
  /** When the document last changed (any event), and who changed it. */
  updatedAt: string;
  lastAuthor: string;
  /** When an admin archived it (hidden from the list), null while it is in use. */
  archivedAt: string | null;
}

/**
 * The English a document follows, as stored: American, British, or not said. Spelling-variant
 * flags fire only for a chosen variant; 'unspecified' judges no spelling variant.
 */
export type StoredEnglishVariant = 'us' | 'uk' | 'unspecified';

/**
 * A document with the text it was imported from. Only exports and comparisons need that text,
 * and it can weigh megabytes, so reading a document for a page or a save leaves it out.
 */
export interface DocumentWithText extends DocumentRecord {
  originalText: string;
}

/** A file an article was imported from and whose export writes back into it: only XLIFF, so far. */
export interface ImportedFile {
  format: 'xliff';
  /** The file as it came (decoded from UTF-8, byte-order mark and line ends kept). */
  content: string;
}

export interface DocumentSummary {
  id: number;
  title: string;
  targetLanguage: string;
  detectedLanguage: string;
  createdAt: string;
  updatedAt: string;
  lastAuthor: string;
  archivedAt: string | null;
  segmentCount: number;
  /** Sentences whose current text differs from the machine translation. */
  correctedCount: number;
  /** The review counters (src/review/queue.ts). */
  counts: ReviewCounts;
}

export interface SegmentRecord {
  id: number;
  documentId: number;
  position: number;
  paragraph: number;
  start: number;
  end: number;
  role: SegmentRole;
  original: string;
  text: string;
  status: SegmentStatus;
  revision: number;
  updatedAt: string;
}

/**
 * A finding as stored with its sentence: the fields the review queue, its filters and dismissals
 * read. The checks' flags (Flag in src/checks/types.ts) carry more (message, suggestions, hint),
 * stored and given back as they are.
 */
export interface FlagRecord {
  checkId: string;
  /** The lexicon entry or newsroom rule behind the flag (`rule-<id>`), when there is one. */
  entryId?: string | null;
  category: string;
  severity: string;
  start: number;
  end: number;
}

/** A sentence with its stored analysis and its place in the review queue. */
export interface AnalysedSegmentRecord extends SegmentRecord {
  /** What the checks found in the current text; null when the stored analysis is of another revision (or none yet). */
  flags: FlagRecord[] | null;
  /** Flags neither dismissed nor closed by approving or excluding the sentence (see src/review/queue.ts). */
  openFlags: number;
}

/** A document's review counters, kept in the transaction of every change (src/storage/segment-queue.ts). */
export interface ReviewCounts {
  total: number;
  /** Page noise the import set aside (a noise role, still excluded): neither to review nor reviewed. */
  setAside: number;
  /** Sentences with the status "to-review" or an open flag. */
  toReview: number;
  edited: number;
  approved: number;
  excluded: number;
  /** Sentences whose current text differs from the machine translation. */
  corrected: number;
  openFlags: number;
  /** Sentences with at least one open flag. */
  flagged: number;
}

/**
 * Whether a document's stored flags are current. Anything the flags depend on besides the text
 * of each sentence (the attached source and its links, the English variant, newsroom rules)
 * raises `version` when it changes; the flags are current when they were computed at that
 * version with the checks the server runs (`analysedWith`, a fingerprint of their code and data).
 */
export interface DocumentAnalysisState {
  analysedWith: string | null;
  version: number;
  analysedVersion: number;
  /** Why the flags went stale last, for logs and diagnostics. */
  staleReason: string | null;
  counts: ReviewCounts;
}

export interface RevisionRecord {
  id: number;
  segmentId: number;
  number: number;
  kind: RevisionKind;
  patch: TextPatch;
  checkpoint: string | null;
  revertedTo: number | null;
  author: string;
  comment: string | null;
  createdAt: string;
}

export interface DismissalRecord {
  id: number;
  segmentId: number;
  checkId: string;
  /** The flagged words when the flag was dismissed; the same check on the same words stays dismissed. */
  spanText: string;
  author: string;
  createdAt: string;
}

/**
 * What one key or one click did, as one thing an editor can undo: a save, an applied suggestion, a
 * status, a dismissal or its restore, a restored version, a search-and-replace or propagation
 * batch, an admin's undo of an author's edits, or an undo itself. Its changes are the document
 * events that name it.
 */
export type ActionKind =
  | 'save'
  | 'suggestion'
  | 'revert'
  | 'status'
  | 'dismissal'
  | 'dismissal-restore'
  | 'replace'
  | 'propagation'
  | 'revert-author'
  | 'undo';

export interface ActionRecord {
  id: number;
  kind: ActionKind;
  author: string;
  /** For an undo, the action it undid (null once that action's document was deleted). */
  undoes: number | null;
  createdAt: string;
}

/**
 * What happened to a document, in the order it happened: its import, each revision of a sentence,
 * each status set, comment, dismissal and restore of a dismissal, a rename, archiving, a source
 * attached or relinked, its English variant chosen, a newsroom rule of its own added, changed or deleted. Append-only: the live stream, the timeline, a sentence's history and the
 * undo of an action all read it.
 */
export type DocumentEventType =
  | 'import'
  | 'revision'
  | 'status'
  | 'comment'
  | 'dismissal'
  | 'dismissal-restore'
  | 'rename'
  | 'archive'
  | 'unarchive'
  | 'source'
  | 'variant'
  | 'rule';

export interface DocumentEventRecord {
  /** Ordered: within a document, a later event has a larger id (the stream resumes from one). */
  id: number;
  documentId: number;
  /** The sentence, for the events of one sentence. */
  segmentId: number | null;
  /** The action the event is part of; null for comments, renames, imports and events older than actions. */
  actionId: number | null;
  actionKind: ActionKind | null;
  /** For an event of an undo: the action undone. */
  undoesAction: number | null;
  type: DocumentEventType;
  author: string;
  createdAt: string;
  /** The sentence's revision after the event (a revision event: the revision it made). */
  revision: number | null;
  /** The sentence's status after the event, and before it (null for events older than actions). */
  status: SegmentStatus | null;
  previousStatus: SegmentStatus | null;
  /** The flag of a dismissal or its restore. */
  checkId: string | null;
  spanText: string | null;
  /** A comment's text, a new title, the title at import, the variant chosen (a StoredEnglishVariant), the phrase of a rule. */
  body: string | null;
  /** For an event of an undo: the event it undid. */
  undoesEvent: number | null;
  /** The event that undid this one, if any. */
  undoneBy: number | null;
}

/** Someone with a sentence open in their editor, until `expiresAt` unless they say so again. */
export interface PresenceRecord {
  documentId: number;
  segmentId: number;
  author: string;
  expiresAt: string;
}

export type UserRole = 'viewer' | 'editor' | 'admin';

export interface UserRecord {
  id: number;
  name: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SourceSentenceRecord {
  id: number;
  documentId: number;
  position: number;
  start: number;
  end: number;
  text: string;
}

/**
 * A newsroom rule: editors' knowledge the checks apply to every document, or to one.
 * - `ignore`: never flag `phrase` (a name, a house term), for one check (`checkId`) or all;
 * - `suggest`: always flag `phrase` and suggest `replacement` (a custom lexicon entry), made from
 *   `example`, a sentence it must flag.
 */
export interface NewsroomRuleRecord {
  id: number;
  kind: 'ignore' | 'suggest';
  phrase: string;
  /** For `ignore`: only this check's flags; null for every check. */
  checkId: string | null;
  /** For `suggest`: what to write instead of `phrase`. */
  replacement: string | null;
  /** For `suggest`: the sentence the rule was made from; the rule must flag it. */
  example: string | null;
  /** Why, in the editor's words (may be empty). */
  note: string;
  /** The document the rule holds in; null for the whole newsroom. */
  documentId: number | null;
  author: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** What a rule says, without who made it when. */
export type NewsroomRule = Pick<NewsroomRuleRecord, 'kind' | 'phrase' | 'checkId' | 'replacement' | 'example' | 'note' | 'documentId'>;

/** One change to the rules, kept so that every change says who made it and what the rule was. */
export interface NewsroomRuleChangeRecord {
  id: number;
  ruleId: number;
  action: 'create' | 'update' | 'delete';
  /** The rule after the change (before it, for a deletion). */
  rule: NewsroomRule;
  author: string;
  createdAt: string;
}

/** What judges a flag's subject: a check, or a lexicon entry or newsroom rule (`entryId`). */
export type JudgementSubjectKind = 'check' | 'entry';

/**
 * How editors judged the flags of one check or entry, counted as they judge: `confirmed` flags
 * whose words they changed while keeping most of the sentence (src/review/confirmed-flag.ts),
 * `dismissed` ones they called false alarms. `override` is an admin's word on whether its
 * suggestions are hints, over what the counts say.
 */
export interface JudgementRecord {
  kind: JudgementSubjectKind;
  id: string;
  confirmed: number;
  dismissed: number;
  override: 'hint' | 'one-key' | null;
  overrideBy: string | null;
}

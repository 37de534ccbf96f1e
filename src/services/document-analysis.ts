import { analyzeSegment, createCheckContext, scoreRisk, type SegmentAnalysis } from '../checks/run.js';
import type { CheckContext, Flag } from '../checks/types.js';
import type { Storage } from '../storage/types.js';
import type { DismissalRecord, DocumentRecord, SegmentRecord } from '../model.js';
import { guessEnglishVariant, variantOfLanguageTag, type EnglishVariant } from '../text/english-variant.js';
import { found } from './errors.js';
import { BoundedCache } from './bounded-cache.js';
import { loadDocumentSources, type DocumentSources } from './document-sources.js';
import { getDocument } from './documents.js';

/** A sentence with what the checks say about its current text. */
export interface AnalyzedSegment extends SegmentRecord {
  /** Open flags, sorted by offset. */
  flags: Flag[];
  /** Flags an editor dismissed as false alarms; they stay dismissed while the flagged words stay. */
  dismissedFlags: Flag[];
  /** Sum of the open flags' severity weights: 0 means nothing to look at. */
  risk: number;
  /** The aligned source sentence(s), '' when the document has no source or the sentence none. */
  source: string;
}

export interface AnalyzedDocument {
  document: DocumentRecord;
  segments: AnalyzedSegment[];
}

/** The English spelling a document follows: chosen by an editor, or `unspecified` (spelling variants are then not judged). */
export type EnglishVariantChoice = EnglishVariant | 'unspecified';

/** What an analysis may be told beyond the stored document. */
export interface AnalysisOptions {
  /** The document's chosen variant; when absent, the variant its target language names (en-GB) or else the one its machine translation's own spellings show. */
  variant?: EnglishVariantChoice | undefined;
}

// Documents whose analysis is kept in memory. A 5,000-sentence article's analysis weighs a few MB
// and costs about 0.4 s to redo; editors work on a handful of documents at a time.
const CACHED_DOCUMENTS = 4;
// Sentences changed since the last analysis that are still re-analysed one by one when one is read alone.
const MAX_EDITS_ALONE = 16;

/**
 * What the checks said about a document's texts. The analysis is a pure function of the texts,
 * their paragraphs and the target language, so an entry is valid exactly while those are the
 * same: it is compared with the stored texts on every read, never trusted on a timestamp, so a
 * change by another process (the users CLI, a second server) cannot leave old flags behind.
 */
export interface CachedAnalysis {
  targetLanguage: string;
  variant: EnglishVariant | undefined;
  ids: number[];
  paragraphs: number[];
  texts: string[];
  /** The revision of each segment the analysis has seen (their sum is compared with DocumentRecord.revisionSum). */
  revisions: number[];
  context: CheckContext;
  analyses: SegmentAnalysis[];
  /** The source texts the flags were computed against; null without a source. */
  sourceKey: string | null;
  /**
   * False once a sentence was re-analysed alone after a save, against the document facts (names,
   * roles, words) of before the save: good enough for the editor's redraw of that sentence, but
   * a whole-document read analyses everything again, so a page never shows approximate flags.
   */
  complete: boolean;
}

/** The analyses of the documents read most recently, by document id; one per storage, made where the storage is opened. */
export type AnalysisCache = BoundedCache<number, CachedAnalysis>;

/** An empty analysis cache, for one storage (server.ts makes one for the app; tests make their own). */
export function createAnalysisCache(): AnalysisCache {
  return new BoundedCache<number, CachedAnalysis>(CACHED_DOCUMENTS, () => 1);
}

/**
 * Run the checks on the current text of every sentence. Flags are derived, never stored: they
 * always match the text and the checks of this version, and only dismissals need keeping. The
 * analysis is reused while no text of the document has changed.
 */
export async function getAnalyzedDocument(
  storage: Storage, cache: AnalysisCache, documentId: number, options: AnalysisOptions = {},
): Promise<AnalyzedDocument> {
  const { document, segments } = await getDocument(storage, documentId);
  const dismissals = await storage.dismissals.listByDocument(documentId);
  const sources = await loadDocumentSources(storage, document, segments);
  let entry = cache.get(documentId);
  const variant = resolveVariant(document, segments, options.variant);
  if (!entry || !entry.complete || !isSameText(entry, document, segments) || entry.sourceKey !== (sources?.key ?? null) || entry.variant !== variant) {
    // Let go of the old analysis before making the new one: a 5,000-sentence article would
    // otherwise hold both in memory at the peak.
    cache.delete(documentId);
    entry = undefined;
    entry = analyzeAll(document, segments, sources, variant);
  } else {
    // The same texts, perhaps at newer revisions (a sentence restored to its text of before).
    entry.revisions = segments.map((segment) => segment.revision);
  }
  cache.set(documentId, entry);
  return { document, segments: applyDismissals(segments, entry, dismissals, sources) };
}

/**
 * The variant a document's analysis uses: the editor's choice when given, else the one its target
 * language names ("en-GB"), else the one its machine translation's own spellings show (see
 * `guessEnglishVariant`), else none.
 */
export function resolveVariant(document: DocumentRecord, segments: readonly SegmentRecord[], choice?: EnglishVariantChoice): EnglishVariant | undefined {
  if (choice === 'unspecified') return undefined;
  return choice ?? variantOfLanguageTag(document.targetLanguage) ?? guessEnglishVariant(segments.map((segment) => segment.original).join('\n'));
}

/**
 * One sentence with its analysis. After saves to a few sentences, each is re-analysed alone
 * (well under a millisecond) within the document's known facts; otherwise the whole document is
 * analysed, since some checks compare sentences. `current` is the sentence as a save just
 * committed it, which spares reading it again.
 */
export async function getAnalyzedSegment(
  storage: Storage, cache: AnalysisCache, segmentId: number, current?: SegmentRecord, options: AnalysisOptions = {},
): Promise<AnalyzedSegment> {
  const segment = current ?? found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  const known = takeIn(cache.get(segment.documentId), segment);
  const document = found(await storage.documents.get(segment.documentId), `Document ${segment.documentId}`);
  // The guessed variant is read from the machine translation, which never changes: a kept analysis
  // made without a choice stays right until a choice is made.
  const sameVariant = known && (options.variant === undefined || (options.variant === 'unspecified' ? known.variant === undefined : known.variant === options.variant));
  if (known && sameVariant && !document.sourceLanguage && known.targetLanguage === document.targetLanguage && sum(known.revisions) === document.revisionSum) {
    // Sentences are made at import and never added or removed, and revisions only grow: equal
    // sums mean every sentence is at the revision the analysis saw, so this one is answered alone.
    cache.set(document.id, known);
    const dismissals = await storage.dismissals.listBySegment(segment.id);
    return analyzeWithDismissals(segment, segment.position, known, dismissalKeys(dismissals), null);
  }
  const segments = await storage.segments.listByDocument(document.id);
  const index = segments.findIndex((candidate) => candidate.id === segmentId);
  const sources = await loadDocumentSources(storage, document, segments);
  let entry = cache.get(document.id);
  const variant = resolveVariant(document, segments, options.variant);
  const edited = entry && entry.sourceKey === (sources?.key ?? null) && entry.variant === variant ? editedSince(entry, document, segments) : undefined;
  if (entry && edited && edited.length <= MAX_EDITS_ALONE) {
    // Saves to other sentences may have landed meanwhile (concurrent editors): each is re-analysed alone too.
    for (const position of edited) {
      entry.analyses[position] = analyzeSegment(entry.context, position, segments[position]!.text);
      entry.texts[position] = segments[position]!.text;
      entry.complete = false;
    }
    entry.revisions = segments.map((stored) => stored.revision);
  } else {
    entry = analyzeAll(document, segments, sources, variant);
  }
  cache.set(document.id, entry);
  const dismissals = await storage.dismissals.listBySegment(segmentId);
  return analyzeWithDismissals(segments[index]!, index, entry, dismissalKeys(dismissals), sources);
}

/**
 * Record a sentence just read (or just saved) in the document's kept analysis, re-analysing it
 * alone, and return the analysis; undefined when it has none of this shape or works from a source.
 * Called before anything is awaited: API saves committed together (see group-commit.ts) each take
 * theirs in before any compares the revision sums, so the sums agree. A sentence saved by another
 * path (a form, search and replace) leaves the sums apart, and the caller reads the whole
 * document: slower, never stale, since a recorded revision is never newer than the stored one.
 */
function takeIn(entry: CachedAnalysis | undefined, segment: SegmentRecord): CachedAnalysis | undefined {
  const index = segment.position;
  if (!entry || entry.sourceKey !== null || entry.ids[index] !== segment.id || segment.revision < entry.revisions[index]!) return undefined;
  if (entry.texts[index] !== segment.text) {
    entry.analyses[index] = analyzeSegment(entry.context, index, segment.text);
    entry.texts[index] = segment.text;
    entry.complete = false;
  }
  entry.revisions[index] = segment.revision;
  return entry;
}

function analyzeAll(document: DocumentRecord, segments: readonly SegmentRecord[], sources: DocumentSources | null, variant: EnglishVariant | undefined): CachedAnalysis {
  const context = createCheckContext(segments.map(({ text, paragraph }) => ({ text, paragraph })), document.targetLanguage, {
    variant,
    source: sources ? { language: sources.language, texts: sources.perSegment } : undefined,
  });
  return {
    sourceKey: sources?.key ?? null,
    targetLanguage: document.targetLanguage,
    variant,
    ids: segments.map((segment) => segment.id),
    paragraphs: segments.map((segment) => segment.paragraph),
    texts: segments.map((segment) => segment.text),
    revisions: segments.map((segment) => segment.revision),
    context,
    analyses: segments.map((_, index) => analyzeSegment(context, index)),
    complete: true,
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

// Whether the entry was made from exactly these texts.
function isSameText(entry: CachedAnalysis, document: DocumentRecord, segments: readonly SegmentRecord[]): boolean {
  return editedSince(entry, document, segments)?.length === 0;
}

// The positions whose text changed since the entry was made; undefined when it is another document shape.
function editedSince(entry: CachedAnalysis, document: DocumentRecord, segments: readonly SegmentRecord[]): number[] | undefined {
  if (entry.targetLanguage !== document.targetLanguage || entry.ids.length !== segments.length) return undefined;
  const edited: number[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (entry.ids[index] !== segment.id || entry.paragraphs[index] !== segment.paragraph) return undefined;
    if (entry.texts[index] !== segment.text) edited.push(index);
  }
  return edited;
}

/** Each segment with its flags, dismissed ones set apart. */
function applyDismissals(
  segments: readonly SegmentRecord[],
  entry: Pick<CachedAnalysis, 'analyses'>,
  dismissals: readonly DismissalRecord[],
  sources: DocumentSources | null,
): AnalyzedSegment[] {
  const dismissed = dismissalKeys(dismissals);
  return segments.map((segment, index) => analyzeWithDismissals(segment, index, entry, dismissed, sources));
}

/** One segment (at `index` of its document) with its flags, the dismissed ones set apart. */
function analyzeWithDismissals(
  segment: SegmentRecord,
  index: number,
  entry: Pick<CachedAnalysis, 'analyses'>,
  dismissed: ReadonlySet<string>,
  sources: DocumentSources | null,
): AnalyzedSegment {
  const flags: Flag[] = [];
  const dismissedFlags: Flag[] = [];
  for (const flag of entry.analyses[index]?.flags ?? []) {
    const key = dismissalKey(segment.id, flag.checkId, segment.text.slice(flag.start, flag.end));
    (dismissed.has(key) ? dismissedFlags : flags).push(flag);
  }
  return { ...segment, flags, dismissedFlags, risk: scoreRisk(flags), source: sources?.perSegment[index] ?? '' };
}

function dismissalKeys(dismissals: readonly DismissalRecord[]): Set<string> {
  return new Set(dismissals.map((dismissal) => dismissalKey(dismissal.segmentId, dismissal.checkId, dismissal.spanText)));
}

function dismissalKey(segmentId: number, checkId: string, spanText: string): string {
  return `${segmentId}\u0000${checkId}\u0000${spanText}`;
}

import { scoreRisk } from '../checks/run.js';
import type { Flag } from '../checks/types.js';
import type { AnalysedSegmentRecord, DismissalRecord, DocumentAnalysisState, DocumentRecord, SegmentRecord } from '../model.js';
import { applyObservedHints } from '../review/observed-precision.js';
import { dismissalKey } from '../review/queue.js';
import type { SegmentQuery, Storage } from '../storage/types.js';
import type { Analyzer } from './document-analysis.js';
import { found } from './errors.js';
import { readHintedSubjects } from './observed-precision.js';

/** A sentence with what the checks say about its current text, as pages and the API show it. */
export interface AnalyzedSegment extends SegmentRecord {
  /** Flags not dismissed, sorted by offset; those of an approved or excluded sentence are no longer open. */
  flags: Flag[];
  /** Flags an editor dismissed as false alarms; they stay dismissed while the flagged words stay. */
  dismissedFlags: DismissedFlag[];
  /** Flags that still ask for a decision (src/review/queue.ts). */
  openFlags: number;
  /** Sum of the flags' severity weights: 0 means nothing to look at. */
  risk: number;
  /** The aligned source sentence(s), '' when the document has no source or the sentence none. */
  source: string;
}

/** A dismissed flag, with the dismissal that keeps it dismissed (DELETE /api/segments/:id/dismissals/:dismissalId opens it again). */
export type DismissedFlag = Flag & { dismissalId: number };

/** Sentences per page of the document page: a 5,000-sentence article is not drawn at once. */
export const SENTENCES_PER_PAGE = 100;

/**
 * Sentences per page of GET /api/documents/:id and per piece of the JSON export: a whole long
 * article would be read and written out in one go (20 MB of JSON for 100,000 sentences, seconds in
 * which nothing else is answered).
 */
export const SENTENCES_PER_API_PAGE = 1_000;

/** One page of a document's sentences under a filter, with what the page shows of the whole. */
export interface DocumentPage {
  document: DocumentRecord;
  state: DocumentAnalysisState;
  segments: AnalyzedSegment[];
  /** Sentences the filter keeps, on all pages. */
  matching: number;
  page: number;
  pageCount: number;
  /**
   * Where keyboard navigation goes past this page's ends, under the filter (sentence ids, null at
   * the document's ends): the neighbouring sentences, the nearest with an open flag, the nearest to review.
   */
  beyond: {
    previousLast: number | null; nextFirst: number | null; previousFlagged: number | null; nextFlagged: number | null;
    previousToReview: number | null; nextToReview: number | null;
  };
}

/** One sentence as pages and the API show it. */
export async function readAnalyzedSegment(storage: Storage, analyzer: Analyzer, segmentId: number): Promise<AnalyzedSegment> {
  // The document's flags are made current first: read before, a sentence of a document gone stale
  // (a newsroom rule added, the variant chosen) would be shown with the flags it had.
  const { documentId } = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  await analyzer.ensureCurrent(documentId);
  let record = found(await storage.analyses.getSegment(segmentId), `Sentence ${segmentId}`);
  if (record.flags === null) {
    await analyzer.analyseStale(record.documentId, [record]);
    record = found(await storage.analyses.getSegment(segmentId), `Sentence ${segmentId}`);
  }
  const [dismissals, sources, hinted] = await Promise.all([
    storage.dismissals.listBySegment(segmentId), storage.sources.listForSegments([segmentId]), readHintedSubjects(storage),
  ]);
  return toAnalyzedSegment(record, dismissals, sources.get(segmentId), hinted);
}

/**
 * The sentences from `range.offset` on (at most `range.limit`), with their flags: what the JSON API
 * gives a page at a time, so that a 100,000-sentence document is never read and serialised whole
 * while other requests wait.
 */
export async function readAnalyzedSentences(
  storage: Storage, analyzer: Analyzer, documentId: number, range: { offset: number; limit: number },
): Promise<{ document: DocumentRecord; state: DocumentAnalysisState; segments: AnalyzedSegment[] }> {
  const document = found(await storage.documents.get(documentId), `Document ${documentId}`);
  const state = await analyzer.ensureCurrent(documentId);
  const records = await withCurrentFlags(storage, analyzer, documentId, await storage.analyses.listMatching(documentId, {}, range));
  const ids = records.map((record) => record.id);
  const [dismissals, sources, hinted] = await Promise.all([
    storage.dismissals.listBySegments(ids),
    document.sourceLanguage ? storage.sources.listForSegments(ids) : new Map<number, string>(),
    readHintedSubjects(storage),
  ]);
  return { document, state, segments: toAnalyzedSegments(records, dismissals, sources, hinted) };
}

/**
 * One page of a document's sentences under `query`: page `at.page`, or the page that holds
 * sentence `at.focusId`, else the first. Reads the page's sentences and what the page shows of the
 * whole (counters, the nearest sentences past its ends), never every sentence of the document.
 */
export async function readDocumentPage(
  storage: Storage, analyzer: Analyzer, documentId: number, query: SegmentQuery, at: { page?: number; focusId?: number } = {},
): Promise<DocumentPage> {
  const document = found(await storage.documents.get(documentId), `Document ${documentId}`);
  const state = await analyzer.ensureCurrent(documentId);
  const matching = await countMatching(storage, documentId, query, state);
  const pageCount = Math.max(1, Math.ceil(matching / SENTENCES_PER_PAGE));
  const wanted = at.page ?? (at.focusId === undefined ? 1 : await locatePage(storage, documentId, query, at.focusId));
  const page = Math.min(Math.max(1, wanted), pageCount);
  const start = (page - 1) * SENTENCES_PER_PAGE;
  // One more on each side: where j and k continue past the page.
  const rows = await storage.analyses.listMatching(documentId, query, { offset: Math.max(0, start - 1), limit: SENTENCES_PER_PAGE + (start > 0 ? 2 : 1) });
  const previous = start > 0 ? rows.shift() : undefined;
  const next = rows.length > SENTENCES_PER_PAGE ? rows.pop() : undefined;
  const records = await withCurrentFlags(storage, analyzer, documentId, rows);
  const ids = records.map((record) => record.id);
  const [dismissals, sources, hinted] = await Promise.all([
    storage.dismissals.listBySegments(ids),
    document.sourceLanguage ? storage.sources.listForSegments(ids) : new Map<number, string>(),
    readHintedSubjects(storage),
  ]);
  const first = records[0]?.position ?? -1;
  const last = records.at(-1)?.position ?? Number.MAX_SAFE_INTEGER;
  const nearest = (extra: SegmentQuery, position: number, direction: 'next' | 'previous') =>
    records.length === 0 ? null : storage.analyses.findNearest(documentId, { ...query, ...extra }, position, direction);
  const [previousFlagged, nextFlagged, previousToReview, nextToReview] = await Promise.all([
    nearest({ flagged: true }, first, 'previous'), nearest({ flagged: true }, last, 'next'),
    nearest({ toReview: true }, first, 'previous'), nearest({ toReview: true }, last, 'next'),
  ]);
  return {
    document, state, segments: toAnalyzedSegments(records, dismissals, sources, hinted), matching, page, pageCount,
    beyond: { previousLast: previous?.id ?? null, nextFirst: next?.id ?? null, previousFlagged, nextFlagged, previousToReview, nextToReview },
  };
}

/**
 * Where a link to one sentence leads: its page under the query, or, when the query leaves it
 * out, its page with no filter. Undefined when the document has no such sentence.
 */
export async function locateSentence(
  storage: Storage, documentId: number, query: SegmentQuery, segmentId: number,
): Promise<{ query: SegmentQuery; page: number } | undefined> {
  const segment = await storage.segments.get(segmentId);
  if (!segment || segment.documentId !== documentId) return undefined;
  const kept = await storage.analyses.findNearest(documentId, query, segment.position - 1, 'next') === segmentId;
  const effective = kept ? query : {};
  return { query: effective, page: Math.floor((await storage.analyses.countMatching(documentId, effective, segment.position)) / SENTENCES_PER_PAGE) + 1 };
}

/** The sentences still flagged that nobody handled (an open flag, whatever their status): what the export page asks about. */
export async function listStillFlagged(
  storage: Storage, analyzer: Analyzer, documentId: number,
): Promise<{ id: number; position: number; text: string; flagCount: number }[]> {
  const state = await analyzer.ensureCurrent(documentId);
  const flagged = await storage.analyses.listMatching(documentId, { flagged: true }, { offset: 0, limit: state.counts.flagged });
  return flagged.map((segment) => ({ id: segment.id, position: segment.position, text: segment.text, flagCount: segment.openFlags }));
}

/**
 * A stored sentence as pages and the API show it: its flags split into standing and dismissed, the
 * suggestions of checks and entries editors judged wrong too often shown as hints (`hinted`, see
 * src/review/observed-precision.ts).
 */
export function toAnalyzedSegment(
  segment: AnalysedSegmentRecord, dismissals: readonly DismissalRecord[], source = '', hinted: ReadonlySet<string> = NONE,
): AnalyzedSegment {
  const dismissalIds = new Map(dismissals.map((dismissal) => [dismissalKey(dismissal.checkId, dismissal.spanText), dismissal.id]));
  const flags: Flag[] = [];
  const dismissedFlags: DismissedFlag[] = [];
  for (const flag of applyObservedHints((segment.flags ?? []) as Flag[], hinted)) {
    const dismissalId = dismissalIds.size === 0 ? undefined : dismissalIds.get(dismissalKey(flag.checkId, segment.text.slice(flag.start, flag.end)));
    if (dismissalId === undefined) flags.push(flag);
    else dismissedFlags.push({ ...flag, dismissalId });
  }
  const { flags: _stored, openFlags, ...record } = segment;
  return { ...record, flags, dismissedFlags, openFlags, risk: scoreRisk(flags), source };
}

function toAnalyzedSegments(
  records: readonly AnalysedSegmentRecord[], dismissals: readonly DismissalRecord[], sources: ReadonlyMap<number, string>, hinted: ReadonlySet<string>,
): AnalyzedSegment[] {
  const bySegment = groupBySegment(dismissals);
  return records.map((record) => toAnalyzedSegment(record, bySegment.get(record.id) ?? [], sources.get(record.id), hinted));
}

/** Records of sentences (revisions, dismissals) by sentence id, each sentence's in the order given. */
export function groupBySegment<T extends { segmentId: number }>(records: readonly T[]): Map<number, T[]> {
  const bySegment = new Map<number, T[]>();
  for (const record of records) {
    const list = bySegment.get(record.segmentId);
    if (list) list.push(record);
    else bySegment.set(record.segmentId, [record]);
  }
  return bySegment;
}

const NONE: ReadonlySet<string> = new Set();

// The sentences with flags of their current text: any stored for an older one are analysed and stored first.
async function withCurrentFlags(
  storage: Storage, analyzer: Analyzer, documentId: number, records: AnalysedSegmentRecord[],
): Promise<AnalysedSegmentRecord[]> {
  const stale = records.filter((record) => record.flags === null);
  if (stale.length === 0) return records;
  await analyzer.analyseStale(documentId, stale);
  const fresh = new Map<number, AnalysedSegmentRecord>();
  for (const record of stale) {
    const read = await storage.analyses.getSegment(record.id);
    if (read) fresh.set(read.id, read);
  }
  return records.map((record) => fresh.get(record.id) ?? record);
}

// How many sentences a query keeps: the counters answer the common filters without a query.
async function countMatching(storage: Storage, documentId: number, query: SegmentQuery, state: DocumentAnalysisState): Promise<number> {
  const set = Object.entries(query).filter(([, value]) => value !== undefined && value !== '' && value !== false).map(([key]) => key);
  if (set.length === 0) return state.counts.total;
  if (set.length === 1 && set[0] === 'flagged') return state.counts.flagged;
  if (set.length === 1 && set[0] === 'toReview') return state.counts.toReview;
  return storage.analyses.countMatching(documentId, query);
}

// The page that holds a sentence under the query; the first when the query leaves it out.
async function locatePage(storage: Storage, documentId: number, query: SegmentQuery, segmentId: number): Promise<number> {
  const located = await locateSentence(storage, documentId, query, segmentId);
  return located && located.query === query ? located.page : 1;
}

import type { Kysely } from 'kysely';
import type { AnalysedSegmentRecord, FlagRecord, ReviewCounts, SegmentRecord, SegmentStatus } from '../model.js';
import { addCounts, diffCounts, dismissalKey, EMPTY_COUNTS, isZero, selectOpenFlags } from '../review/queue.js';
import { chunksOf, compileQuery, prepareQuery, type Engine, type Executor } from './engine.js';
import { SEGMENT, type Schema } from './schema.js';

/**
 * The one place where a sentence's review state is written. Every change to a sentence's text,
 * status, stored flags or dismissals goes through `write` inside its own transaction, which keeps
 * three things in step with the sentence: its count of open flags, one row per open flag in
 * `open_flags` (what filters and navigation read), and its document's counters (what progress
 * lines and the list of documents read). The rules themselves (which flag is open, what counts as
 * to review) are in src/review/queue.ts.
 *
 * A change that lands elsewhere (a new table of newsroom rules, a dismissal undone) keeps the
 * counters right by calling `lock` then `write` for the sentences it touches, in its transaction.
 */
export interface SegmentQueue {
  /** The sentences with their stored flags, locked (PostgreSQL) until the transaction ends; missing ids are left out. */
  lock(tx: Executor, ids: readonly number[]): Promise<AnalysedSegmentRecord[]>;
  /** Write changes to locked sentences (one document or several); answers the sentences as written. */
  write(tx: Executor, changes: readonly SegmentChange[], touch?: DocumentTouch): Promise<AnalysedSegmentRecord[]>;
}

/** What a change makes of one locked sentence; fields left out stay as they are. */
export interface SegmentChange {
  before: AnalysedSegmentRecord;
  text?: string;
  status?: SegmentStatus;
  revision?: number;
  updatedAt?: string;
  /**
   * The flags found in the sentence's text at its new revision, stored with it. Left out, the
   * stored flags stay valid only while text and revision stay; a new revision without them has
   * no current flags until it is analysed.
   */
  flags?: readonly FlagRecord[];
}

/** A saved revision: its document's revision sum rises and its time moves on, with the counters. */
export interface DocumentTouch {
  revisionSum: number;
  updatedAt: string;
}

/** The columns a sentence is read with, its current stored flags included (see toAnalysedSegment). */
export function selectAnalysedSegments(db: Kysely<Schema>) {
  return db.selectFrom('segments').leftJoin('segment_analyses', 'segment_analyses.segment_id', 'segments.id')
    .select([...SEGMENT, 'segments.open_flags as openFlags', 'segment_analyses.revision as analysisRevision', 'segment_analyses.flags as flagsJson']);
}

type AnalysedRow = SegmentRecord & { openFlags: number; analysisRevision: number | null; flagsJson: string | null };

/** A row of selectAnalysedSegments as a record: stored flags count only for the revision they were found in. */
export function toAnalysedSegment({ analysisRevision, flagsJson, ...segment }: AnalysedRow): AnalysedSegmentRecord {
  return { ...segment, flags: analysisRevision === segment.revision && flagsJson !== null ? (JSON.parse(flagsJson) as FlagRecord[]) : null };
}

export function createSegmentQueue(engine: Engine): SegmentQueue {
  const { db } = engine;
  const locking = <Q extends ReturnType<typeof selectAnalysedSegments>>(query: Q): Q =>
    (engine.dialect === 'postgres' ? query.forUpdate('segments') : query) as Q;
  const lockOne = prepareQuery((p: { id: number }) => locking(selectAnalysedSegments(db).where('segments.id', '=', p.id)));
  const dismissalsOfOne = prepareQuery((p: { segmentId: number }) => db.selectFrom('flag_dismissals')
    .select(['segment_id as segmentId', 'check_id as checkId', 'span_text as spanText']).where('segment_id', '=', p.segmentId));
  const updateSegment = prepareQuery((p: { id: number; text: string; status: SegmentStatus; revision: number; updatedAt: string; openFlags: number }) =>
    db.updateTable('segments')
      .set({ text: p.text, status: p.status, revision: p.revision, updated_at: p.updatedAt, open_flags: p.openFlags }).where('id', '=', p.id));
  const deleteOpenOfOne = prepareQuery((p: { segmentId: number }) => db.deleteFrom('open_flags').where('segment_id', '=', p.segmentId));
  const counted = (p: CountSlots) => db.updateTable('documents').set((eb) => ({
    segment_count: eb('segment_count', '+', p.total), set_aside_count: eb('set_aside_count', '+', p.setAside),
    to_review_count: eb('to_review_count', '+', p.toReview), edited_count: eb('edited_count', '+', p.edited),
    approved_count: eb('approved_count', '+', p.approved), excluded_count: eb('excluded_count', '+', p.excluded),
    corrected_count: eb('corrected_count', '+', p.corrected), open_flag_count: eb('open_flag_count', '+', p.openFlags),
    flagged_count: eb('flagged_count', '+', p.flagged),
  })).where('id', '=', p.documentId);
  const bumpCounts = prepareQuery((p: CountSlots) => counted(p));
  const bumpCountsAndTouch = prepareQuery((p: CountSlots & DocumentTouch) =>
    counted(p).set((eb) => ({ revision_sum: eb('revision_sum', '+', p.revisionSum), updated_at: p.updatedAt })));

  async function lock(tx: Executor, ids: readonly number[]): Promise<AnalysedSegmentRecord[]> {
    if (ids.length === 1) {
      const row = await tx.first(lockOne, { id: ids[0]! });
      return row ? [toAnalysedSegment(row)] : [];
    }
    const rows: AnalysedSegmentRecord[] = [];
    for (const chunk of chunksOf(ids)) {
      const found = await tx.all(compileQuery(locking(selectAnalysedSegments(db).where('segments.id', 'in', chunk).orderBy('segments.id'))));
      for (const row of found) rows.push(toAnalysedSegment(row));
    }
    return rows;
  }

  // The dismissals of the sentences whose flags may be open once changed, as sets of dismissalKey.
  async function readDismissals(tx: Executor, ids: readonly number[]): Promise<Map<number, Set<string>>> {
    const dismissed = new Map<number, Set<string>>();
    const rows = ids.length === 1 ? await tx.all(dismissalsOfOne, { segmentId: ids[0]! }) : [];
    if (ids.length > 1) {
      for (const chunk of chunksOf(ids)) {
        rows.push(...await tx.all(compileQuery(db.selectFrom('flag_dismissals')
          .select(['segment_id as segmentId', 'check_id as checkId', 'span_text as spanText']).where('segment_id', 'in', chunk))));
      }
    }
    for (const { segmentId, checkId, spanText } of rows) {
      let keys = dismissed.get(segmentId);
      if (!keys) dismissed.set(segmentId, (keys = new Set()));
      keys.add(dismissalKey(checkId, spanText));
    }
    return dismissed;
  }

  async function write(tx: Executor, changes: readonly SegmentChange[], touch?: DocumentTouch): Promise<AnalysedSegmentRecord[]> {
    const planned = changes.map((change) => {
      const { before } = change;
      const after: AnalysedSegmentRecord = {
        ...before,
        text: change.text ?? before.text,
        status: change.status ?? before.status,
        revision: change.revision ?? before.revision,
        updatedAt: change.updatedAt ?? before.updatedAt,
      };
      const sameVersion = after.text === before.text && after.revision === before.revision;
      after.flags = change.flags ? [...change.flags] : sameVersion ? before.flags : null;
      return { change, before, after };
    });
    const mayBeOpen = planned.filter(({ after }) => (after.flags?.length ?? 0) > 0 && after.status !== 'approved' && after.status !== 'excluded');
    const dismissed = mayBeOpen.length ? await readDismissals(tx, mayBeOpen.map(({ after }) => after.id)) : new Map<number, Set<string>>();
    const deltas = new Map<number, ReviewCounts>();
    const openRows: Schema['open_flags'][] = [];
    const reindexed: number[] = [];
    const analyses: Schema['segment_analyses'][] = [];
    for (const { change, before, after } of planned) {
      const open = after.flags ? selectOpenFlags(after.flags, after.text, after.status, dismissed.get(after.id) ?? NO_DISMISSALS) : [];
      after.openFlags = open.length;
      if (after.text !== before.text || after.status !== before.status || after.revision !== before.revision
        || after.updatedAt !== before.updatedAt || after.openFlags !== before.openFlags) {
        await tx.run(updateSegment, after);
      }
      if (change.flags) analyses.push({ segment_id: after.id, revision: after.revision, flags: JSON.stringify(change.flags) });
      if (before.openFlags > 0 || open.length > 0) {
        reindexed.push(after.id);
        for (const flag of open) {
          openRows.push({
            segment_id: after.id, document_id: after.documentId, position: after.position, check_id: flag.checkId, category: flag.category, severity: flag.severity,
          });
        }
      }
      const delta = diffCounts(before, after);
      if (!isZero(delta)) deltas.set(after.documentId, addCounts(deltas.get(after.documentId) ?? { ...EMPTY_COUNTS }, delta));
    }
    for (const chunk of chunksOf(analyses)) {
      await tx.run(compileQuery(db.insertInto('segment_analyses').values(chunk)
        .onConflict((conflict) => conflict.column('segment_id').doUpdateSet((eb) => ({ revision: eb.ref('excluded.revision'), flags: eb.ref('excluded.flags') })))));
    }
    if (reindexed.length === 1) await tx.run(deleteOpenOfOne, { segmentId: reindexed[0]! });
    else for (const chunk of chunksOf(reindexed)) await tx.run(compileQuery(db.deleteFrom('open_flags').where('segment_id', 'in', chunk)));
    for (const chunk of chunksOf(openRows)) await tx.run(compileQuery(db.insertInto('open_flags').values(chunk)));
    const documents = new Set([...deltas.keys(), ...(touch ? planned.map(({ after }) => after.documentId) : [])]);
    for (const documentId of documents) {
      const slots = { ...(deltas.get(documentId) ?? EMPTY_COUNTS), documentId };
      await (touch ? tx.run(bumpCountsAndTouch, { ...slots, ...touch }) : tx.run(bumpCounts, slots));
    }
    return planned.map(({ after }) => after);
  }

  return { lock, write };
}

type CountSlots = ReviewCounts & { documentId: number };

const NO_DISMISSALS: ReadonlySet<string> = new Set();

import { serializeTextPatch } from '../history/text-patch.js';
import type { ActionRecord, AnalysedSegmentRecord, FlagRecord, SegmentRecord } from '../model.js';
import { findConfirmedFlags } from '../review/confirmed-flag.js';
import { dismissalKey } from '../review/queue.js';
import { prepareEventWrites, selectEvents } from './document-event-repository.js';
import { prepareQuery, type Engine, type TransactionExecutor } from './engine.js';
import { createJudgementCounter } from './judgement-repository.js';
import { ACTION, DISMISSAL, REVISION, toRevision } from './schema.js';
import { createSegmentQueue } from './segment-queue.js';
import { toSegmentRecord } from './segment-repository.js';
import type { ActionRepository, ChangeOutcome, RevisionChange, SentenceChange, StatusChange } from './types.js';

/**
 * Actions: the one way a sentence's text, status or dismissals change. History is append-only:
 * nothing here updates or deletes a revision or an event (a dismissal in force is state, like a
 * sentence's current text; its history is in the events). Every change goes through the segment
 * queue, which keeps the sentence's open flags and its document's counters in step. Actions made
 * together may share one commit (SQLite's group commit).
 */
export function createActionRepository(engine: Engine): ActionRepository {
  const { db } = engine;
  const writes = prepareEventWrites(db);
  const queue = createSegmentQueue(engine);
  const judgements = createJudgementCounter(engine);
  const selectDismissed = prepareQuery((p: { segmentId: number }) =>
    db.selectFrom('flag_dismissals').select(['check_id as checkId', 'span_text as spanText']).where('segment_id', '=', p.segmentId));
  const insertAction = prepareQuery((p: { kind: ActionRecord['kind']; author: string; undoes: number | null; now: string }) =>
    db.insertInto('actions').values({ kind: p.kind, author: p.author, undoes: p.undoes, created_at: p.now }).returning(ACTION));
  const insertRevision = prepareQuery((p: { segmentId: number; number: number; kind: RevisionChange['kind']; patch: string;
    checkpoint: string | null; revertedTo: number | null; author: string; comment: string | null; now: string; }) =>
    db.insertInto('revisions').values({
      segment_id: p.segmentId, number: p.number, kind: p.kind, patch: p.patch, checkpoint: p.checkpoint, reverted_to: p.revertedTo,
      author: p.author, comment: p.comment, created_at: p.now,
    }).returning(REVISION));
  const insertDismissal = prepareQuery((p: { segmentId: number; checkId: string; spanText: string; author: string; now: string }) =>
    db.insertInto('flag_dismissals')
      .values({ segment_id: p.segmentId, check_id: p.checkId, span_text: p.spanText, author: p.author, created_at: p.now })
      .onConflict((conflict) => conflict.columns(['segment_id', 'check_id', 'span_text']).doNothing()).returning(DISMISSAL));
  const deleteDismissal = prepareQuery((p: { segmentId: number; checkId: string; spanText: string }) => db.deleteFrom('flag_dismissals')
    .where('segment_id', '=', p.segmentId).where('check_id', '=', p.checkId).where('span_text', '=', p.spanText).returning(DISMISSAL));
  const selectAction = prepareQuery((p: { id: number }) => db.selectFrom('actions').select(ACTION).where('id', '=', p.id));
  const selectUndoChain = prepareQuery((p: { id: number }) => db.selectFrom('document_events')
    .select(['segment_id as segmentId', 'revision', 'undoes_event as undoesEvent']).where('id', '=', p.id));
  const selectRevisionKind = prepareQuery((p: { segmentId: number; number: number }) => db.selectFrom('revisions')
    .select('kind').where('segment_id', '=', p.segmentId).where('number', '=', p.number));
  const selectActionEvents = prepareQuery((p: { actionId: number }) =>
    selectEvents(db).where('document_events.action_id', '=', p.actionId).orderBy('document_events.id'));

  /** One change, on `segment` as locked (and changed by the action's earlier changes) in this transaction; the sentence after it. */
  async function apply(
    tx: TransactionExecutor, change: SentenceChange, segment: AnalysedSegmentRecord, action: ActionRecord, now: string,
  ): Promise<{ outcome: ChangeOutcome; after: AnalysedSegmentRecord }> {
    const refused = { outcome: { ok: false, reason: 'conflict', current: toSegmentRecord(segment) } as ChangeOutcome, after: segment };
    if (change.type === 'revision' || change.type === 'status') {
      if (segment.revision !== change.expectedRevision || (change.expectedStatus !== undefined && segment.status !== change.expectedStatus)) return refused;
      return change.type === 'revision' ? applyRevision(tx, change, segment, action, now) : applyStatus(tx, change, segment, action, now);
    }
    const flag = { segmentId: segment.id, checkId: change.checkId, spanText: change.spanText };
    const dismissal = change.type === 'dismissal'
      ? await tx.first(insertDismissal, { ...flag, author: action.author, now }) : await tx.first(deleteDismissal, flag);
    if (!dismissal) return refused;
    // A dismissal closes its flag, a restore opens it again: the queue counts the sentence's open flags anew.
    const [after] = await queue.write(tx, [{ before: segment }]);
    // A dismissal judges the flags it closes (the check's on those words) false alarms; its restore or undo takes that back.
    const judged = (segment.flags ?? []).filter((flag) => flag.checkId === change.checkId && segment.text.slice(flag.start, flag.end) === change.spanText);
    if (change.type === 'dismissal') await judgements.count(tx, judged, 'dismissed');
    else await judgements.uncount(tx, judged, 'dismissed');
    const event = await writes.addEvent(tx, {
      documentId: segment.documentId, segmentId: segment.id, type: change.type, revision: segment.revision, status: segment.status,
      previousStatus: segment.status, checkId: change.checkId, spanText: change.spanText, undoesEvent: change.undoesEvent,
    }, action.author, now, action);
    return { outcome: { ok: true, segment: toSegmentRecord(after!), event, revision: null, dismissal }, after: after! };
  }

  async function applyRevision(
    tx: TransactionExecutor, change: RevisionChange, segment: AnalysedSegmentRecord, action: ActionRecord, now: string,
  ): Promise<{ outcome: ChangeOutcome; after: AnalysedSegmentRecord }> {
    // A status in `keepStatuses` stays as the row has it when the change commits.
    const status = change.keepStatuses?.includes(segment.status) ? segment.status : change.status;
    const number = segment.revision + 1;
    const [after] = await queue.write(tx, [{
      before: segment, text: change.text, status, revision: number, updatedAt: now, ...(change.flags && { flags: change.flags }),
    }]);
    const revision = toRevision((await tx.first(insertRevision, {
      segmentId: segment.id, number, kind: change.kind, patch: serializeTextPatch(change.patch), checkpoint: change.checkpoint,
      revertedTo: change.revertedTo, author: action.author, comment: change.comment, now,
    }))!);
    if (change.kind === 'edit') await judgeEdit(tx, segment, change.text, segment.flags, 'count');
    else if (change.undoesEvent !== undefined) await judgeUndo(tx, segment, change);
    const event = await writes.addEvent(tx, {
      documentId: segment.documentId, segmentId: segment.id, type: 'revision', revision: number, status, previousStatus: segment.status,
      undoesEvent: change.undoesEvent,
    }, action.author, now, action);
    return { outcome: { ok: true, segment: toSegmentRecord(after!), event, revision, dismissal: null }, after: after! };
  }

  // An editor's edit judges the flags of the text it replaced that it confirms (src/review/confirmed-flag.ts), but
  // not dismissed ones; 'uncount' takes that judgement back. A restore of an earlier text judges nothing.
  async function judgeEdit(
    tx: TransactionExecutor, before: SegmentRecord, text: string, flags: readonly FlagRecord[] | null, judgement: 'count' | 'uncount',
  ): Promise<void> {
    if (!flags || flags.length === 0) return;
    const confirmed = findConfirmedFlags(before.text, text, flags);
    if (confirmed.length === 0) return;
    const dismissed = new Set((await tx.all(selectDismissed, { segmentId: before.id })).map((row) => dismissalKey(row.checkId, row.spanText)));
    const judged = confirmed.filter((flag) => !dismissed.has(dismissalKey(flag.checkId, before.text.slice(flag.start, flag.end))));
    if (judgement === 'count') await judgements.count(tx, judged, 'confirmed');
    else await judgements.uncount(tx, judged, 'confirmed');
  }

  // An undo takes back what the revision it undoes judged: an edit's confirmations are uncounted
  // when it is undone (it was tried, not kept) and counted again when that undo is undone in turn.
  async function judgeUndo(tx: TransactionExecutor, segment: AnalysedSegmentRecord, change: RevisionChange): Promise<void> {
    const undone = await judgementSignOf(tx, change.undoesEvent!);
    if (undone > 0) await judgeEdit(tx, { ...segment, text: change.text }, segment.text, change.flags ?? null, 'uncount');
    else if (undone < 0) await judgeEdit(tx, segment, change.text, segment.flags, 'count');
  }

  // +1 for an event whose revision was an edit (its confirmations counted), -1 for the undo of such
  // an event (taken back), and so on down a chain of undos; 0 for anything else (a restore).
  async function judgementSignOf(tx: TransactionExecutor, eventId: number): Promise<number> {
    let sign = 1;
    for (let id: number | null = eventId; id !== null; sign = -sign) {
      const event: { segmentId: number | null; revision: number | null; undoesEvent: number | null } | undefined = await tx.first(selectUndoChain, { id });
      if (!event || event.segmentId === null || event.revision === null) return 0;
      const revision = await tx.first(selectRevisionKind, { segmentId: event.segmentId, number: event.revision });
      if (revision?.kind === 'edit') return sign;
      id = event.undoesEvent;
    }
    return 0;
  }

  async function applyStatus(
    tx: TransactionExecutor, change: StatusChange, segment: AnalysedSegmentRecord, action: ActionRecord, now: string,
  ): Promise<{ outcome: ChangeOutcome; after: AnalysedSegmentRecord }> {
    const [after] = await queue.write(tx, [{ before: segment, status: change.status, updatedAt: now }]);
    const event = await writes.addEvent(tx, {
      documentId: segment.documentId, segmentId: segment.id, type: 'status', revision: segment.revision, status: change.status,
      previousStatus: segment.status, undoesEvent: change.undoesEvent,
    }, action.author, now, action);
    return { outcome: { ok: true, segment: toSegmentRecord(after!), event, revision: null, dismissal: null }, after: after! };
  }

  return {
    async record(action, changes) {
      const now = new Date().toISOString();
      const ids = [...new Set(changes.map((change) => change.segmentId))];
      try {
        return await engine.transaction(async (tx) => {
          // The sentences first (the queue's lock, as every writer of them takes it), then their
          // documents, whose rows order the events (see prepareEventWrites).
          const current = new Map((await queue.lock(tx, ids)).map((segment) => [segment.id, segment]));
          await writes.lockDocuments(tx, [...current.values()].map((segment) => segment.documentId));
          const stored = (await tx.first(insertAction, { kind: action.kind, author: action.author, undoes: action.undoes ?? null, now }))!;
          const outcomes: ChangeOutcome[] = [];
          const revisions = new Map<number, number>();
          for (const change of changes) {
            const segment = current.get(change.segmentId);
            if (!segment) {
              outcomes.push({ ok: false, reason: 'not-found' });
              continue;
            }
            const { outcome, after } = await apply(tx, change, segment, stored, now);
            current.set(after.id, after);
            outcomes.push(outcome);
            if (outcome.ok) revisions.set(after.documentId, (revisions.get(after.documentId) ?? 0) + (outcome.revision ? 1 : 0));
          }
          // Nothing made: the action never happened, and the transaction leaves no trace.
          if (revisions.size === 0) throw new NothingChanged(outcomes);
          for (const [documentId, count] of revisions) await writes.touchDocument(tx, documentId, action.author, now, count);
          return { action: stored, outcomes };
        }, { grouped: true });
      } catch (error) {
        if (error instanceof NothingChanged) return { action: null, outcomes: error.outcomes };
        throw error;
      }
    },
    get: (id) => engine.first(selectAction, { id }),
    listEvents: (actionId) => engine.all(selectActionEvents, { actionId }),
  };
}

/** Rolls back an action none of whose changes could be made. */
class NothingChanged extends Error {
  constructor(readonly outcomes: ChangeOutcome[]) {
    super('no change of the action could be made');
  }
}

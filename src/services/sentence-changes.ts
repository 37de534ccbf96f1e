import { diffForDisplay } from '../history/display-diff.js';
import { createStoredRevision } from '../history/rebuild.js';
import type { ActionRecord, RevisionRecord, SegmentRecord } from '../model.js';
import type { ChangeOutcome, NewAction, RecordedAction, RevisionChange, SentenceChange, Storage } from '../storage/types.js';
import type { Analyzer } from './document-analysis.js';
import { ServiceError } from './errors.js';
import { findTextProblem, refuseField, TEXT_RULES } from './input-rules.js';
import { getSegmentVersion } from './segment-history.js';

/** What a change of one sentence answers: the sentence after it, and the action to undo it (null when nothing changed). */
export interface SaveResult {
  segment: SegmentRecord;
  /** The revision this change created; null when it made none (the text was already what was sent). */
  revision: RevisionRecord | null;
  action: ActionRecord | null;
}

/**
 * A new text for `segment` as its next revision, checked against the sentence rules, stored as a
 * patch, with the flags of the new text (stored with it).
 */
export async function reviseText(
  analyzer: Analyzer,
  segment: SegmentRecord,
  change: Pick<RevisionChange, 'kind' | 'text' | 'revertedTo' | 'comment' | 'status'> & Partial<Pick<RevisionChange, 'expectedStatus' | 'undoesEvent'>>,
): Promise<RevisionChange> {
  // A restore, a replacement or a suggestion makes its text from checked parts, which can still add up past the limit.
  const problem = findTextProblem(change.text, TEXT_RULES.sentence);
  if (problem) throw refuseField('text', problem, TEXT_RULES.sentence);
  const { patch, checkpoint } = createStoredRevision(segment.revision + 1, segment.text, change.text);
  return {
    type: 'revision', segmentId: segment.id, expectedRevision: segment.revision, patch, checkpoint,
    flags: await analyzer.analyseEdit(segment, change.text),
    // A sentence left out of the export (page noise, dropped) stays out when its text changes: only an editor brings it back.
    keepStatuses: change.undoesEvent === undefined ? ['excluded'] : [],
    ...change,
  };
}

/**
 * Make the changes of one action (see ActionRepository.record); once committed, the analyzer
 * looks for the other sentences whose flags the new texts change (null: the changes make no new text).
 */
export async function recordAction(
  storage: Storage, analyzer: Analyzer | null, action: NewAction, changes: readonly SentenceChange[],
): Promise<RecordedAction> {
  const recorded = await storage.actions.record(action, changes);
  for (const outcome of recorded.outcomes) if (outcome.ok && outcome.revision) analyzer?.committed(outcome.segment);
  return recorded;
}

/**
 * Make one change of one sentence as an action of its own. A refusal becomes the error the editor
 * sees: a conflict carries what they need to merge (see `conflictError`), against `baseRevision`.
 */
export async function changeSentence(
  storage: Storage, analyzer: Analyzer | null, action: NewAction, change: SentenceChange, yours?: string,
): Promise<{ action: ActionRecord; outcome: Extract<ChangeOutcome, { ok: true }> }> {
  const recorded = await recordAction(storage, analyzer, action, [change]);
  const outcome = recorded.outcomes[0]!;
  if (outcome.ok) return { action: recorded.action!, outcome };
  if (outcome.reason === 'not-found') throw new ServiceError('not-found', `Sentence ${change.segmentId} does not exist.`);
  const base = 'expectedRevision' in change ? change.expectedRevision : outcome.current.revision;
  throw await conflictError(storage, outcome.current, base, yours);
}

/** Save a new text of one sentence as an action of its own. */
export async function reviseSentence(
  storage: Storage, analyzer: Analyzer, segment: SegmentRecord, action: NewAction, change: Parameters<typeof reviseText>[2],
): Promise<SaveResult> {
  const { action: recorded, outcome } = await changeSentence(storage, analyzer, action, await reviseText(analyzer, segment, change), change.text);
  return { segment: outcome.segment, revision: outcome.revision, action: recorded };
}

/**
 * The 409 answer when a sentence moved on since the editor read it at `baseRevision`: who won,
 * and the three texts a merge needs (the base, theirs now, and the editor's own when they sent
 * one), with word diffs from the base, so the editor's text is merged, never lost.
 */
export async function conflictError(storage: Storage, current: SegmentRecord, baseRevision: number, yours?: string): Promise<ServiceError> {
  const { message, ...details } = await describeConflict(storage, current, baseRevision, yours);
  return new ServiceError('conflict', message, details);
}

/** What a conflict carries (see `conflictError`): its message, and the texts to merge. */
export async function describeConflict(storage: Storage, current: SegmentRecord, baseRevision: number, yours?: string) {
  const [latest] = await storage.revisions.listRange(current.id, current.revision, current.revision);
  const baseText = baseRevision <= current.revision ? await getSegmentVersion(storage, current.id, baseRevision) : null;
  const by = latest && current.revision !== baseRevision ? ` by ${latest.author}` : '';
  const message = current.revision === baseRevision
    ? `This sentence changed status since you opened it (it is now ${current.status.replace('-', ' ')}): nothing was changed. Look at it again.`
    : `This sentence was changed${by} since you opened it (you edited version ${baseRevision}, it is now at version ${current.revision}). `
      + (yours === undefined ? 'Nothing was changed: look at their text first.' : 'Your text was not saved: compare it with theirs and save again.');
  return {
    message,
    current: { id: current.id, text: current.text, revision: current.revision, status: current.status },
    base: baseText === null ? null : { revision: baseRevision, text: baseText },
    theirs: {
      revision: current.revision, text: current.text, author: latest?.author ?? null, createdAt: latest?.createdAt ?? null,
      diff: baseText === null ? null : diffForDisplay(baseText, current.text),
    },
    yours: yours === undefined ? null : { text: yours, diff: baseText === null ? null : diffForDisplay(baseText, yours) },
  };
}

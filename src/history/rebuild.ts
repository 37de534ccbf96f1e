import { applyTextPatch, createTextPatch, PatchMismatchError, type TextPatch } from './text-patch.js';

/** A full-text checkpoint is stored every CHECKPOINT_INTERVAL revisions so any version rebuilds from at most that many patches. */
export const CHECKPOINT_INTERVAL = 50;

/** One row of a sentence's history as a store keeps it. */
export interface StoredRevision {
  /** 0 for the imported machine translation, then 1, 2, 3… with no gaps. */
  number: number;
  /** Turns version number-1 into version number; [] for revision 0. */
  patch: TextPatch;
  /** The full text of this version on checkpoint revisions, otherwise null. */
  checkpoint: string | null;
}

/** The stored revisions cannot produce the asked version: a gap, no checkpoint, or a patch that does not fit. */
export class BrokenHistoryError extends Error {
  override name = 'BrokenHistoryError';
}

/** Revision 0 is the imported machine translation and is always a checkpoint. */
export function isCheckpointRevision(number: number): boolean {
  return Number.isSafeInteger(number) && number >= 0 && number % CHECKPOINT_INTERVAL === 0;
}

/**
 * The revision numbers a store must load to rebuild `target`: from the newest checkpoint at or
 * below it, up to target (both inclusive, so never more than CHECKPOINT_INTERVAL rows).
 *
 * @throws {RangeError} if `target` is not a revision number.
 */
export function revisionsNeededFor(target: number): { from: number; to: number } {
  assertRevisionNumber(target);
  return { from: target - (target % CHECKPOINT_INTERVAL), to: target };
}

/**
 * The revision a store should insert when version `number` of a sentence is saved. Revision 0
 * has no previous text (pass null) and stores the original as its checkpoint with an empty
 * patch; later revisions store the patch from `previousText`, plus the full text on checkpoints.
 *
 * @throws {RangeError} if `number` is not a revision number, or `previousText` is null for a
 *   revision other than 0 (or given for revision 0).
 */
export function createStoredRevision(
  number: number,
  previousText: string | null,
  text: string,
): StoredRevision {
  assertRevisionNumber(number);
  if (number === 0) {
    if (previousText !== null) throw new RangeError('revision 0 has no previous text; pass null');
    return { number, patch: [], checkpoint: text };
  }
  if (previousText === null) throw new RangeError(`revision ${number} needs the previous version's text`);
  return {
    number,
    patch: createTextPatch(previousText, text),
    checkpoint: isCheckpointRevision(number) ? text : null,
  };
}

/**
 * Rebuild the text of version `target` from revisions ordered by number that start at a checkpoint
 * and reach target. Revisions after `target` are ignored, and the newest checkpoint at or below
 * `target` is the starting point, so passing more rows than revisionsNeededFor asks is harmless.
 *
 * @throws {BrokenHistoryError} if there is no checkpoint at or below `target`, a revision is
 *   missing or out of order between it and `target`, or a patch does not fit the text before it.
 */
export function rebuildText(revisions: readonly StoredRevision[], target: number): string {
  assertRevisionNumber(target);
  const start = revisions.findLastIndex(
    (revision) => revision.number <= target && revision.checkpoint !== null,
  );
  const checkpoint = revisions[start];
  if (checkpoint?.checkpoint == null) {
    throw new BrokenHistoryError(
      `cannot rebuild version ${target}: none of the ${revisions.length} revisions given is a checkpoint at or below it`,
    );
  }
  let text = checkpoint.checkpoint;
  let number = checkpoint.number;
  for (let index = start + 1; number < target; index++) {
    const revision = revisions[index];
    if (revision?.number !== number + 1) {
      const found = revision === undefined ? 'the list ends' : `revision ${revision.number} follows`;
      throw new BrokenHistoryError(
        `cannot rebuild version ${target}: revision ${number + 1} is missing (${found} revision ${number})`,
      );
    }
    text = applyRevision(text, revision, target);
    number = revision.number;
  }
  return text;
}

function applyRevision(text: string, revision: StoredRevision, target: number): string {
  try {
    return applyTextPatch(text, revision.patch);
  } catch (error) {
    if (!(error instanceof PatchMismatchError)) throw error;
    throw new BrokenHistoryError(
      `cannot rebuild version ${target}: the patch of revision ${revision.number} does not fit version ${revision.number - 1} (${error.message})`,
      { cause: error },
    );
  }
}

function assertRevisionNumber(number: number): void {
  if (!Number.isSafeInteger(number) || number < 0) {
    throw new RangeError(`${number} is not a revision number (a whole number from 0)`);
  }
}

import { diffWordsBounded, type DiffPart } from './word-diff.js';

/** One step of a word-level edit script: keep n UTF-16 code units, delete this text, insert this text. */
export type PatchOp = ['=', number] | ['-', string] | ['+', string];

/** An edit script that turns one exact text into another; [] means "unchanged". */
export type TextPatch = PatchOp[];

/** The text a patch is applied to is not the text it was made against. */
export class PatchMismatchError extends Error {
  override name = 'PatchMismatchError';

  /**
   * @param message what did not match
   * @param offset UTF-16 offset into the base text where the mismatch was found
   */
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Stored patch text that is not JSON or not a list of well-formed ops. */
export class PatchFormatError extends Error {
  override name = 'PatchFormatError';
}

/**
 * Word-level patch from `before` to `after`, made with diffWordsWithSpace from `diff`; adjacent ops
 * merged; an unchanged text gives []. For huge or unrelated texts the diff gives up and the patch
 * is a single ['-', before], ['+', after] replacement, which is still correct.
 */
export function createTextPatch(before: string, after: string): TextPatch {
  if (before === after) return [];
  return diffWordsBounded(before, after).map(toPatchOp);
}

/**
 * Apply a patch to `base`.
 *
 * A non-empty patch must account for every code unit of `base` (kept or deleted), so a base that
 * is longer, shorter or different from the one the patch was made against is caught instead of
 * producing a plausible but wrong sentence. The empty patch is the identity and fits any base.
 *
 * @throws {PatchMismatchError} if a kept length overruns `base`, a deleted text is not there, or
 *   `base` has text the patch does not cover.
 */
export function applyTextPatch(base: string, patch: TextPatch): string {
  if (patch.length === 0) return base;
  const pieces: string[] = [];
  let cursor = 0;
  for (const op of patch) {
    if (op[0] === '=') {
      const end = cursor + op[1];
      if (end > base.length) {
        throw new PatchMismatchError(
          `patch keeps ${op[1]} characters at offset ${cursor} but the text has only ${base.length - cursor} left`,
          cursor,
        );
      }
      pieces.push(base.slice(cursor, end));
      cursor = end;
    } else if (op[0] === '-') {
      if (!base.startsWith(op[1], cursor)) {
        throw new PatchMismatchError(
          `patch deletes ${JSON.stringify(op[1])} at offset ${cursor} but the text has ${JSON.stringify(base.slice(cursor, cursor + op[1].length))}`,
          cursor,
        );
      }
      cursor += op[1].length;
    } else {
      pieces.push(op[1]);
    }
  }
  if (cursor !== base.length) {
    throw new PatchMismatchError(
      `patch covers ${cursor} characters but the text has ${base.length}`,
      cursor,
    );
  }
  return pieces.join('');
}

/**
 * The patch that undoes `patch`: applied to the patched text it gives back the original. Deletions
 * and insertions swap, then each changed run is put back in the canonical order (deletion first)
 * so a reversed patch looks exactly like one createTextPatch would make.
 */
export function reverseTextPatch(patch: TextPatch): TextPatch {
  const reversed: TextPatch = [];
  let deleted = '';
  let inserted = '';
  const flushRun = (): void => {
    if (deleted !== '') reversed.push(['-', deleted]);
    if (inserted !== '') reversed.push(['+', inserted]);
    deleted = '';
    inserted = '';
  };
  for (const op of patch) {
    if (op[0] === '=') {
      flushRun();
      const last = reversed.at(-1);
      if (last?.[0] === '=') last[1] += op[1];
      else reversed.push(['=', op[1]]);
    } else if (op[0] === '-') {
      inserted += op[1];
    } else {
      deleted += op[1];
    }
  }
  flushRun();
  return reversed;
}

/** Serialise a patch for storage as JSON. */
export function serializeTextPatch(patch: TextPatch): string {
  return JSON.stringify(patch);
}

/**
 * Parse a stored patch. The shape is checked strictly (kept lengths are positive integers, texts
 * are non-empty) because createTextPatch never writes anything else: anything else is corruption.
 *
 * @throws {PatchFormatError} if `json` is not JSON or not a list of ops.
 */
export function parseTextPatch(json: string): TextPatch {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new PatchFormatError('stored patch is not JSON', { cause: error });
  }
  if (!Array.isArray(value)) throw new PatchFormatError('stored patch is not a list of ops');
  return value.map(parsePatchOp);
}

function parsePatchOp(value: unknown, index: number): PatchOp {
  if (Array.isArray(value) && value.length === 2) {
    const [kind, argument] = value as [unknown, unknown];
    if (kind === '=' && Number.isSafeInteger(argument) && (argument as number) > 0) {
      return ['=', argument as number];
    }
    if ((kind === '-' || kind === '+') && typeof argument === 'string' && argument !== '') {
      return [kind, argument];
    }
  }
  throw new PatchFormatError(`stored patch op ${index} is malformed: ${JSON.stringify(value)}`);
}

function toPatchOp(part: DiffPart): PatchOp {
  if (part.kind === 'same') return ['=', part.text.length];
  return [part.kind === 'added' ? '+' : '-', part.text];
}

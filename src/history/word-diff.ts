import { diffWordsWithSpace } from 'diff';

/**
 * Beyond this many token edits (a token is a word, a space run, a newline or a punctuation mark)
 * the word diff gives up. Rewriting a long news sentence from scratch is 100–300 token edits; far
 * beyond that the texts are unrelated and "all removed, all added" reads as well as a word diff.
 * Myers' cost grows with the square of the edits: giving up at 500 takes about 20 ms on unrelated
 * 5,000-word texts, at 2,000 about 250 ms.
 */
export const MAX_EDIT_TOKENS = 500;

/**
 * Wall-clock backstop should MAX_EDIT_TOKENS ever be too slow on a slow machine. It makes the result
 * depend on machine speed, which is safe only because the fallback is itself an exact diff.
 */
export const DIFF_TIMEOUT_MS = 100;

/** One run of a word diff: text both sides share, or text only one side has. */
export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/**
 * Word-level diff (diffWordsWithSpace) in a canonical shape: no empty parts, no two adjacent parts
 * of one kind, and in each changed run the removed text comes before the added text. When `diff`
 * gives up (see MAX_EDIT_TOKENS, DIFF_TIMEOUT_MS) the answer is the whole of `before` removed and
 * the whole of `after` added, which is coarse but still exact.
 */
export function diffWordsBounded(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ text: before, kind: 'same' }];
  const changes = diffWordsWithSpace(before, after, {
    maxEditLength: MAX_EDIT_TOKENS,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (changes === undefined) return replaceWhole(before, after);
  return orderParts(
    changes.map((change) => ({
      text: change.value,
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    })),
  );
}

// `diff` may emit an addition before a removal, or split a run in two; one canonical order keeps
// stored patches comparable and matches what reverseTextPatch produces.
function orderParts(parts: readonly DiffPart[]): DiffPart[] {
  const ordered: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flushRun = (): void => {
    if (removed !== '') ordered.push({ text: removed, kind: 'removed' });
    if (added !== '') ordered.push({ text: added, kind: 'added' });
    removed = '';
    added = '';
  };
  for (const part of parts) {
    if (part.text === '') continue;
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else {
      flushRun();
      const last = ordered.at(-1);
      if (last?.kind === 'same') last.text += part.text;
      else ordered.push({ text: part.text, kind: 'same' });
    }
  }
  flushRun();
  return ordered;
}

function replaceWhole(before: string, after: string): DiffPart[] {
  return orderParts([
    { text: before, kind: 'removed' },
    { text: after, kind: 'added' },
  ]);
}

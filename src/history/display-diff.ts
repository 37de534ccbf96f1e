import { diffWordsBounded, type DiffPart } from './word-diff.js';

export type { DiffPart } from './word-diff.js';

/**
 * Word-level diff for display (diffWordsWithSpace), interleaved: kept, removed and added runs in
 * reading order, removed before added within a change. Very large rewrites show as one removal
 * and one addition rather than taking seconds to diff.
 */
export function diffForDisplay(before: string, after: string): DiffPart[] {
  return diffWordsBounded(before, after);
}

/**
 * The same diff as two lines: the before text with removed words marked, the after text with
 * added words marked (editors find this easier to read than one interleaved line).
 */
export function diffSideBySide(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  return splitSides(diffForDisplay(before, after));
}

/** An interleaved diff (diffForDisplay) as its two lines, without diffing again. */
export function splitSides(parts: readonly DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return { before: keepSide(parts, 'added'), after: keepSide(parts, 'removed') };
}

// A word for this count is a run of letters or digits: spaces and punctuation are no words.
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether a change rewrote more than half the words: fewer words kept than half of the longer
 * side's. Past that, the interleaved diff alternates struck and added runs word after word and
 * reads worse than the two sentences one above the other, which is what the page shows instead.
 */
export function changesMostWords(parts: readonly DiffPart[]): boolean {
  let kept = 0;
  let before = 0;
  let after = 0;
  for (const part of parts) {
    const words = part.text.match(WORD)?.length ?? 0;
    if (part.kind === 'same') kept += words;
    if (part.kind !== 'added') before += words;
    if (part.kind !== 'removed') after += words;
  }
  return kept * 2 < Math.max(before, after);
}

// Dropping the other side's runs can leave two kept runs touching (around a pure insertion);
// they are joined so a template never has to.
function keepSide(parts: readonly DiffPart[], otherSide: 'added' | 'removed'): DiffPart[] {
  const side: DiffPart[] = [];
  for (const part of parts) {
    if (part.kind === otherSide) continue;
    const last = side.at(-1);
    if (last?.kind === 'same' && part.kind === 'same') side[side.length - 1] = { text: last.text + part.text, kind: 'same' };
    else side.push({ ...part });
  }
  return side;
}

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
  const parts = diffForDisplay(before, after);
  return { before: keepSide(parts, 'added'), after: keepSide(parts, 'removed') };
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

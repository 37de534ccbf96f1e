/**
 * How much post-editing a sentence needed, in the spirit of HTER (Snover et al., 2006): the word
 * edits that turn the machine translation into the editor's final text, divided by the number of
 * words of the final text.
 *
 * Two choices differ from full TER, on purpose:
 * - No shifts. TER lets a moved block cost one edit; finding the best shifts is a greedy search
 *   with tuning knobs, and its numbers are hard to check by hand. Here a moved word costs a
 *   deletion and an insertion, so word-order corrections weigh more than in TER. The classifier
 *   (classify-correction.ts) reports word order separately, which is where editors look for it.
 * - Words are runs of non-whitespace, case-sensitive, punctuation attached, as tercom does without
 *   its normalisation flag: "Trump," -> "Trump" is one substitution, "trump" -> "Trump" too. Both
 *   are edits an editor had to make.
 */

/** The edits between two texts and the rate they give. */
export interface EditRate {
  /** Word insertions, deletions and substitutions (Levenshtein distance over words). */
  edits: number;
  /** Words of the final text: the denominator. */
  words: number;
  /**
   * edits / words; 0 when the texts have the same words. When the final text has no word
   * (the editor emptied the sentence) the rate is 1 if the machine translation had words: a
   * sentence deleted outright counts as entirely rewritten, not as an infinite rate.
   */
  rate: number;
}

/**
 * Measure the post-editing effort from `machineTranslation` to `finalText`.
 *
 * @example computeEditRate('the tenant of the White House', 'the occupant of the White House')
 *   // { edits: 1, words: 6, rate: 1 / 6 }
 */
export function computeEditRate(machineTranslation: string, finalText: string): EditRate {
  const before = splitWords(machineTranslation);
  const after = splitWords(finalText);
  const edits = countWordEdits(before, after);
  if (after.length === 0) return { edits, words: 0, rate: edits > 0 ? 1 : 0 };
  return { edits, words: after.length, rate: edits / after.length };
}

/**
 * Levenshtein distance over word lists, every operation costing 1. Two rows of the table are kept,
 * so memory is linear; time is the product of the lengths, a few hundred thousand steps for two
 * long news sentences. The common prefix and suffix are trimmed first: most corrections touch a
 * few words in the middle of a sentence, which leaves a tiny table.
 */
export function countWordEdits(before: readonly string[], after: readonly string[]): number {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** The words of a text as edit-rate counts them: runs of non-whitespace. */
export function splitWords(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '');
}

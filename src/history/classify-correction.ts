import { diffArrays } from 'diff';
import { tokenize } from '../text/tokenize.js';
import { MAX_EDIT_TOKENS } from './word-diff.js';

/**
 * What kind of correction an editor made. A correction may have several kinds: "Donald trump
 * signed 2 decrees" -> "Donald Trump signed two executive orders" is names-and-casing, numbers
 * and word-choice.
 *
 * - `punctuation-and-typography`: only characters that are neither letters nor digits changed
 *   (punctuation, quotes, dashes, spaces), away from numbers; or, beside other changes, a run of
 *   the diff that touches punctuation marks and no word.
 * - `names-and-casing`: a word changed only in case ("trump" -> "Trump"), or a run of capitalised,
 *   non-sentence-initial words was replaced by another ("Bytedance Ltd" -> "ByteDance").
 * - `numbers`: a changed run holds a token with a digit ("20" -> "twenty", "3.5" -> "3,5",
 *   "20,000" -> "20 000"); other words replaced in that run also count as word-choice.
 * - `word-order`: a word removed in one place comes back (ignoring case) in another place.
 * - `addition`: a run of the diff only inserts words.
 * - `deletion`: a run of the diff only removes words.
 * - `word-choice`: any other replacement of words by other words.
 */
export type CorrectionClass =
  | 'names-and-casing'
  | 'numbers'
  | 'word-choice'
  | 'word-order'
  | 'punctuation-and-typography'
  | 'addition'
  | 'deletion';

/** Every class, in the order reports list them. */
export const CORRECTION_CLASSES: readonly CorrectionClass[] = [
  'word-choice', 'word-order', 'addition', 'deletion', 'names-and-casing', 'numbers', 'punctuation-and-typography',
];

const WORD = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
const CAPITALISED = /^\p{Lu}/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}\p{M}]+/gu;

interface Token {
  text: string;
  lower: string;
  /** The first word of its sentence, capitalised by position rather than by being a name. */
  initial: boolean;
}

interface Run {
  removed: Token[];
  added: Token[];
}

/**
 * Classify the change from `before` to `after` (machine translation to correction, or any two
 * versions). Identical texts have no class. The classes come in CORRECTION_CLASSES order.
 */
export function classifyCorrection(before: string, after: string): CorrectionClass[] {
  if (before === after) return [];
  const found = new Set<CorrectionClass>();
  const allRuns = diffTokens(readTokens(before), readTokens(after));
  // Same letters and digits in the same order: only separators moved. "every day" -> "everyday"
  // is typography, but "20,000" -> "20 000" is a number written another way.
  if (before.replace(NOT_LETTER_OR_DIGIT, '') === after.replace(NOT_LETTER_OR_DIGIT, '')) {
    for (const run of allRuns) {
      found.add([...run.removed, ...run.added].some((token) => DIGIT.test(token.text)) ? 'numbers' : 'punctuation-and-typography');
    }
    // No token changed at all: only spacing did ("Trump , who" -> "Trump, who").
    if (found.size === 0) return ['punctuation-and-typography'];
    return CORRECTION_CLASSES.filter((kind) => found.has(kind));
  }
  const runs: Run[] = [];
  for (const run of allRuns) {
    const removed = run.removed.filter(isWord);
    const added = run.added.filter(isWord);
    if (removed.length === 0 && added.length === 0) found.add('punctuation-and-typography');
    else runs.push({ removed, added });
  }
  // Within one run of the diff, the same word on both sides can only differ in case: the diff
  // would have kept an identical word as common text (unless it gave up, and then it is no change).
  let initialCasing = false;
  for (const run of runs) {
    for (const [removed, added] of takePairs(run, run)) {
      if (removed.text === added.text) continue;
      if (removed.initial || added.initial) initialCasing = true;
      else found.add('names-and-casing');
    }
  }
  for (const run of runs) {
    for (const other of runs) {
      if (other !== run && takePairs(run, other).length > 0) found.add('word-order');
    }
  }
  // "Yesterday the president came." -> "The president came yesterday.": "the" became "The"
  // only because the sentence now starts with it, which is part of the reordering.
  if (initialCasing && !found.has('word-order')) found.add('names-and-casing');
  for (const run of runs) {
    for (const kind of classifyRun(run)) found.add(kind);
  }
  return CORRECTION_CLASSES.filter((kind) => found.has(kind));
}

/** Words and punctuation marks of a text, in order. */
// Words ("don't", "well-known"), numbers ("3.5", "20,000") and single marks, from the shared tokeniser.
function readTokens(text: string): Token[] {
  let seenWord = false;
  return tokenize(text).map((token) => {
    const initial = !seenWord && WORD.test(token.text);
    if (initial) seenWord = true;
    return { text: token.text, lower: token.text.toLowerCase(), initial };
  });
}

// Runs of removed and added tokens between common ones. A diff that gives up (unrelated texts,
// see MAX_EDIT_TOKENS) is one run replacing everything, which is still a fair description.
function diffTokens(before: Token[], after: Token[]): Run[] {
  const changes = diffArrays(before, after, {
    comparator: (left, right) => left.text === right.text,
    maxEditLength: MAX_EDIT_TOKENS,
  });
  if (changes === undefined) return [{ removed: before, added: after }];
  const runs: Run[] = [];
  let current: Run = { removed: [], added: [] };
  for (const change of changes) {
    if (change.removed) current.removed.push(...change.value);
    else if (change.added) current.added.push(...change.value);
    else if (current.removed.length > 0 || current.added.length > 0) {
      runs.push(current);
      current = { removed: [], added: [] };
    }
  }
  if (current.removed.length > 0 || current.added.length > 0) runs.push(current);
  return runs;
}

function isWord(token: Token): boolean {
  return WORD.test(token.text);
}

// Remove from `from.removed` and `to.added` each pair of words equal ignoring case; return the pairs.
function takePairs(from: Run, to: Run): [Token, Token][] {
  const pairs: [Token, Token][] = [];
  for (let i = 0; i < from.removed.length; i++) {
    const removed = from.removed[i]!;
    const match = to.added.findIndex((added) => added.lower === removed.lower);
    if (match < 0) continue;
    pairs.push([removed, to.added[match]!]);
    from.removed.splice(i, 1);
    to.added.splice(match, 1);
    i--;
  }
  return pairs;
}

// What is left of a run once case changes and moved words are set aside. Beside a changed number,
// words replaced by other words are a word choice too ("3 people died" -> "three people were
// killed"), but a lone word on one side is taken as the number spelled out ("2" -> "two").
function classifyRun({ removed, added }: Run): CorrectionClass[] {
  const hasDigit = (token: Token): boolean => DIGIT.test(token.text);
  if ([...removed, ...added].some(hasDigit)) {
    const words = { removed: removed.filter((token) => !hasDigit(token)), added: added.filter((token) => !hasDigit(token)) };
    return words.removed.length > 0 && words.added.length > 0 ? ['numbers', ...classifyRun(words)] : ['numbers'];
  }
  if (removed.length === 0 && added.length === 0) return [];
  if (removed.length === 0) return ['addition'];
  if (added.length === 0) return ['deletion'];
  if ([...removed, ...added].every((token) => CAPITALISED.test(token.text) && !token.initial)) return ['names-and-casing'];
  return ['word-choice'];
}

import { tokenize } from './tokenize.js';

/**
 * Anchors for sentence alignment: tokens that a translation keeps, whatever the two languages.
 *
 * Numbers ("3,5" and "3.5", "20 000" and "20,000" are the same number), capitalised names and
 * acronyms, question and exclamation marks, and quotation marks survive translation far more often
 * than any word. Only tokens found on both sides of the document count, so "Londres" and "London"
 * are simply not anchors rather than a mismatch; and a token is trusted in proportion to how evenly
 * it occurs on the two sides, so English "Le Monde" does not make French "le" an anchor.
 */

// Trust in each kind of anchor, in the units of the length cost (a negative log probability).
// Numbers are almost never translated; names sometimes are; punctuation is often moved or dropped.
const NUMBER_WEIGHT = 3;
const NAME_WEIGHT = 2;
const MARK_WEIGHT = 1;
// Question and exclamation marks, and quotation marks of both traditions (not ’, which is an apostrophe), by their key.
const MARKS: ReadonlyMap<string, string> = new Map([['?', '?'], ['¿', '?'], ['!', '!'], ['¡', '!'], ...[...'"“”«»„'].map((mark): [string, string] => [mark, '"'])]);
// The ending of an ordinal number ("3rd", "1er"), dropped before numbers are compared.
const ORDINAL_ENDING = /\p{L}+$/u;
// Hyphens and apostrophes inside a word token.
const WORD_JOINERS = /[-'’]/;
// Words shorter than this are too common to identify a sentence ("A", "I", "Y").
const MIN_NAME_LENGTH = 2;

/** Anchor ids of each sentence, as ranges of one flat array: sentence k has ids[offsets[k], offsets[k + 1]). */
export interface SideAnchors {
  offsets: Int32Array;
  ids: Int32Array;
}

/** The anchors of both sides of a document, and the weight of each anchor id. */
export interface DocumentAnchors {
  source: SideAnchors;
  target: SideAnchors;
  weights: Float64Array;
}

/** An anchor candidate found in a sentence: its comparable key, its kind, and whether it can start an anchor. */
interface Candidate {
  key: string;
  weight: number;
  // A capitalised word inside the sentence, a number or a mark; a plain word only confirms one.
  distinctive: boolean;
}

/**
 * Find the anchors of a source and a target document. An anchor is a key that is distinctive on
 * at least one side and occurs on both; its weight falls as its counts on the two sides diverge.
 */
export function findAnchors(source: readonly string[], target: readonly string[]): DocumentAnchors {
  // News repeats its words; normalising each distinct word once halves the time on long documents.
  const keys = new Map<string, string>();
  const sourceTokens = source.map((sentence) => readTokens(sentence, keys));
  const targetTokens = target.map((sentence) => readTokens(sentence, keys));
  const sourceCounts = countKeys(sourceTokens);
  const targetCounts = countKeys(targetTokens);
  const ids = new Map<string, number>();
  const weights: number[] = [];
  for (const [key, entry] of sourceCounts) {
    const other = targetCounts.get(key);
    if (other === undefined || !(entry.distinctive || other.distinctive)) continue;
    ids.set(key, weights.length);
    weights.push(entry.weight * (Math.min(entry.count, other.count) / Math.max(entry.count, other.count)));
  }
  return {
    source: collectIds(sourceTokens, ids),
    target: collectIds(targetTokens, ids),
    weights: Float64Array.from(weights),
  };
}

/** The tokens of one sentence that could be anchors, read from the shared tokeniser. */
function readTokens(sentence: string, keys: Map<string, string>): Candidate[] {
  const tokens: Candidate[] = [];
  let first = true;
  for (const token of tokenize(sentence)) {
    if (token.kind === 'number') {
      tokens.push({ key: `#${normaliseNumber(token.text.replace(ORDINAL_ENDING, ''))}`, weight: NUMBER_WEIGHT, distinctive: true });
      first = false;
    } else if (token.kind === 'punct') {
      const mark = MARKS.get(token.text);
      if (mark) tokens.push({ key: mark, weight: MARK_WEIGHT, distinctive: true });
    } else {
      // Each part of "Saint-Germain" or "l'Irak" counts alone: the other language may join them otherwise.
      for (const word of token.text.split(WORD_JOINERS)) {
        if (word.length >= MIN_NAME_LENGTH) {
          const initial = word.charAt(0);
          const capitalised = initial !== initial.toLowerCase();
          // The first word is capitalised by position, so only an acronym ("NATO said") counts there.
          const distinctive = capitalised && (!first || word === word.toUpperCase());
          let key = keys.get(word);
          if (key === undefined) {
            key = normaliseWord(word);
            keys.set(word, key);
          }
          tokens.push({ key, weight: NAME_WEIGHT, distinctive });
        }
        first = false;
      }
    }
  }
  return tokens;
}

/** "20 000", "20,000" and "20.000" -> "20000"; "3,5" and "3.50" -> "3.5". */
function normaliseNumber(text: string): string {
  const digits = text.replace(/[ \u00a0\u202f]/g, '');
  // A final separator followed by other than three digits is a decimal mark; the others group thousands.
  const last = Math.max(digits.lastIndexOf(','), digits.lastIndexOf('.'));
  const isDecimal = last >= 0 && digits.length - last - 1 !== 3;
  const whole = (isDecimal ? digits.slice(0, last) : digits).replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');
  const fraction = isDecimal ? digits.slice(last + 1).replace(/0+$/, '') : '';
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Lower case without accents, so "Québec" meets "Quebec" and a lower-cased translation still counts. */
function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** How often each key occurs on one side, its weight, and whether it was ever distinctive. */
function countKeys(sentences: readonly Candidate[][]): Map<string, { count: number; weight: number; distinctive: boolean }> {
  const counts = new Map<string, { count: number; weight: number; distinctive: boolean }>();
  for (const tokens of sentences) {
    for (const token of tokens) {
      const entry = counts.get(token.key);
      if (entry === undefined) counts.set(token.key, { count: 1, weight: token.weight, distinctive: token.distinctive });
      else {
        entry.count++;
        entry.distinctive ||= token.distinctive;
      }
    }
  }
  return counts;
}

/** The anchor ids of each sentence, in one flat array. */
function collectIds(sentences: readonly Candidate[][], ids: ReadonlyMap<string, number>): SideAnchors {
  const offsets = new Int32Array(sentences.length + 1);
  const flat: number[] = [];
  sentences.forEach((tokens, index) => {
    for (const token of tokens) {
      const id = ids.get(token.key);
      if (id !== undefined) flat.push(id);
    }
    offsets[index + 1] = flat.length;
  });
  return { offsets, ids: Int32Array.from(flat) };
}

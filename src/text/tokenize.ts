/**
 * The one word tokeniser: checks, sentence alignment and the history's correction classes read
 * words through it, so that "3,5", "d'Orsay", "Saint-Germain" and "Trump's" are the same tokens
 * wherever they are compared.
 */

/** Kind of a token: a word (letters, inner hyphens or apostrophes), a number, or one other character. */
export type TokenKind = 'word' | 'number' | 'punct';

/** A token of a sentence with its half-open offsets; `norm` is lower-cased with typographic apostrophes made straight. */
export interface Token {
  text: string;
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

// What a token is, as one regular expression (the specification the scanner below implements, and
// tests/text/tokenize.test.ts compares it with):
//   (\p{N}{1,3}(?:[ \u00a0\u202f]\p{N}{3})+(?!\p{N})
//    |\p{N}+(?:[.,:]\p{N}+)*(?:(?:st|nd|rd|th|er|re|e|ème|eme)(?![\p{L}\p{N}]))?)
//   |([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)
//   |(\S)
// Numbers keep their inner separators ("1,200", "3.5", "20:30"), French groups of thousands
// ("20 000", with a space, a no-break or a narrow no-break space before exactly three digits) and
// an ordinal ending ("3rd", "21st", "1er", "2e"); words start with a letter, may hold digits ("G8",
// "CO2") and keep inner hyphens and apostrophes ("ex-president", "d'Orsay", "don't"); anything
// else is one character. Every sentence of every check is read here, so the expression is
// scanned by hand over a table of character classes: its Unicode classes made the tokeniser
// three times slower.

// Character classes of a code point, as bits: letter, combining mark, number, white space (as \s).
const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const SPACE = 8;
// Set once a UTF-16 code unit's classes are known: the table fills as characters are first seen.
const KNOWN = 16;
const classTable = new Uint8Array(0x10000);
// Ordinal endings after a number, tried in this order, each only before a character that is neither letter nor number.
const ORDINALS = ['st', 'nd', 'rd', 'th', 'er', 're', 'e', 'ème', 'eme'];
// Separators inside a number ("3,5", "20:30"), before a French group of thousands, and inside a word.
const DECIMAL_SEPARATORS = '.,:';
const GROUP_SEPARATORS = ' \u00a0\u202f';
const HYPHEN = 0x2d;
const FULL_STOP = 0x2e;
const SPACE_CODE = 0x20;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

// The English possessive is split off so that "TikTok's activities" is "tiktok" + "'s" + "activities".
const POSSESSIVE_PATTERN = /['’]s$/i;

/**
 * Split a text into word, number and punctuation tokens.
 *
 * @param text A sentence (or any text; offsets are into it).
 * @returns Tokens in order, with offsets into `text`.
 */
export function tokenize(text: string): readonly Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const kind = classAt(text, index);
    if (kind & SPACE) {
      index += codePointLength(text, index);
    } else if (kind & NUMBER) {
      const end = endOfNumber(text, index);
      const value = text.slice(index, end);
      tokens.push({ text: value, norm: value, start: index, end, kind: 'number' });
      index = end;
    } else if (kind & (LETTER | MARK)) {
      const end = endOfWord(text, index);
      pushWord(tokens, text.slice(index, end), index);
      index = end;
    } else {
      const end = index + codePointLength(text, index);
      tokens.push(makeToken(text.slice(index, end), index, 'punct'));
      index = end;
    }
  }
  return tokens;
}

/** The length (in UTF-16 code units, as `String.length` counts) of a text's letters alone. */
export function countLetters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; ) {
    const length = codePointLength(text, index);
    if (classAt(text, index) & LETTER) count += length;
    index += length;
  }
  return count;
}

/**
 * A text as phrases are searched in it: lower-case, without accents or full stops ("U.S." is "us"),
 * every run of other characters that are not letters or digits one space, padded with a space each
 * side, so that `includes(' united states ')` finds whole words.
 */
export function foldForSearch(text: string): string {
  const folded = foldAccents(text);
  const parts: string[] = [' '];
  let runStart = 0;
  let inGap = false;
  let index = 0;
  // Runs of letters and digits are copied whole; full stops are dropped without ending a gap.
  while (index < folded.length) {
    const length = codePointLength(folded, index);
    const alphanumeric = (classAt(folded, index) & (LETTER | NUMBER)) !== 0;
    if (alphanumeric) {
      if (inGap) {
        parts.push(' ');
        inGap = false;
        runStart = index;
      }
    } else {
      if (!inGap && index > runStart) parts.push(folded.slice(runStart, index));
      if (folded.charCodeAt(index) !== FULL_STOP) inGap = true;
      else if (!inGap) {
        // A full stop inside a word ("u.s") joins its two sides.
        runStart = index + 1;
      }
    }
    index += length;
  }
  if (!inGap && folded.length > runStart) parts.push(folded.slice(runStart));
  else if (inGap) parts.push(' ');
  parts.push(' ');
  return parts.join('');
}

/** Whether `word` is one of the space-separated words of `text` (as `joinNorms` and `foldForSearch` write them), without building ` ${word} `. */
export function includesWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (text.charCodeAt(at - 1) === SPACE_CODE && text.charCodeAt(at + word.length) === SPACE_CODE) return true;
  }
  return false;
}

/**
 * The lower-cased words of a token list joined by spaces and padded with one
 * space each side, so that `includes(' phrase ')` finds whole words.
 */
export function joinNorms(tokens: readonly Token[]): string {
  // One join: adding word by word builds a chain of strings that the first search must flatten.
  const norms = new Array<string>(tokens.length);
  for (let index = 0; index < tokens.length; index++) norms[index] = tokens[index]!.norm;
  return tokens.length === 0 ? ' ' : ` ${norms.join(' ')} `;
}

// Text that has no accent to remove: most words of most sentences.
const ASCII = /^[\x00-\x7f]*$/;

// Folded words, since the same accented words come back in every sentence; emptied when full.
const folded = new Map<string, string>();
const FOLDED_SIZE = 4096;

/** Remove accents and lower-case: "États-Unis" -> "etats-unis". */
export function foldAccents(text: string): string {
  if (isPlainLowerCase(text)) return text;
  if (ASCII.test(text)) return text.toLowerCase();
  let result = folded.get(text);
  if (result === undefined) {
    result = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    if (folded.size >= FOLDED_SIZE) folded.clear();
    folded.set(text, result);
  }
  return result;
}

function makeToken(text: string, start: number, kind: TokenKind): Token {
  if (isPlainLowerCase(text)) return { text, norm: text, start, end: start + text.length, kind };
  const lower = text.toLowerCase();
  return { text, norm: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start, end: start + text.length, kind };
}

// ASCII without capitals: its own lower-case, folded form (most words; `toLowerCase` would copy it).
function isPlainLowerCase(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x7f || (code >= 0x41 && code <= 0x5a)) return false;
  }
  return true;
}

// A word, with the English possessive as a token of its own.
function pushWord(tokens: Token[], value: string, start: number): void {
  if (value.length > 2 && POSSESSIVE_PATTERN.test(value)) {
    const cut = value.length - 2;
    tokens.push(makeToken(value.slice(0, cut), start, 'word'));
    tokens.push({ text: value.slice(cut), norm: "'s", start: start + cut, end: start + value.length, kind: 'word' });
  } else {
    tokens.push(makeToken(value, start, 'word'));
  }
}

// The end of the number starting at `start`: a French grouped number when one is there, else
// digits with inner separators and perhaps an ordinal ending.
function endOfNumber(text: string, start: number): number {
  const digits = skipClass(text, start, NUMBER);
  const grouped = countCodePoints(text, start, digits) <= 3 ? endOfGroups(text, digits) : -1;
  if (grouped >= 0) return grouped;
  let end = digits;
  while (end + 1 < text.length && DECIMAL_SEPARATORS.includes(text.charAt(end)) && classAt(text, end + 1) & NUMBER) {
    end = skipClass(text, end + 1, NUMBER);
  }
  for (const ordinal of ORDINALS) {
    if (text.startsWith(ordinal, end) && !(classAt(text, end + ordinal.length) & (LETTER | NUMBER))) return end + ordinal.length;
  }
  return end;
}

// After up to three digits, groups of a separator and exactly three digits ("20 000 000"), the last
// not followed by a digit (the expression gives a group back when it is): -1 when there is none.
function endOfGroups(text: string, from: number): number {
  const ends: number[] = [];
  let end = from;
  for (;;) {
    if (end + 1 >= text.length || !GROUP_SEPARATORS.includes(text.charAt(end))) break;
    let next = end + 1;
    let count = 0;
    while (count < 3 && next < text.length && classAt(text, next) & NUMBER) {
      next += codePointLength(text, next);
      count++;
    }
    if (count < 3) break;
    ends.push(next);
    end = next;
  }
  if (ends.length === 0) return -1;
  const last = ends[ends.length - 1]!;
  if (!(classAt(text, last) & NUMBER)) return last;
  return ends.length > 1 ? ends[ends.length - 2]! : -1;
}

// The end of the word starting at `start`: letters, marks and numbers, joined by inner hyphens and apostrophes.
function endOfWord(text: string, start: number): number {
  let end = skipClass(text, start, LETTER | MARK | NUMBER);
  while (end + 1 < text.length && isWordJoiner(text.charCodeAt(end)) && classAt(text, end + 1) & (LETTER | MARK | NUMBER)) {
    end = skipClass(text, end + 1, LETTER | MARK | NUMBER);
  }
  return end;
}

function isWordJoiner(code: number): boolean {
  return code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE;
}

// The index after the run of code points of one of `kinds` starting at `from`.
function skipClass(text: string, from: number, kinds: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    // Most characters stand alone in UTF-16: their classes are one table read away.
    if (code < 0xd800 || code > 0xdbff) {
      if (!(knownClasses(code) & kinds)) break;
      index++;
    } else {
      if (!(classAt(text, index) & kinds)) break;
      index += codePointLength(text, index);
    }
  }
  return index;
}

function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += codePointLength(text, index)) count++;
  return count;
}

// 2 for a surrogate pair, else 1.
function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

// The classes of the code point at `index` (0 past the end); the table holds those of single code units.
function classAt(text: string, index: number): number {
  if (index >= text.length) return 0;
  if (codePointLength(text, index) === 2) return classify(String.fromCodePoint(text.codePointAt(index)!));
  return knownClasses(text.charCodeAt(index));
}

// The classes of a UTF-16 code unit, from the table, filled on first sight.
function knownClasses(code: number): number {
  let kinds = classTable[code]!;
  if (kinds === 0) {
    kinds = classify(String.fromCharCode(code)) | KNOWN;
    classTable[code] = kinds;
  }
  return kinds;
}

function classify(character: string): number {
  return (
    (/\p{L}/u.test(character) ? LETTER : 0) |
    (/\p{M}/u.test(character) ? MARK : 0) |
    (/\p{N}/u.test(character) ? NUMBER : 0) |
    (/\s/u.test(character) ? SPACE : 0)
  );
}

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

// Numbers keep their inner separators ("1,200", "3.5", "20:30"), French groups of thousands
// ("20 000", with a space, a no-break or a narrow no-break space before exactly three digits) and
// an ordinal ending ("3rd", "21st", "1er", "2e"); words
// start with a letter, may hold digits ("G8", "CO2") and keep inner hyphens and apostrophes
// ("ex-president", "d'Orsay", "don't"); anything else is one character.
const TOKEN_PATTERN =
  /(\p{N}{1,3}(?:[ \u00a0\u202f]\p{N}{3})+(?!\p{N})|\p{N}+(?:[.,:]\p{N}+)*(?:(?:st|nd|rd|th|er|re|e|ème|eme)(?![\p{L}\p{N}]))?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

// The English possessive is split off so that "TikTok's activities" is "tiktok" + "'s" + "activities".
const POSSESSIVE_PATTERN = /['’]s$/i;

// A document's context reads every sentence before the checks do, and the bilingual checks read
// the same source sentence several times: the answers for about one article are kept, and the
// cache is emptied when it fills (so a benchmark over many articles never reads a previous round's tokens).
const cache = new Map<string, readonly Token[]>();
const CACHE_SIZE = 1024;

/**
 * Split a text into word, number and punctuation tokens.
 *
 * @param text A sentence (or any text; offsets are into it).
 * @returns Tokens in order, with offsets into `text`.
 */
export function tokenize(text: string): readonly Token[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match; match = TOKEN_PATTERN.exec(text)) {
    const start = match.index;
    const value = match[0];
    if (match[1] !== undefined) {
      tokens.push({ text: value, norm: value, start, end: start + value.length, kind: 'number' });
    } else if (match[2] !== undefined) {
      if (value.length > 2 && POSSESSIVE_PATTERN.test(value)) {
        const cut = value.length - 2;
        tokens.push(makeToken(value.slice(0, cut), start, 'word'));
        tokens.push({ text: value.slice(cut), norm: "'s", start: start + cut, end: start + value.length, kind: 'word' });
      } else {
        tokens.push(makeToken(value, start, 'word'));
      }
    } else {
      tokens.push(makeToken(value, start, 'punct'));
    }
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(text, tokens);
  return tokens;
}

/**
 * The lower-cased words of a token list joined by spaces and padded with one
 * space each side, so that `includes(' phrase ')` finds whole words.
 */
export function joinNorms(tokens: readonly Token[]): string {
  let joined = ' ';
  for (const token of tokens) joined += token.norm + ' ';
  return joined;
}

// Text that has no accent to remove: most words of most sentences.
const ASCII = /^[\x00-\x7f]*$/;

// Folded words, since the same accented words come back in every sentence; emptied when full.
const folded = new Map<string, string>();
const FOLDED_SIZE = 4096;

/** Remove accents and lower-case: "États-Unis" -> "etats-unis". */
export function foldAccents(text: string): string {
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
  const lower = text.toLowerCase();
  return { text, norm: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start, end: start + text.length, kind };
}

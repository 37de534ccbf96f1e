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

// Numbers keep their inner separators ("1,200", "3.5", "20:30"); words keep inner
// hyphens and apostrophes ("ex-president", "d'Orsay", "don't"); anything else is one character.
const TOKEN_PATTERN = /(\p{N}+(?:[.,:]\p{N}+)*)|([\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

// The English possessive is split off so that "TikTok's activities" is "tiktok" + "'s" + "activities".
const POSSESSIVE_PATTERN = /['’]s$/i;

// Every check of a sentence asks for its tokens, and a document's context reads every sentence
// before the checks do: the answers for about one article are kept, and the cache is emptied when
// it fills (so a benchmark over many articles never reads a previous round's tokens).
const cache = new Map<string, readonly Token[]>();
const CACHE_SIZE = 512;

// Spelled-out numbers, for patterns such as "since <num> years".
const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
  'several', 'many', 'some', 'dozens', 'hundreds', 'thousands', 'millions', 'a few', 'few'
]);

/**
 * Split a sentence into word, number and punctuation tokens.
 *
 * @param text The sentence.
 * @returns Tokens in order, with offsets into `text`.
 */
export function tokenize(text: string): readonly Token[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
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
 * Whether a token is a number, in digits or spelled out ("20", "twenty", "several").
 */
export function isNumberToken(token: Token): boolean {
  return token.kind === 'number' || NUMBER_WORDS.has(token.norm);
}

// Capitalised function words are sentence starts or title case, never names.
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your',
  'in', 'on', 'at', 'for', 'of', 'and', 'but', 'or', 'to', 'with', 'by', 'from', 'as', 'if', 'when', 'i',
  'he', 'she', 'it', 'we', 'they', 'there', 'while', 'after', 'before', 'since', 'according', 'however'
]);

/** Whether a word token starts with an upper-case letter and is not a function word ("The", "In"). */
export function isCapitalized(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const first = token.text.charAt(0);
  return first !== first.toLowerCase() && !FUNCTION_WORDS.has(token.norm);
}

/** Whether a token is a function word such as "the", "of", "he". */
export function isFunctionWord(token: Token): boolean {
  return FUNCTION_WORDS.has(token.norm);
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

function makeToken(text: string, start: number, kind: TokenKind): Token {
  return { text, norm: text.toLowerCase().replace(/’/g, "'"), start, end: start + text.length, kind };
}

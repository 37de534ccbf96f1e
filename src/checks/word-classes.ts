import type { Token } from '../text/tokenize.js';

/**
 * English word classes the checks share: numbers written in words, and the function words whose
 * capital only says a sentence or a title starts.
 */

// Spelled-out numbers, for patterns such as "since <num> years".
const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
  'several', 'many', 'some', 'dozens', 'hundreds', 'thousands', 'millions', 'a few', 'few'
]);

// Capitalised function words are sentence starts or title case, never names.
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your',
  'in', 'on', 'at', 'for', 'of', 'and', 'but', 'or', 'to', 'with', 'by', 'from', 'as', 'if', 'when', 'i',
  'he', 'she', 'it', 'we', 'they', 'there', 'while', 'after', 'before', 'since', 'according', 'however'
]);

/** Whether a token is a number, in digits or spelled out ("20", "twenty", "several"). */
export function isNumberToken(token: Token): boolean {
  return token.kind === 'number' || NUMBER_WORDS.has(token.norm);
}

/** Whether a word token starts with an upper-case letter and is not a function word ("The", "In"). */
export function isCapitalized(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const first = token.text.charAt(0);
  return first !== first.toLowerCase() && !FUNCTION_WORDS.has(token.norm);
}

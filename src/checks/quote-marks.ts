import type { DocumentSegment } from './types.js';

// Opening and closing double quotation marks of both traditions.
const OPENING = '“«„';
const CLOSING = '”»';
// Any double mark: most sentences hold none.
const DOUBLE_MARKS = /[“«„”»"]/;

/**
 * Whether a quotation is open where each segment starts: opened in an earlier sentence of the same
 * paragraph and not closed since ("“We are ready. We will win,” he said." is two sentences, and
 * the second is quoted too). Straight double quotes open and close in turn.
 */
export function findOpenQuotes(segments: readonly DocumentSegment[]): boolean[] {
  const open: boolean[] = [];
  let depth = 0;
  let straight = false;
  segments.forEach((segment, index) => {
    if (index > 0 && segments[index - 1]?.paragraph !== segment.paragraph) {
      depth = 0;
      straight = false;
    }
    open.push(depth > 0 || straight);
    if (!DOUBLE_MARKS.test(segment.text)) return;
    for (const char of segment.text) {
      if (OPENING.includes(char)) depth++;
      else if (CLOSING.includes(char)) depth = Math.max(0, depth - 1);
      else if (char === '"') straight = !straight;
    }
  });
  return open;
}

/**
 * Offsets of the quotation marks of a text. `marks` are the language's double marks; a single
 * quote counts only where it opens a quotation (no letter or digit before it, a letter after), so
 * an apostrophe never does: "l'Europe", "s'attendre", "don't" hold none, "the 'green revolution'"
 * holds one.
 */
export function findQuoteMarks(text: string, marks: string): number[] {
  const offsets: number[] = [];
  const pattern = compileMarks(marks);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (marks.includes(match[0]) || opensQuotation(text, match.index)) offsets.push(match.index);
  }
  return offsets;
}

// A pattern for a language's marks and the single quotes, compiled once per language: most
// sentences hold none, and the search skips them at once.
const markPatterns = new Map<string, RegExp>();

function compileMarks(marks: string): RegExp {
  let pattern = markPatterns.get(marks);
  if (!pattern) {
    pattern = new RegExp(`[${(marks + SINGLE_QUOTES).replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    markPatterns.set(marks, pattern);
  }
  return pattern;
}

/**
 * The text a quotation holds, from its opening mark to the next mark, or to a single quote that
 * ends a word and is followed by no letter ("'green revolution'"), or to the end.
 */
export function readQuotation(text: string, opening: number, marks: string): string {
  let end = text.length;
  for (let index = opening + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (marks.includes(char) || (SINGLE_QUOTES.includes(char) && !/\p{L}/u.test(text.charAt(index + 1)))) {
      end = index;
      break;
    }
  }
  return text.slice(opening + 1, end).trim();
}

// Single quotes: straight, and the typographic pair (’ is also the French and English apostrophe).
const SINGLE_QUOTES = "'‘’";

function opensQuotation(text: string, index: number): boolean {
  return !/[\p{L}\p{N}]/u.test(text.charAt(index - 1)) && /\p{L}/u.test(text.charAt(index + 1));
}

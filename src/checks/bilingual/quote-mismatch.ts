import { createFlag } from '../flag.js';
import type { Flag } from '../types.js';
import type { BilingualCheck } from './types.js';
import { findSentenceSpan } from './words.js';

/** A quotation on one side and none on the other. */
export const quoteMismatch = {
  id: 'quote-mismatch',
  name: 'Quotation marks differ from the source',
  description:
    'A quotation in the source (« ... », “...”, "...") should stay a quotation in the translation, and the ' +
    'translation should not quote what the source does not: the marks tell the reader who said what. Each ' +
    'language\'s data lists the marks it uses; a single quote counts only where it opens a quotation (no ' +
    'letter before it, one after), so an apostrophe is never one. When the translation lost the ' +
    'marks, the flag covers the sentence; when it added them, the flag covers the quoted text.',
  category: 'accuracy/mistranslation',
  severity: 'minor',
  needsSource: true,
  run(target, source, context): Flag[] {
    if (!context.source || !context.target) return [];
    const sourceMarks = findMarks(source, context.source.quoteMarks);
    const targetMarks = findMarks(target, context.target.quoteMarks);
    if (sourceMarks.length > 0 && targetMarks.length === 0) {
      const span = findSentenceSpan(target);
      if (!span) return [];
      const quoted = excerptQuote(source, sourceMarks);
      return [createFlag(quoteMismatch, span[0], span[1], `The source quotes "${quoted}" but the translation has no quotation marks: restore them.`)];
    }
    if (targetMarks.length > 0 && sourceMarks.length === 0) {
      const first = targetMarks[0] ?? 0;
      const last = targetMarks[targetMarks.length - 1] ?? first;
      const end = last > first ? last + 1 : first + 1;
      return [createFlag(quoteMismatch, first, end, `"${target.slice(first, end)}" is quoted but the source has no quotation: check the marks.`)];
    }
    return [];
  }
} satisfies BilingualCheck;

// Single quotes that open a quotation when a letter follows them and none precedes: "the 'green
// revolution'", never the apostrophe of "don't" or "l'Europe".
const SINGLE_QUOTES = "'‘’";

// Offsets of the quotation marks of a sentence.
function findMarks(text: string, marks: string): number[] {
  const offsets: number[] = [];
  const pattern = compileMarks(marks);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const char = match[0];
    if (marks.includes(char) || isOpeningSingle(text, match.index)) offsets.push(match.index);
  }
  return offsets;
}

// A pattern for a language's marks and the single quotes, compiled once per language.
const markPatterns = new Map<string, RegExp>();

function compileMarks(marks: string): RegExp {
  let pattern = markPatterns.get(marks);
  if (!pattern) {
    pattern = new RegExp(`[${(marks + SINGLE_QUOTES).replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    markPatterns.set(marks, pattern);
  }
  return pattern;
}

function isOpeningSingle(text: string, index: number): boolean {
  const before = text.charAt(index - 1);
  const after = text.charAt(index + 1);
  return !/[\p{L}\p{N}]/u.test(before) && /[\p{L}]/u.test(after);
}

// The first quoted text of the source, shortened for a message.
function excerptQuote(source: string, marks: number[]): string {
  const first = marks[0] ?? 0;
  const closing = source.slice(first + 1).search(/[«»“”"'‘’]/);
  const inner = source.slice(first + 1, closing < 0 ? source.length : first + 1 + closing).trim();
  return inner.length > 40 ? `${inner.slice(0, 40)}…` : inner;
}

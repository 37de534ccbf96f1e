import { createFlag } from './flag.js';
import { findQuoteMarks, readQuotation } from './quote-marks.js';
import type { Check, Flag } from './types.js';

// The longest quotation quoted in a message, in characters.
const EXCERPT_LENGTH = 40;

/** A quotation on one side and none on the other. */
export const quoteMismatch = {
  id: 'quote-mismatch',
  name: 'Quotation marks differ from the source',
  description:
    'A quotation in the source (« ... », “...”, "...") should stay a quotation in the translation, and the ' +
    'translation should not quote what the source does not: the marks tell the reader who said what. Each ' +
    'language\'s data lists the marks it uses; a single quote counts only where it opens a quotation (no ' +
    'letter before it, one after), so an apostrophe is never one ("s\'attendre", "l\'Europe", "don\'t"). A ' +
    'sentence inside a quotation opened in an earlier sentence of its paragraph is quoted already. When the ' +
    'translation lost the marks, the flag points at the words that render the quoted source words; when it ' +
    'added them, the flag covers the quoted text.',
  category: 'accuracy/mistranslation',
  severity: 'minor',
  needs: 'source',
  examples: {
    flag: [
      { target: 'The mayor called the plan a disgrace.', source: 'Le maire a qualifié le projet de « honte ».', flagged: ['the plan a disgrace'] },
      { target: 'She said she was "very tired" of the debate.', source: "Elle s'est dite très lasse du débat.", flagged: ['"very tired"'] },
      { target: 'The so-called green wave swept the cities.', source: "La 'vague verte' a déferlé sur les villes.", flagged: ['The so-called green wave'] },
    ],
    pass: [
      { target: 'The mayor called the plan a "disgrace".', source: 'Le maire a qualifié le projet de « honte ».' },
      { target: 'The mayor called the plan a “disgrace”.', source: 'Le maire a qualifié le projet de "honte".' },
      { target: "The mayor called the plan a 'disgrace'.", source: 'Le maire a qualifié le projet de « honte ».' },
      { target: "The union's leaders didn't sign.", source: "Les dirigeants du syndicat n'ont pas signé." },
      { target: "Europe's farmers protested.", source: "Les agriculteurs d'Europe ont manifesté." },
      { target: 'We must expect a hard winter.', source: "Il faut s'attendre à un hiver difficile." },
    ],
  },
  run(sentence, context): Flag[] {
    const source = sentence.source;
    const sourceMarks = context.source?.profile?.quoteMarks;
    const targetMarks = context.target?.quoteMarks;
    if (!source || !sourceMarks || !targetMarks) return [];
    const inSource = findQuoteMarks(source.text, sourceMarks);
    const inTarget = findQuoteMarks(sentence.text, targetMarks);
    if (inSource.length > 0 && inTarget.length === 0 && !context.quoteOpenBefore[sentence.index]) {
      const opening = inSource[0]!;
      const quoted = readQuotation(source.text, opening, sourceMarks);
      if (quoted === '') return [];
      const start = source.text.indexOf(quoted, opening);
      const span = source.links.locate(start, start + quoted.length);
      if (!span) return [];
      const shown = quoted.length > EXCERPT_LENGTH ? `${quoted.slice(0, EXCERPT_LENGTH)}…` : quoted;
      return [createFlag(quoteMismatch, span.start, span.end, `The source quotes "${shown}" but the translation has no quotation marks: restore them here.`)];
    }
    if (inTarget.length > 0 && inSource.length === 0 && !leavesQuotationOpen(context.source?.texts[sentence.index - 1] ?? '', sourceMarks)) {
      const first = inTarget[0]!;
      const last = inTarget[inTarget.length - 1]!;
      const end = last > first ? last + 1 : first + 1;
      return [createFlag(quoteMismatch, first, end, `"${sentence.text.slice(first, end)}" is quoted but the source has no quotation: check the marks.`)];
    }
    return [];
  }
} satisfies Check;

// Whether the previous source sentence opens a quotation it does not close (an odd number of marks),
// so that the next one is quoted without marks of its own.
function leavesQuotationOpen(text: string, marks: string): boolean {
  return findQuoteMarks(text, marks).length % 2 === 1;
}

import { createFlag } from './flag.js';
import type { Check, CheckContext, Flag } from './types.js';

// Opening mark -> closing mark.
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['“', '”'],
  ['«', '»']
];

// Any of the marks the check pairs: most sentences have none.
const MARKS = /[()[\]“”«»"]/;

/** A bracket or quotation mark with no partner in its paragraph. */
export const unbalancedPairs = {
  id: 'unbalanced-pairs',
  name: 'Unbalanced brackets or quotes',
  description:
    'An opening bracket or quotation mark with no closing one, or the reverse. A quotation often spans ' +
    'several sentences, so a sentence is flagged only when its whole paragraph is unbalanced too, and not ' +
    'when its source leaves the same mark open (the translation is faithful). Straight double quotes are ' +
    'counted per paragraph: an odd number means one is missing.',
  category: 'fluency/punctuation',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: 'The group (founded in 1990 said no.', flagged: ['('] },
      { target: 'He said “no.', flagged: ['“'] },
    ],
    pass: [
      { target: 'The group (founded in 1990) said no.' },
      { target: 'He said “no.”' },
      { target: 'He said "no."' },
      { target: '“We are ready.', document: ['We will win,” the captain said.'] },
      { target: '"We are ready.', document: ['We will win," the captain said.'] },
      { target: 'The opposition has not (yet!', source: "L'opposition n'a pas (encore !" },
    ],
  },
  run({ text: sentence, index, source }, context): Flag[] {
    if (!MARKS.test(sentence)) return [];
    // Built only when the sentence itself is unbalanced: most sentences are not.
    let paragraph: string | undefined;
    // A mark the source leaves open too was translated faithfully: the splitter cut inside the
    // brackets ("(encore !" / "(yet!"), or the article quotes over several sentences.
    const sourceText = source?.text ?? '';
    const flags: Flag[] = [];
    for (const [open, close] of PAIRS) {
      const stack: number[] = [];
      const orphans: number[] = [];
      for (let offset = 0; offset < sentence.length; offset++) {
        const char = sentence.charAt(offset);
        if (char === open) stack.push(offset);
        else if (char === close) {
          if (stack.length > 0) stack.pop();
          else orphans.push(offset);
        }
      }
      if (stack.length + orphans.length === 0) continue;
      paragraph ??= paragraphText(context, index, sentence);
      if (isBalanced(paragraph, open, close) || sharesImbalance(sourceText, open, close, stack.length - orphans.length)) continue;
      for (const offset of [...orphans, ...stack]) {
        const mark = sentence.charAt(offset);
        const partner = mark === open ? close : open;
        flags.push(createFlag(unbalancedPairs, offset, offset + 1, `"${mark}" has no matching "${partner}": add it or remove this one.`));
      }
    }
    const straight = countChar(sentence, '"');
    const sourceQuotes = countChar(sourceText, '"') + countChar(sourceText, '«') + countChar(sourceText, '»');
    if (straight % 2 === 1 && sourceQuotes % 2 === 0 && countChar((paragraph ??= paragraphText(context, index, sentence)), '"') % 2 === 1) {
      const offset = sentence.lastIndexOf('"');
      flags.push(createFlag(unbalancedPairs, offset, offset + 1, 'This straight quotation mark has no partner: add the missing one or remove it.'));
    }
    return flags;
  }
} satisfies Check;

// The paragraph of segment `index`, with this sentence in place of the stored one (it may be an edit).
function paragraphText(context: CheckContext, index: number, sentence: string): string {
  const own = context.segments[index];
  if (!own) return sentence;
  // Segments are in document order, so a paragraph is a contiguous run around `index`.
  let first = index;
  while (first > 0 && context.segments[first - 1]?.paragraph === own.paragraph) first--;
  let text = '';
  for (let other = first; other < context.segments.length; other++) {
    const segment = context.segments[other];
    if (segment?.paragraph !== own.paragraph) break;
    text += (other === index ? sentence : segment.text) + ' ';
  }
  return text;
}

// Whether the source leaves the same kind of mark open (a positive excess) or closed (negative).
function sharesImbalance(source: string, open: string, close: string, excess: number): boolean {
  if (source === '' || excess === 0) return false;
  const [sourceOpen, sourceClose] = SOURCE_PAIRS.get(open) ?? [open, close];
  const sourceExcess = countChar(source, sourceOpen) - countChar(source, sourceClose);
  return Math.sign(sourceExcess) === Math.sign(excess);
}

// The source's marks for a pair of the translation: French quotes are guillemets.
const SOURCE_PAIRS: ReadonlyMap<string, readonly [string, string]> = new Map([['“', ['«', '»']]]);

function isBalanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === open) depth++;
    else if (char === close && --depth < 0) return false;
  }
  return depth === 0;
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (const c of text) if (c === char) count++;
  return count;
}

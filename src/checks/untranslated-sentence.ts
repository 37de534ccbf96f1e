import { foldAccents } from '../text/tokenize.js';
import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';

// A sentence of names and numbers ("Barack Obama, 2010") is the same in any language: it needs this many
// words that call for translation before being identical means untranslated.
const MIN_TRANSLATABLE_WORDS = 2;

// Characters compared first, and how many at their end may differ because punctuation moved the cut.
const QUICK_LENGTH = 40;
const QUICK_MARGIN = 8;
// Spacing and punctuation may change the length of an unchanged sentence by this share at most.
const LENGTH_SLACK = 0.2;

/** A translation that is the source itself. */
export const untranslatedSentence = {
  id: 'untranslated-sentence',
  name: 'Sentence identical to the source',
  description:
    'The translation is the source sentence, ignoring case, accents, spacing and punctuation: the sentence ' +
    'was not translated, or the source was pasted in. Sentences made only of names, numbers and words of the ' +
    'target language ("Kosovo, 2008", "Le Monde") are the same in any language and pass. The flag ' +
    'covers the sentence: every word of it is concerned.',
  category: 'accuracy/untranslated',
  severity: 'critical',
  needs: 'source',
  examples: {
    flag: [
      { target: 'Le maire a démissionné hier soir.', source: 'Le maire a démissionné hier soir.', flagged: ['Le maire a démissionné hier soir.'] },
      { target: ' le maire a demissionne hier soir ', source: 'Le maire a démissionné, hier soir.', flagged: ['le maire a demissionne hier soir'] },
    ],
    pass: [
      { target: 'The mayor resigned last night.', source: 'Le maire a démissionné hier soir.' },
      { target: 'Kosovo, 2008.', source: 'Kosovo, 2008.' },
      { target: 'Le Monde', source: 'Le Monde' },
      { target: 'Radio France Internationale', source: 'Radio France Internationale' },
    ],
  },
  run({ text: target, source: sourceSentence }, context): Flag[] {
    if (!sourceSentence) return [];
    const source = sourceSentence.text;
    // Identical texts have about the same length: most pairs are told apart without folding them.
    if (Math.abs(target.length - source.length) > LENGTH_SLACK * Math.max(target.length, source.length)) return [];
    if (firstLetter(target) !== firstLetter(source) || !startsAlike(target, source)) return [];
    if (comparable(target) !== comparable(source)) return [];
    const wordList = context.target?.wordList;
    const translatable = sourceSentence.words.filter(
      (word) => word.bare.length >= 3 && word.surface.charAt(0) === word.surface.charAt(0).toLowerCase() && !wordList?.has(word.bare)
    );
    if (translatable.length < MIN_TRANSLATABLE_WORDS) return [];
    const start = target.search(/\S/);
    if (start < 0) return [];
    const language = context.source?.profile?.name ?? context.source?.language ?? 'source';
    const words = target.trim().split(/\s+/);
    const excerpt = words.length <= 6 ? target.trim() : `${words.slice(0, 6).join(' ')}…`;
    return [createFlag(untranslatedSentence, start, target.trimEnd().length, `"${excerpt}" is the ${language} source unchanged: translate the sentence.`)];
  }
} satisfies Check;

// The first letter, lower-case and without accent; most translations start otherwise than their source.
function firstLetter(text: string): string {
  const letter = /\p{L}/u.exec(text)?.[0] ?? '';
  return foldAccents(letter);
}

// The first characters agree: a cheap test before folding whole sentences.
function startsAlike(target: string, source: string): boolean {
  const a = comparable(target.slice(0, QUICK_LENGTH));
  const b = comparable(source.slice(0, QUICK_LENGTH));
  const shared = Math.min(a.length, b.length) - QUICK_MARGIN;
  return a.slice(0, shared) === b.slice(0, shared);
}

// Letters and digits only, lower-case, without accents.
function comparable(text: string): string {
  return foldAccents(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

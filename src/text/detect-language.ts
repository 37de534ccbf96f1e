/**
 * Guess the language an article is written in, restricted to the languages Retouche expects.
 */
import { francAll } from 'franc';
import { splitSentences } from './split-sentences.js';

// The languages offered in the import form, ISO 639-1 code and English name.
export const SUPPORTED_LANGUAGES: readonly { readonly code: string; readonly name: string }[] = Object.freeze([
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'es', name: 'Spanish' },
  { code: 'it', name: 'Italian' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'nl', name: 'Dutch' },
  { code: 'pl', name: 'Polish' },
  { code: 'ro', name: 'Romanian' },
  { code: 'sv', name: 'Swedish' },
  { code: 'da', name: 'Danish' },
  { code: 'ru', name: 'Russian' },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'tr', name: 'Turkish' },
  { code: 'ar', name: 'Arabic' },
  { code: 'zh', name: 'Chinese' },
  { code: 'ja', name: 'Japanese' },
]);

// franc names languages in ISO 639-3; these are the ones we accept, mapped to ISO 639-1.
const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  pol: 'pl',
  ron: 'ro',
  swe: 'sv',
  dan: 'da',
  rus: 'ru',
  ukr: 'uk',
  tur: 'tr',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
};
// Restricting franc to plausible languages keeps it from answering Scots for English news.
const PLAUSIBLE = Object.keys(ISO_639_3_TO_1);
// Fewer letters than this is a label or a headline, not a text whose language can be told:
// on the 4,000 French and English sentences of lig-fr-en-dev, 40 letters with the runner-up
// rule below gave no wrong answer (20 letters and 0.98 gave 14) and left 9% undecided.
const MIN_LETTERS = 40;
// The start of a long text is enough to tell its language, and keeps a megabyte paste fast.
const SAMPLE_LENGTH = 20_000;
// Above this normalised score the runner-up is too close to call (franc scores the winner 1).
const MAX_RUNNER_UP_SCORE = 0.9;

/**
 * ISO 639-1 code ('en', 'fr', ...) of the language `text` is written in, or 'und' when it cannot
 * tell: too short, no plausible language, or languages too close to call.
 *
 * franc's scores are relative, and on a long text every European language scores close to the
 * winner (0.97 for French on an English article), so no margin works for all lengths. Each
 * sentence long enough to judge votes instead, weighted by its letters; a text with no such
 * sentence is judged whole, with the same margin.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const votes = new Map<string, number>();
  for (const { start, end } of splitSentences(sample)) {
    const sentence = sample.slice(start, end);
    const language = judge(sentence);
    if (language !== 'und') votes.set(language, (votes.get(language) ?? 0) + countLetters(sentence));
  }
  if (votes.size === 0) return judge(sample);
  return [...votes].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** The language of one stretch of text, or 'und' when it is too short or too close to call. */
function judge(text: string): string {
  const sample = text.replace(/\s+/gu, ' ').trim();
  if (countLetters(sample) < MIN_LETTERS) return 'und';
  const [best, runnerUp] = francAll(sample, { only: PLAUSIBLE });
  if (best === undefined || best[0] === 'und') return 'und';
  if (runnerUp !== undefined && runnerUp[1] > MAX_RUNNER_UP_SCORE) return 'und';
  return ISO_639_3_TO_1[best[0]] ?? 'und';
}

function countLetters(sample: string): number {
  return sample.match(/\p{L}/gu)?.length ?? 0;
}

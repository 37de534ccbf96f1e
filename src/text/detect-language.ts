/**
 * Guess the language an article is written in, restricted to the languages Retouche expects.
 */
import { francAll } from 'franc';

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
// Fewer letters than this is a label or a button, not a text whose language can be told.
const MIN_LETTERS = 20;
// franc reads only its first 2,048 characters; collapsing whitespace in a bounded sample lets
// that window cover words rather than indentation, and keeps a megabyte paste fast.
const SAMPLE_LENGTH = 20_000;
// Below this normalised score the runner-up is as likely as the winner (franc scores the winner 1).
const MAX_RUNNER_UP_SCORE = 0.98;

/**
 * ISO 639-1 code ('en', 'fr', ...) of the language `text` is written in, or 'und' when it cannot
 * tell: too short, no plausible language, or two languages too close to call.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_LENGTH).replace(/\s+/gu, ' ').trim();
  if (countLetters(sample) < MIN_LETTERS) return 'und';
  const [best, runnerUp] = francAll(sample, { only: PLAUSIBLE });
  if (best === undefined || best[0] === 'und') return 'und';
  if (runnerUp !== undefined && runnerUp[1] > MAX_RUNNER_UP_SCORE) return 'und';
  return ISO_639_3_TO_1[best[0]] ?? 'und';
}

function countLetters(sample: string): number {
  return sample.match(/\p{L}/gu)?.length ?? 0;
}

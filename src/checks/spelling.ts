import { getLanguageProfile } from '../languages/index.js';
import extra from '../languages/en/extra-words.json' with { type: 'json' };
import { createFlag, matchCase } from './flag.js';
import type { Token } from '../text/tokenize.js';
import type { Check, Flag } from './types.js';
import { isFrenchWord } from './untranslated-text.js';

// The SCOWL-based word list of the language data (American and British spellings with
// their inflections, four letters or more). nspell with dictionary-en was measured here at 26 MB of
// memory, 148 ms to load and 10 ms a suggestion; this list costs nothing more.
const LEXICON = getLanguageProfile('en')?.wordList ?? new Set<string>();
// Words the lists lack: recent news words, loans and Latin tags ("de facto").
const EXTRA_WORDS = new Set(extra.words);
// Shorter words are not in the list: nothing can be said about them.
const MIN_LENGTH = 4;
// Longer runs of letters are not words (pasted junk, a hash): judging one costs time that grows with
// the square of its length, so they are left alone.
const MAX_LENGTH = 30;
// One-edit candidates are looked for only in words up to this long.
const MAX_SUGGESTED_LENGTH = 20;
// Prefixes English builds new words with freely: "unvaccinated", "cybersecurity", "eurozone".
const PREFIXES = [
  'anti', 'counter', 'cyber', 'euro', 'inter', 'mega', 'micro', 'multi', 'non', 'over', 'post', 'pre', 're',
  'self', 'super', 'under', 'un', 'co', 'de', 'dis', 'mis', 'bio', 'eco', 'geo', 'tele', 'home', 'live'
];
// Endings added to a listed word: "influencer", "lockdowns".
const SUFFIXES = ['s', 'es', 'r', 'rs', 'er', 'ers', 'ed', 'd', 'ing', 'ly', 'ness', 'ism', 'ist', 'ists'];
// Two listed words written as one ("lockdown", "livestream") need both halves this long.
const MIN_COMPOUND_PART = 4;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
// More candidates than this say the word is too far from any one fix to propose one.
const MAX_SUGGESTIONS = 3;

/** Lower-case words that are in no English word list: typos, or French the engine left as it was. */
export const spelling = {
  id: 'spelling',
  name: 'Unknown word',
  description:
    'Finds lower-case words of four to thirty letters that are not English: in no SCOWL word list (US and ' +
    'British spellings with their inflections), nor a listed word with a common prefix or ending ' +
    '("unvaccinated", "influencers"), nor two listed words written as one ("lockdown"). Machine translation ' +
    'leaves words it cannot translate as they were ("the prices revint to their level"), and typing leaves ' +
    'typos. Capitalised words are names and are never flagged; hyphenated words, words with digits and web ' +
    'addresses are skipped, and French words are left to the untranslated-text check. Suggestions are the ' +
    'listed words one letter away, shown as hints: they are what the editor wrote less often than not.',
  category: 'fluency/spelling',
  severity: 'minor',
  needs: 'translation',
  // On the LIG split, a word one letter away was what the post-editor wrote less often than not.
  hint: true,
  examples: {
    flag: [
      { target: "The goverment said prices revint to their level.", flagged: ["goverment", "revint"] },
      { target: "Wich citizens will benifit from it?", flagged: ["benifit"] },
      { target: "The unions stagnaient while the ministers hissent the flag.", flagged: ["stagnaient", "hissent"] },
    ],
    pass: [
      { target: "Unvaccinated influencers livestreamed the lockdowns from their homebuyers club." },
      { target: "The de facto leader of the eurozone met Gerhard Schröder in Brussels." },
      { target: "She organised the defence programme; he organized the defense program." },
      { target: "The cristaux dans le tube grew." },
      { target: "See example.com/abcdxyz or write to press@retouchenews for the re-election figures." },
      { target: "The occupant of the White House has taken an interest in the matter." },
    ],
  },
  run({ text: sentence, tokens }, context): Flag[] {
    if (context.targetLanguage !== 'en' && !context.targetLanguage.startsWith('en-')) return [];
    const flags: Flag[] = [];
    for (const token of tokens) {
      // The word list settles almost every word, so it is asked before the French and address tests.
      if (!isPlainWord(token) || isKnown(token.norm) || isFrenchWord(token) || isInAddress(token, sentence)) continue;
      const suggestions = suggest(token.norm).map((word) => matchCase(word, token.text));
      flags.push(
        createFlag(
          spelling,
          token.start,
          token.end,
          `"${token.text}" is not an English word: a typo, or a word the translation left in French.`,
          suggestions
        )
      );
    }
    return flags;
  }
} satisfies Check;

// Only plain lower-case ASCII words are judged: accents are loans, names or French (another check's).
function isPlainWord(token: Token): boolean {
  if (token.kind !== 'word' || token.text.length < MIN_LENGTH || token.text.length > MAX_LENGTH) return false;
  for (let index = 0; index < token.text.length; index++) {
    const code = token.text.charCodeAt(index);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

// Part of an address or a handle: "example.com", "@retouche", "/documents".
function isInAddress(token: Token, sentence: string): boolean {
  const before = sentence.charAt(token.start - 1);
  const after = sentence.charAt(token.end);
  return /[@/.#_\\]/.test(before) || /[@/_\\]/.test(after) || (after === '.' && /[a-z]/.test(sentence.charAt(token.end + 1)));
}

// Listed words seen lately: the word list is a table of megabytes, slow to reach between the other
// checks' work, while news repeats its words; a small table of those answers first. Emptied when full.
const RECENTLY_KNOWN = new Set<string>();
const RECENTLY_KNOWN_SIZE = 4096;

/** Whether a lower-case word is English: listed, or built from a listed word. */
export function isKnown(word: string): boolean {
  if (RECENTLY_KNOWN.has(word)) return true;
  if (LEXICON.has(word) || EXTRA_WORDS.has(word)) {
    if (RECENTLY_KNOWN.size >= RECENTLY_KNOWN_SIZE) RECENTLY_KNOWN.clear();
    RECENTLY_KNOWN.add(word);
    return true;
  }
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_LENGTH && LEXICON.has(word.slice(prefix.length))) return true;
  }
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_LENGTH && LEXICON.has(word.slice(0, -suffix.length))) return true;
  }
  for (let cut = MIN_COMPOUND_PART; cut <= word.length - MIN_COMPOUND_PART; cut++) {
    if (LEXICON.has(word.slice(0, cut)) && LEXICON.has(word.slice(cut))) return true;
  }
  return false;
}

/** Listed words one edit away (a swap, a changed, missing or extra letter), best kinds first, or none when too many. */
export function suggest(word: string): string[] {
  if (word.length > MAX_SUGGESTED_LENGTH) return [];
  const found = new Set<string>();
  const add = (candidate: string): void => {
    if (candidate.length >= MIN_LENGTH && LEXICON.has(candidate)) found.add(candidate);
  };
  for (let i = 0; i + 1 < word.length; i++) add(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) {
    for (const letter of ALPHABET) if (letter !== word.charAt(i)) add(word.slice(0, i) + letter + word.slice(i + 1));
  }
  for (let i = 0; i < word.length; i++) add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) {
    for (const letter of ALPHABET) add(word.slice(0, i) + letter + word.slice(i));
  }
  return found.size > MAX_SUGGESTIONS ? [] : [...found];
}

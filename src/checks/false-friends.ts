import entries from './data/false-friends.json' with { type: 'json' };
import { createFlag, isSentenceStart, matchCase } from './flag.js';
import { compileLexicon, type LexiconEntry } from './lexicon.js';
import { joinNorms, tokenize, type Token } from './tokens.js';
import type { Check, Flag, Severity } from './types.js';

// Compiled once at load: patterns indexed by first word.
const lexicon = compileLexicon(entries as LexiconEntry[]);

// Words skipped before comparing inflections: "the deputies" and "MPs" are both plural.
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'some', 'several', 'many']);

// `{2}` in a fix stands for the text of the match's second token: "{1} in" for "participated to".
const PLACEHOLDER = /\{(\d)\}/g;

/** False friends and calques from the curated French -> English lexicon in data/false-friends.json. */
export const falseFriends = {
  id: 'false-friends',
  name: 'False friends and calques',
  description:
    'English words and phrases that copy a French one with another meaning ("tenant of the White House" for ' +
    '"locataire de la Maison-Blanche", "filed a complaint" for "porter plainte") or its structure ("has the ' +
    'way open", "since two years"). Each lexicon entry records the French, what it meant, the fixes and the ' +
    'contexts where the English is fine, which the entry conditions leave unflagged. The flag covers only the ' +
    'words to replace ("tenant"), the context that makes them wrong ("of the White House") is a condition, and ' +
    'of the fixes, those inflected like the flagged word are offered ("tenants" gets "occupants").',
  category: 'accuracy/false-friend',
  severity: 'minor',
  run(sentence, context): Flag[] {
    const tokens = tokenize(sentence);
    return lexicon.match(tokens, joinNorms(tokens), context.documentWords).map(({ first, last, entry }): Flag => {
      const start = tokens[first]?.start ?? 0;
      const end = tokens[last - 1]?.end ?? start;
      const found = sentence.slice(start, end);
      const fixes = selectFixes(entry.fixes, tokens.slice(first, last));
      const startsSentence = isSentenceStart(sentence, start);
      return createFlag(
        falseFriends,
        start,
        end,
        `"${found}" copies French "${entry.french}" (${entry.meaning}): write "${fixes[0] ?? ''}" or rephrase.`,
        fixes.map((text) => matchCase(text, found, startsSentence)),
        { category: entry.category, severity: entry.severity as Severity | undefined }
      );
    });
  }
} satisfies Check;

/**
 * Fill placeholders, then prefer the fixes inflected like the flagged text (-s, -ed, -ing or bare):
 * "condemns" gets "sentences", not "sentenced". When none is, all are kept: "took advantage of" is
 * still the fix of "profited of".
 *
 * @param fixes The entry's fixes, `{2}` standing for the second matched token.
 * @param matched The flagged tokens.
 */
export function selectFixes(fixes: readonly string[], matched: readonly Token[]): string[] {
  const filled = fixes.map((fix) => fix.replace(PLACEHOLDER, (_, digit: string) => matched[Number(digit) - 1]?.text ?? ''));
  const words = matched.map((token) => token.norm);
  const agreeing = filled.filter((fix) => agrees(words, fix.toLowerCase().split(' ')));
  return agreeing.length > 0 ? [...new Set(agreeing)] : [...new Set(filled)];
}

// Same inflection of the first word after any determiner ("condemns" / "sentences") and, when both
// are phrases, of the last word ("IT giants" / "tech giants").
function agrees(found: readonly string[], fix: readonly string[]): boolean {
  if (inflectionOf(headWord(found)) !== inflectionOf(headWord(fix))) return false;
  if (found.length < 2 || fix.length < 2) return true;
  return inflectionOf(found[found.length - 1] ?? '') === inflectionOf(fix[fix.length - 1] ?? '');
}

// The first word after any determiner.
function headWord(words: readonly string[]): string {
  return words.find((word) => !DETERMINERS.has(word)) ?? '';
}

// A rough inflection class, enough to pair a fix with the flagged word; "-ss", "-us", "-is" are not plurals.
function inflectionOf(word: string): 'ing' | 'ed' | 's' | 'bare' {
  if (word.length > 4 && word.endsWith('ing')) return 'ing';
  if (word.length > 3 && word.endsWith('ed')) return 'ed';
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return 's';
  return 'bare';
}

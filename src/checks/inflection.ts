import irregular from '../languages/en/irregular-verbs.json' with { type: 'json' };
import type { Token } from '../text/tokenize.js';

/** A rough inflection class of an English word, enough to pair a replacement with the words it replaces. */
export type Inflection = 'ing' | 'ed' | 's' | 'bare';

// Irregular past forms ("made", "taken") are of the -ed class.
const PAST_FORMS = new Set(irregular.pastForms);
// Words skipped before comparing inflections: "the deputies" and "MPs" are both plural.
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'some', 'several', 'many']);
// `{2}` in a fix stands for the text of the match's second token ("{1} in" for "participated to"),
// `{*}` for the whole match ("{*} outlets" for "several French media").
const PLACEHOLDER = /\{(\d|\*)\}/g;
// The same, to test a fix for placeholders (a global pattern keeps a position between tests).
const HAS_PLACEHOLDER = /\{(?:\d|\*)\}/;

/**
 * The fixes of a lexicon entry that read correctly in place of the matched words: placeholders
 * filled, then only those inflected like the matched words (number for nouns, tense for verbs:
 * "condemns" gets "sentences", "Decrees" gets "executive orders", "filing complaint" never gets
 * "filed a lawsuit"). A fix built from the matched words themselves ("{1} in", "{*} outlets")
 * keeps their form and always agrees, and one written "^..." is title-cased (a title before a
 * name: "^{2}" gives "President"); `anyInflection` lets every fix through, for a mass noun
 * that replaces a plural ("proofs" -> "evidence"). None when none agrees: a suggestion that
 * breaks the sentence is worse than none, and the message still names the fix.
 */
export function selectFixes(fixes: readonly string[], matched: readonly Token[], anyInflection = false): { agreeing: string[]; filled: string[] } {
  const whole = matched.map((token, index) => (index > 0 && matched[index - 1]!.end < token.start ? ' ' : '') + token.text).join('');
  const filled = fixes.map((fix) => titleCase(fix.replace(PLACEHOLDER, (_, key: string) => (key === '*' ? whole : matched[Number(key) - 1]?.text ?? ''))));
  const words = matched.map((token) => token.norm);
  const agreeing = filled.filter((fix, index) => anyInflection || HAS_PLACEHOLDER.test(fixes[index]!) || agrees(words, fix.toLowerCase().split(' ')));
  return { agreeing: [...new Set(agreeing)], filled: [...new Set(filled)] };
}

// A fix that starts with "^" is a title before a name, capitalised ("the president Obama" -> "President").
function titleCase(fix: string): string {
  if (!fix.startsWith('^')) return fix;
  return fix.slice(1).replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** The inflection class of a lower-case word; "-ss", "-us", "-is" are not plurals, irregular pasts are -ed. */
export function inflectionOf(word: string): Inflection {
  if (PAST_FORMS.has(word)) return 'ed';
  if (word.length > 4 && word.endsWith('ing')) return 'ing';
  if (word.length > 3 && word.endsWith('ed') && !/e[ae]d$/.test(word)) return 'ed';
  if (word.length > 2 && word.endsWith('s') && !/(?:ss|us|is|'s)$/.test(word)) return 's';
  return 'bare';
}

// Two phrases agree at both ends (the verb first, the noun last: "invested in" / "got involved in",
// "IT giants" / "tech giants"). A single word agrees with a phrase's head: its first word when that
// is inflected ("bought back": a verb and its particle), else its last ("political formations",
// "executive orders").
function agrees(found: readonly string[], fix: readonly string[]): boolean {
  const foundWords = withoutDeterminers(found);
  const fixWords = withoutDeterminers(fix);
  if (foundWords.length > 1 && fixWords.length > 1) {
    return inflectionOf(foundWords[0]!) === inflectionOf(fixWords[0]!) && inflectionOf(foundWords.at(-1)!) === inflectionOf(fixWords.at(-1)!);
  }
  return headInflection(foundWords) === headInflection(fixWords);
}

function headInflection(words: readonly string[]): Inflection {
  const first = inflectionOf(words[0] ?? '');
  return first !== 'bare' || words.length === 1 ? first : inflectionOf(words.at(-1)!);
}

function withoutDeterminers(words: readonly string[]): readonly string[] {
  const kept = words.filter((word) => !DETERMINERS.has(word));
  return kept.length > 0 ? kept : words;
}

import forms from '../languages/en/inflection.json' with { type: 'json' };
import type { Token } from '../text/tokenize.js';

/** A rough inflection class of an English word, enough to pair a replacement with the words it replaces; `unknown` for "put", present and past alike. */
export type Inflection = 'ing' | 'ed' | 's' | 'bare' | 'unknown';

// Irregular past forms ("made", "taken") are of the -ed class; nouns in -ing ("meeting") are bare,
// plurals without -s ("fishermen") of the -s class.
const PAST_FORMS = new Set(forms.pastForms);
const NOUNS_IN_ING = new Set(forms.nounsInIng);
const IRREGULAR_PLURALS = new Set(forms.irregularPlurals);
const AMBIGUOUS_TENSE = new Set(forms.ambiguousTense);
// Words skipped before comparing inflections: "the deputies" and "MPs" are both plural.
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'some', 'several', 'many']);
// `{2}` in a fix stands for the text of the match's second token ("{1} in" for "participated to"),
// `{*}` for the whole match ("{*} outlets" for "several French media").
const PLACEHOLDER = /\{(\d|\*)\}/g;

/**
 * The fixes of a lexicon entry that read correctly in place of the matched words: placeholders
 * filled, then only those inflected like the matched words (number for nouns, tense for verbs:
 * "condemns" gets "sentences", "Decrees" gets "executive orders", "filing complaint" never gets
 * "filed a lawsuit"). A fix built from the whole match ("{*} outlets") keeps its form and always
 * agrees, and one written "^..." is title-cased (a title before a
 * name: "^{2}" gives "President"); `anyInflection` lets every fix through, for a mass noun
 * that replaces a plural ("proofs" -> "evidence"). A single fix is the entry's own wording and is
 * always offered, and so are all when the matched words carry no inflection ("car school" takes
 * "driving school"). Otherwise, none when none agrees: a suggestion that breaks the sentence is
 * worse than none, and the message still names the fix.
 */
export function selectFixes(fixes: readonly string[], matched: readonly Token[], anyInflection = false): { agreeing: string[]; filled: string[] } {
  const whole = matched.map((token, index) => (index > 0 && matched[index - 1]!.end < token.start ? ' ' : '') + token.text).join('');
  const filled = fixes.map((fix) => titleCase(fix.replace(PLACEHOLDER, (_, key: string) => (key === '*' ? whole : matched[Number(key) - 1]?.text ?? ''))));
  const words = matched.map((token) => token.norm);
  // A single fix leaves nothing to choose: it is the entry's own wording ("at the regard of" -> "towards").
  let agreeing = filled.length === 1 ? filled : filled.filter((fix, index) => anyInflection || fixes[index]!.includes('{*}') || agrees(words, fix.toLowerCase().split(' ')));
  // Words with no inflection of their own have none to keep: "car school" takes "driving school",
  // though "driving" reads as an -ing form.
  if (agreeing.length === 0 && withoutDeterminers(words).every((word) => inflectionOf(word) === 'bare')) agreeing = filled;
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
  if (NOUNS_IN_ING.has(word)) return 'bare';
  if (IRREGULAR_PLURALS.has(word)) return 's';
  if (AMBIGUOUS_TENSE.has(word)) return 'unknown';
  if (word.length > 4 && word.endsWith('ing')) return 'ing';
  if (word.length > 3 && word.endsWith('ed') && !/e[ae]d$/.test(word)) return 'ed';
  if (word.length > 2 && word.endsWith('s') && !/(?:ss|us|is|'s)$/.test(word)) return 's';
  return 'bare';
}

// Two phrases agree on their first word (a verb's tense: "invested in" / "got involved in", "said
// himself" / "said he was") and, when that first word is not inflected, on their last (a noun's
// number: "IT giants" / "tech giants"). A single word agrees with a phrase's head: its first word
// when that is inflected ("bought back": a verb and its particle), else its last ("political
// formations", "executive orders").
function agrees(found: readonly string[], fix: readonly string[]): boolean {
  const foundWords = withoutDeterminers(found);
  const fixWords = withoutDeterminers(fix);
  if (foundWords.length > 1 && fixWords.length > 1) {
    const first = inflectionOf(foundWords[0]!);
    if (first === 'unknown' || first !== inflectionOf(fixWords[0]!)) return false;
    return first !== 'bare' || inflectionOf(foundWords.at(-1)!) === inflectionOf(fixWords.at(-1)!);
  }
  const head = headInflection(foundWords);
  return head !== 'unknown' && head === headInflection(fixWords);
}

function headInflection(words: readonly string[]): Inflection {
  const first = inflectionOf(words[0] ?? '');
  if (first === 'unknown') return first;
  return first !== 'bare' || words.length === 1 ? first : inflectionOf(words.at(-1)!);
}

function withoutDeterminers(words: readonly string[]): readonly string[] {
  const kept = words.filter((word) => !DETERMINERS.has(word));
  return kept.length > 0 ? kept : words;
}

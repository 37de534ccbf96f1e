import { foldAccents, type Token } from '../text/tokenize.js';
import { isAcronym, isCapitalised, type Word } from '../text/words.js';
import { isSentenceStart } from './flag.js';
import { isCapitalized } from './word-classes.js';
import type { CheckContext, Sentence } from './types.js';
import { isCognate } from './word-links.js';

// Lower-case words that join the words of a name: "Chamber of Deputies", "Court of Justice of the EU".
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'de', 'du', 'des', 'la', 'le', "d'", 'von', 'van', 'al']);
// French words after which the next word still belongs to a name ("Chambre des députés", "Cour de cassation").
const SOURCE_CONNECTORS = new Set(['de', 'des', 'du', 'la', 'le', 'et']);
// Longest source name read, in words.
const MAX_SOURCE_NAME_WORDS = 6;

/**
 * Whether tokens `[first, last)` of a sentence lie inside a proper name, where a lexicon entry
 * must neither flag nor suggest: "Deputies" in "Chamber of Deputies", "Supreme" in "Supreme
 * Court", "Prime Minister" in "the Prime Minister Jan Fischer". A name is a run of capitalised
 * words (joined by "of", "the"...) that reaches beyond the matched words; a name the document
 * writes elsewhere ("chamber of deputies" where the article has "Chamber of Deputies"); or, when
 * `checkSource` is set, words that render part of a name of the source ("Chambre des députés").
 * A match that covers the whole name ("the Quai d'Orsay") is the entry's own target.
 */
export function isInsideName(sentence: Sentence, first: number, last: number, context: CheckContext, copied?: { start: number; end: number }, keyed = false): boolean {
  const { tokens, text } = sentence;
  for (let index = first; index < last; index++) {
    const token = tokens[index];
    if (!token || !isNameWord(token, text)) continue;
    const run = capitalisedRun(tokens, index, text);
    if (run.first < first || run.last > last) return true;
  }
  if (isInDocumentName(sentence, first, last, context)) return true;
  return !keyed && rendersSourceName(sentence, first, last, context, copied);
}

// A capitalised word away from the sentence start that is not an acronym ("IT", "PS" are not names' words here).
function isNameWord(token: Token, text: string): boolean {
  if (token.kind !== 'word' || token.norm === "'s") return false;
  const initial = token.text.charAt(0);
  if (initial === initial.toLowerCase() || isSentenceStart(text, token.start)) return false;
  return !(token.text.length > 1 && token.text === token.text.toUpperCase());
}

// The run of capitalised words around `index`, with connectors between two of them. The word that
// opens the sentence is capitalised anyway: it joins the run only across a connector ("Chamber of
// Deputies voted", but not "Several ONGs").
function capitalisedRun(tokens: readonly Token[], index: number, text: string): { first: number; last: number } {
  const capital = (position: number, acrossConnector: boolean): boolean => {
    const token = tokens[position];
    if (!token || token.kind !== 'word') return false;
    const initial = token.text.charAt(0);
    if (initial === initial.toLowerCase()) return false;
    return !isSentenceStart(text, token.start) || (acrossConnector && isCapitalized(token));
  };
  let first = index;
  for (;;) {
    if (capital(first - 1, false)) first -= 1;
    else if (CONNECTORS.has(tokens[first - 1]?.norm ?? '') && capital(first - 2, true)) first -= 2;
    else break;
  }
  let last = index + 1;
  for (;;) {
    if (capital(last, false)) last += 1;
    else if (CONNECTORS.has(tokens[last]?.norm ?? '') && capital(last + 1, true)) last += 2;
    else break;
  }
  return { first, last };
}

// A name of the document (two to four capitalised words) that these words are part of but do not
// cover, written here with a lower-case word where the name has a capital: capitalised as in the
// name, the words are the first test's.
function isInDocumentName(sentence: Sentence, first: number, last: number, context: CheckContext): boolean {
  if (context.names.size === 0) return false;
  const { tokens } = sentence;
  if (!tokens.slice(first, last).some((token) => token.kind === 'word' && token.text === token.norm)) return false;
  for (let from = Math.max(0, first - 3); from <= Math.min(last - 1, tokens.length - 2); from++) {
    let key = tokens[from]!.norm;
    for (let to = from + 1; to < Math.min(tokens.length, from + 4); to++) {
      key += ` ${tokens[to]!.norm}`;
      const spansMatch = from < last && to >= first;
      const reachesBeyond = from < first || to >= last;
      if (spansMatch && reachesBeyond && context.names.has(key) && isCapitalName(context.names.get(key)!.preferred)) return true;
    }
  }
  return false;
}

function isCapitalName(surface: string): boolean {
  return surface.split(' ').filter((word) => /^\p{Lu}/u.test(word)).length >= 2;
}

// Whether the matched words render a word of a name of the source.
function rendersSourceName(sentence: Sentence, first: number, last: number, context: CheckContext, copied?: { start: number; end: number }): boolean {
  const source = sentence.source;
  if (!source) return false;
  const sourceWords = source.words;
  const names = findSourceNames(sourceWords);
  if (names.length === 0) return false;
  const inName = (start: number, end: number): boolean => names.some((span) => start >= span.start && end <= span.end);
  if (copied) {
    if (!inName(copied.start, copied.end)) return false;
    const copiedWords = sourceWords.filter((word) => word.token.start >= copied.start && word.token.end <= copied.end);
    return sentence.tokens.slice(first, last).some((token) => copiedWords.some((word) => isCognate(foldAccents(token.norm), word.folded)));
  }
  const start = sentence.tokens[first]?.start ?? 0;
  const end = sentence.tokens[last - 1]?.end ?? start;
  return source.links.links.some((link) => link.target.start < end && start < link.target.end && inName(link.source.start, link.source.end));
}

/**
 * The names of a French sentence as character ranges: a capitalised word away from the sentence
 * start (or an acronym), and the words that continue it, since French capitalises only a name's
 * first word: "Cour suprême", "Chambre des députés", "Premier ministre Fischer".
 */
export function findSourceNames(words: readonly Word[]): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (!isCapitalised(word) || (word.initial && !isAcronym(word))) continue;
    // The word right after the capital belongs to the name; then capitalised words, elided words
    // ("d'État"), and a connector with the word after it ("des députés").
    let last = Math.min(index + 1, words.length - 1);
    let next = last + 1;
    while (next < words.length && next - index < MAX_SOURCE_NAME_WORDS) {
      const candidate = words[next]!;
      const afterConnector = SOURCE_CONNECTORS.has(words[last]!.token.norm);
      if (afterConnector || isCapitalised(candidate) || candidate.token.norm !== candidate.bare) last = next;
      else if (SOURCE_CONNECTORS.has(candidate.token.norm) && next + 1 < words.length) last = ++next;
      else break;
      next++;
    }
    spans.push({ start: word.token.start, end: words[last]!.token.end });
    index = last;
  }
  return spans;
}

import type { Token } from '../text/tokenize.js';
import type { CheckExamples, Severity } from './types.js';
import { isCapitalized, isNumberToken } from './word-classes.js';
import { findInSource, parseSourceForm, type SourceStep, type SourceToken } from './lexicon-source.js';

/**
 * One entry of a language pair's lexicon (src/languages/<pair>/lexicon.json). Each of `phrases`
 * is a space-separated sequence of tokens; a token is alternatives joined by `|` ("file|files"),
 * may end with `?` (optional), or is a class: `<num>` (a number, digits or words), `<cap>` (a
 * capitalised word), `<poss>` (a possessive: his, its, 's...). So "invested|investing in the
 * file|files" is one phrase with four slots. Conditions use the same syntax; `source` phrases
 * too (read by lexicon-source.ts), where a word may also end with `*` for any ending ("envol*")
 * and is compared with and without its elided article ("l'élysée" is also "élysée").
 */
export interface LexiconEntry {
  /** kebab-case, unique in the lexicon: flags, the eval and newsroom rules name the entry by it. */
  id: string;
  /** The translation's words the entry flags. */
  phrases: string[];
  /**
   * Source words the flagged phrase copies (lower case). With the source attached, the entry fires
   * only when one of them is in the aligned source sentence, and the message quotes it.
   */
  source?: string[];
  /**
   * Whether the entry needs the source: true by default when it has `source` words (a look-alike
   * such as "society" is often right, and only the source tells), false otherwise.
   */
  needsSource?: boolean;
  /** The French the English copies, quoted when no source is attached: a word or phrase, never a sentence about someone. */
  french: string;
  /** What the French actually meant. */
  meaning: string;
  /** Replacements, inflected forms side by side ("occupant", "occupants"); `{2}` stands for the match's second token, `{*}` for all of it; a leading `^` title-cases the fix. */
  fixes: string[];
  /** Offer the fixes whatever the form of the matched words (a mass noun for a plural: "proofs" -> "evidence"). */
  anyInflection?: boolean;
  /** Contexts where the English words are right and are not flagged. */
  fine: string;
  category?: string;
  severity?: Severity;
  /** Its suggestions are hints, not applied with one key. */
  hint?: boolean;
  /** One of these phrases must start within `nextWithin` tokens after the match. */
  next?: string[];
  nextWithin?: number;
  /** None of these phrases may start within `notNextWithin` tokens after the match (default: right after). */
  notNext?: string[];
  notNextWithin?: number;
  /** One of these phrases must end within `previousWithin` tokens before the match. */
  previous?: string[];
  previousWithin?: number;
  /** None of these phrases may end right before the match. */
  notPrevious?: string[];
  /** The sentence must contain one of these phrases. */
  sentenceHas?: string[];
  /** The sentence must contain none of these phrases. */
  sentenceLacks?: string[];
  /** The document must contain one of these phrases. */
  documentHas?: string[];
  /** With the source attached, the source sentence must contain one of these phrases. */
  sourceHas?: string[];
  /** With the source attached, the source sentence must contain none of these phrases. */
  sourceLacks?: string[];
  /** Sentences the entry must flag (with `fixed`, the sentence after its first suggestion) and must pass. */
  examples: CheckExamples;
}

/** A lexicon hit: token range `[first, last)`, the entry, and the source words it copies when the source was read. */
export interface LexiconMatch {
  first: number;
  last: number;
  entry: LexiconEntry;
  /** Character range in the source sentence of the words the phrase copies. */
  source?: { start: number; end: number };
}

/** What a lexicon matches against: a sentence and, when attached, its source. */
export interface LexiconInput {
  tokens: readonly Token[];
  /** `joinNorms(tokens)` */
  norms: string;
  /** The document, whose words (`CheckContext.documentWords`) a getter may join on first use: few entries read them. */
  document: { readonly documentWords: string };
  /**
   * The source, when attached: its words as `readSourceTokens` cuts them (`LexiconSource` cuts them
   * on first use, since few sentences reach an entry that needs them).
   */
  source?: { readonly words: readonly SourceToken[] };
}

/** A compiled lexicon: patterns indexed by their first token. */
export interface Lexicon {
  match(input: LexiconInput): LexiconMatch[];
}

// A pattern token: literal alternatives or a class, possibly optional.
interface Step {
  words: ReadonlySet<string> | null;
  kind: 'literal' | 'num' | 'cap' | 'poss';
  optional: boolean;
}

interface CompiledEntry {
  entry: LexiconEntry;
  /** Position in the lexicon: of two matches of the same length, the earlier entry wins. */
  order: number;
  steps: Step[];
  next: Step[][];
  notNext: Step[][];
  previous: Step[][];
  notPrevious: Step[][];
  source: SourceStep[][];
  sourceHas: SourceStep[][];
  sourceLacks: SourceStep[][];
  needsSource: boolean;
  /** `sentenceHas`, `sentenceLacks` and `documentHas` padded with a space each side, as `joinNorms` pads words. */
  sentenceHas: string[] | undefined;
  sentenceLacks: string[] | undefined;
  documentHas: string[] | undefined;
}

// Possessive determiners, for `<poss>`.
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', "'s"]);

// The patterns a word starts: those indexed by it alone, and by it and the word after it.
interface FirstWord {
  alone: CompiledEntry[];
  bySecond: Map<string, CompiledEntry[]>;
}

/**
 * Compile lexicon entries once, indexing them by the words their pattern can start with.
 *
 * @throws {Error} When a pattern starts with an optional step or a class other than `<num>`:
 *   such a pattern could not be indexed by its first word.
 */
export function compileLexicon(entries: readonly LexiconEntry[], elisions: readonly string[] = []): Lexicon {
  const parseSource = (form: string): SourceStep[] => parseSourceForm(form, elisions);
  // "the" starts some 150 patterns: those whose second word is fixed are indexed by both words,
  // so that each "the" of a sentence tries only the few that can match. One lookup per word of a
  // sentence finds both: most words start no pattern, and that lookup is most of the matching's time.
  const byFirst = new Map<string, FirstWord>();
  const firstWord = (key: string): FirstWord => {
    let found = byFirst.get(key);
    if (!found) {
      byFirst.set(key, (found = { alone: [], bySecond: new Map() }));
      const bit = hashWord(key);
      starts[bit >>> 5]! |= 1 << (bit & 31);
    }
    return found;
  };
  const numbers: CompiledEntry[] = [];
  // A bit per hash of the words patterns start with: most words of a sentence start none and are told so
  // from these 2 KB, without reaching the index, which the other checks' work keeps pushing out of the
  // processor's cache (measured on the LIG split: the lookups cost four times as much between checks as in a loop).
  const starts = new Uint32Array(START_FILTER_BITS / 32);
  const pad = (phrases: string[] | undefined): string[] | undefined => phrases?.map((phrase) => ` ${phrase} `);
  let order = 0;
  for (const entry of entries) for (const phrase of entry.phrases) {
    const compiled: CompiledEntry = {
      entry,
      order: order++,
      steps: parsePhrase(phrase),
      next: (entry.next ?? []).map(parsePhrase),
      notNext: (entry.notNext ?? []).map(parsePhrase),
      previous: (entry.previous ?? []).map(parsePhrase),
      notPrevious: (entry.notPrevious ?? []).map(parsePhrase),
      source: (entry.source ?? []).map(parseSource),
      sourceHas: (entry.sourceHas ?? []).map(parseSource),
      sourceLacks: (entry.sourceLacks ?? []).map(parseSource),
      needsSource: entry.needsSource ?? entry.source !== undefined,
      sentenceHas: pad(entry.sentenceHas),
      sentenceLacks: pad(entry.sentenceLacks),
      documentHas: pad(entry.documentHas),
    };
    const first = compiled.steps[0];
    if (!first || first.optional || (first.kind !== 'literal' && first.kind !== 'num')) {
      throw new Error(`Lexicon phrase cannot be indexed by its first word: ${phrase}`);
    }
    const seconds = first.kind === 'literal' ? [...(readFollowers(compiled.steps, 1) ?? [])] : [];
    if (first.kind === 'num') {
      numbers.push(compiled);
      continue;
    }
    for (const key of first.words ?? []) {
      const { alone, bySecond } = firstWord(key);
      if (seconds.length === 0) alone.push(compiled);
      for (const next of seconds) {
        const list = bySecond.get(next);
        if (list) list.push(compiled);
        else bySecond.set(next, [compiled]);
      }
    }
  }
  return {
    match(input) {
      const { tokens } = input;
      const found: LexiconMatch[] = [];
      let covered = 0;
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!;
        // Most tokens start no pattern: look up without allocating.
        const bit = hashWord(token.norm);
        const starting = (starts[bit >>> 5]! >>> (bit & 31)) & 1 ? byFirst.get(token.norm) : undefined;
        const isNumber = isNumberToken(token);
        if (!starting && !isNumber) continue;
        const following = tokens[index + 1];
        const byTwoWords = following && starting && starting.bySecond.size > 0 ? starting.bySecond.get(following.norm) : undefined;
        let best: Best | undefined = bestOf(starting?.alone, input, index, undefined);
        best = bestOf(byTwoWords, input, index, best);
        if (isNumber) best = bestOf(numbers, input, index, best);
        if (best && best.last > covered) {
          found.push({ first: index, last: best.last, entry: best.candidate.entry, ...(best.source ? { source: best.source } : {}) });
          covered = best.last;
        }
      }
      return found;
    }
  };
}

// The longest match starting at a token so far: of two of the same length, the earlier entry's.
interface Best {
  candidate: CompiledEntry;
  last: number;
  source: { start: number; end: number } | undefined;
}

// The best of `candidates` at token `index`, or `best` when none beats it.
function bestOf(candidates: readonly CompiledEntry[] | undefined, input: LexiconInput, index: number, best: Best | undefined): Best | undefined {
  if (!candidates) return best;
  for (const candidate of candidates) {
    const last = matchSteps(candidate.steps, 0, input.tokens, index);
    if (last < 0) continue;
    if (best && (last < best.last || (last === best.last && candidate.order > best.candidate.order))) continue;
    if (!passesConditions(candidate, input, index, last)) continue;
    const source = input.source && candidate.source.length > 0 ? findInSource(candidate.source, input.source.words) : undefined;
    if (input.source && candidate.source.length > 0 && !source) continue;
    // Last: the document's words are joined on first use.
    if (candidate.documentHas && !includesAny(input.document.documentWords, candidate.documentHas)) continue;
    best = { candidate, last, source };
  }
  return best;
}

/**
 * The words a match's token after `steps[from - 1]` can be: the next step's words, those after it when
 * it is optional ("in a? personal title": "a" or "personal"), the possessives for `<poss>`. Undefined
 * when any word can follow (`<num>`, `<cap>`) or the match may end before: such a pattern is tried
 * after its first word alone.
 */
function readFollowers(steps: readonly Step[], from: number): ReadonlySet<string> | undefined {
  const step = steps[from];
  if (!step) return undefined;
  const own = step.kind === 'literal' ? step.words : step.kind === 'poss' ? POSSESSIVES : null;
  if (!own) return undefined;
  if (!step.optional) return own;
  const rest = readFollowers(steps, from + 1);
  return rest && new Set([...own, ...rest]);
}

// Bits of the filter of first words (a power of two).
const START_FILTER_BITS = 1 << 14;

// FNV-1a of a word, folded to a bit of the filter of first words.
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return (hash >>> 0) & (START_FILTER_BITS - 1);
}

/** Parse a space-separated phrase of the lexicon syntax into steps. */
export function parsePhrase(phrase: string): Step[] {
  return phrase
    .trim()
    .split(/\s+/)
    .map((raw) => {
      const optional = raw.endsWith('?') && raw.length > 1;
      const body = optional ? raw.slice(0, -1) : raw;
      if (body === '<num>') return { words: null, kind: 'num', optional };
      if (body === '<cap>') return { words: null, kind: 'cap', optional };
      if (body === '<poss>') return { words: null, kind: 'poss', optional };
      return { words: new Set(body.toLowerCase().replace(/’/g, "'").split('|')), kind: 'literal', optional };
    });
}

// Returns the token index after the match, or -1. Optional steps are tried greedily first.
function matchSteps(steps: readonly Step[], stepIndex: number, tokens: readonly Token[], tokenIndex: number): number {
  const step = steps[stepIndex];
  if (!step) return tokenIndex;
  const token = tokens[tokenIndex];
  if (token && matchesStep(step, token)) {
    const end = matchSteps(steps, stepIndex + 1, tokens, tokenIndex + 1);
    if (end >= 0) return end;
  }
  return step.optional ? matchSteps(steps, stepIndex + 1, tokens, tokenIndex) : -1;
}

function matchesStep(step: Step, token: Token): boolean {
  switch (step.kind) {
    case 'num':
      return isNumberToken(token);
    case 'cap':
      return isCapitalized(token);
    case 'poss':
      return POSSESSIVES.has(token.norm);
    default:
      return step.words?.has(token.norm) ?? false;
  }
}

function passesConditions(candidate: CompiledEntry, input: LexiconInput, first: number, last: number): boolean {
  const { entry } = candidate;
  const { tokens, norms, source } = input;
  if (!source && candidate.needsSource) return false;
  if (candidate.next.length > 0 && !phraseStartsNear(candidate.next, tokens, last, entry.nextWithin ?? 1)) return false;
  if (phraseStartsNear(candidate.notNext, tokens, last, entry.notNextWithin ?? 1)) return false;
  if (candidate.previous.length > 0 && !phraseEndsNear(candidate.previous, tokens, first, entry.previousWithin ?? 1)) {
    return false;
  }
  if (phraseEndsNear(candidate.notPrevious, tokens, first, 1)) return false;
  if (candidate.sentenceHas && !includesAny(norms, candidate.sentenceHas)) return false;
  if (candidate.sentenceLacks && includesAny(norms, candidate.sentenceLacks)) return false;
  if (source) {
    if (candidate.sourceHas.length > 0 && !findInSource(candidate.sourceHas, source.words)) return false;
    if (candidate.sourceLacks.length > 0 && findInSource(candidate.sourceLacks, source.words)) return false;
  }
  return true;
}

function includesAny(text: string, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (text.includes(phrase)) return true;
  return false;
}

function phraseStartsNear(phrases: readonly Step[][], tokens: readonly Token[], from: number, within: number): boolean {
  for (let offset = 0; offset < within; offset++) {
    for (const steps of phrases) {
      if (matchSteps(steps, 0, tokens, from + offset) >= 0) return true;
    }
  }
  return false;
}

function phraseEndsNear(phrases: readonly Step[][], tokens: readonly Token[], before: number, within: number): boolean {
  for (const steps of phrases) {
    const length = steps.length;
    for (let offset = 0; offset < within; offset++) {
      const start = before - offset - length;
      if (start < 0) continue;
      if (matchSteps(steps, 0, tokens, start) === before - offset) return true;
    }
  }
  return false;
}

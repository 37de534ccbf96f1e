import type { LanguageProfile, PairProfile } from '../languages/index.js';
import type { Token } from '../text/tokenize.js';
import { isCapitalised, type ReadText, type Word } from '../text/words.js';
import { readNumbers } from './read-numbers.js';

/** Why two words are taken for translations of each other. */
export type LinkKind = 'number' | 'name' | 'exonym' | 'cognate';

/** A source span and the translation span that renders it, as half-open character offsets. */
export interface WordLink {
  kind: LinkKind;
  source: { start: number; end: number };
  target: { start: number; end: number };
}

/**
 * Word-level links between a sentence and its source: numbers of the same value, words written
 * alike (names, acronyms, words kept as they are), exonyms of the pair's data ("Londres" and
 * "London"), and cognates ("gouvernement" and "government"). They are anchors, not a full word
 * alignment: between two of them lies the translation of what lies between them in the source,
 * which is what lets a flag about a missing word point at the words where it should be.
 */
export interface WordLinks {
  /** Links in source order, each source and target span used once, crossing links dropped. */
  readonly links: readonly WordLink[];
  /**
   * The translation's words that render source characters `[start, end)`: the words between the
   * nearest links on each side, narrowed to `MAX_LOCATED_WORDS` around the proportional position.
   * Undefined when the translation has no word.
   */
  locate(start: number, end: number): { start: number; end: number } | undefined;
  /** Whether a source span is linked to something in the translation. */
  isLinked(start: number, end: number): boolean;
}

/** The languages and the pair data links are read with. */
export interface LinkLanguages {
  source: LanguageProfile | undefined;
  target: LanguageProfile | undefined;
  pair: PairProfile | undefined;
}

// Words shorter than this are too often alike by chance to be cognates ("de"/"de", "pour"/"pour" are caught as equal).
const MIN_COGNATE_LENGTH = 5;
// Shorter words written alike on both sides are linked only when capitalised (names, acronyms).
const MIN_SAME_LENGTH = 4;
// Share of the longer word's letters that a cognate pair must have in common, in order.
const MIN_COGNATE_SHARE = 0.75;
// A located span covers at most this many words: pointing at a whole clause says nothing.
const MAX_LOCATED_WORDS = 4;

/** Build the links of a sentence and its source, both as the runner read them, lazily: most sentences never ask. */
export function createWordLinks(source: ReadText, target: ReadText, languages: LinkLanguages): WordLinks {
  return new LazyWordLinks(source, target, languages);
}

// Every sentence with a source gets one: its methods live on the prototype, not in closures made per sentence.
class LazyWordLinks implements WordLinks {
  #built: WordLink[] | undefined;

  constructor(
    private readonly source: ReadText,
    private readonly target: ReadText,
    private readonly languages: LinkLanguages,
  ) {}

  get links(): readonly WordLink[] {
    return (this.#built ??= findLinks(this.source, this.target, this.languages));
  }

  locate(start: number, end: number): { start: number; end: number } | undefined {
    return locateTarget(this.links, this.source.text, this.target, start, end);
  }

  isLinked(start: number, end: number): boolean {
    return this.links.some((link) => link.source.start < end && start < link.source.end);
  }
}

/** Whether two folded words are cognates: same first letter, long enough, most letters in the same order. */
export function isCognate(a: string, b: string): boolean {
  if (a.length < MIN_COGNATE_LENGTH || b.length < MIN_COGNATE_LENGTH || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  const longer = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < MIN_COGNATE_SHARE * longer) return false;
  return commonSubsequence(a, b) >= MIN_COGNATE_SHARE * longer;
}

function findLinks(source: ReadText, target: ReadText, languages: LinkLanguages): WordLink[] {
  const candidates: WordLink[] = [];
  if (languages.source && languages.target) {
    const targetNumbers = readNumbers(target.text, languages.target, target.words);
    for (const mention of readNumbers(source.text, languages.source, source.words)) {
      const partner = targetNumbers.find((other) => other.values.some((value) => mention.values.includes(value)));
      if (partner) candidates.push({ kind: 'number', source: mention, target: partner });
    }
  }
  for (const word of source.words) {
    const partner = findPartner(word, target.words, languages.pair);
    if (partner) candidates.push({ kind: partner.kind, source: spanOf(word.token), target: partner.span });
  }
  return keepMonotone(candidates);
}

// The translation's word or phrase that renders a source word, best evidence first.
function findPartner(word: Word, targets: readonly Word[], pair: PairProfile | undefined): { kind: LinkKind; span: { start: number; end: number } } | undefined {
  // Short words are alike by chance across languages ("a" is "has" in French, "on" is "one").
  const same = word.folded.length >= MIN_SAME_LENGTH || isCapitalised(word) ? targets.find((target) => target.folded === word.folded) : undefined;
  if (same) return { kind: isCapitalised(word) ? 'name' : 'cognate', span: spanOf(same.token) };
  const exonyms = pair?.exonyms.get(word.folded);
  if (exonyms) {
    for (const phrase of exonyms) {
      const span = findPhrase(targets, phrase);
      if (span) return { kind: 'exonym', span };
    }
  }
  const cognate = targets.find((target) => isCognate(word.folded, target.folded));
  return cognate ? { kind: isCapitalised(word) ? 'name' : 'cognate', span: spanOf(cognate.token) } : undefined;
}

// Where the words of a phrase ("white house") follow each other in the translation.
function findPhrase(targets: readonly Word[], phrase: string): { start: number; end: number } | undefined {
  const parts = phrase.split(' ');
  for (let index = 0; index + parts.length <= targets.length; index++) {
    if (parts.every((part, offset) => targets[index + offset]?.folded === part)) {
      return { start: targets[index]!.token.start, end: targets[index + parts.length - 1]!.token.end };
    }
  }
  return undefined;
}

// Links in source order whose targets also go forward, the longest such chain: a word repeated in the
// sentence ("the ... the") would otherwise tie its first place on one side to its last on the other.
// Each target span is used once.
function keepMonotone(candidates: WordLink[]): WordLink[] {
  const sorted = candidates.sort((a, b) => a.source.start - b.source.start);
  const length: number[] = [];
  const previous: number[] = [];
  sorted.forEach((link, index) => {
    length[index] = 1;
    previous[index] = -1;
    for (let before = 0; before < index; before++) {
      const other = sorted[before]!;
      if (other.source.end <= link.source.start && other.target.end <= link.target.start && length[before]! + 1 > length[index]!) {
        length[index] = length[before]! + 1;
        previous[index] = before;
      }
    }
  });
  let best = -1;
  length.forEach((value, index) => {
    if (best < 0 || value > length[best]!) best = index;
  });
  const chain: WordLink[] = [];
  for (let index = best; index >= 0; index = previous[index]!) chain.unshift(sorted[index]!);
  return chain;
}

function locateTarget(links: readonly WordLink[], sourceText: string, target: ReadText, start: number, end: number): { start: number; end: number } | undefined {
  const targetText = target.text;
  const targets = target.tokens.filter((token) => token.kind !== 'punct');
  if (targets.length === 0) return undefined;
  const left = [...links].reverse().find((link) => link.source.end <= start);
  const right = links.find((link) => link.source.start >= end);
  const from = left ? left.target.end : 0;
  const to = right ? right.target.start : targetText.length;
  let inside = targets.filter((token) => token.start >= from && token.end <= to);
  if (inside.length === 0) {
    // Nothing between the neighbours: point at them, where the words went missing.
    inside = targets.filter((token) => (left && token.start < left.target.end && token.end > left.target.start) || (right && token.start < right.target.end && token.end > right.target.start));
    if (inside.length === 0) inside = targets;
  }
  if (inside.length > MAX_LOCATED_WORDS) {
    // As far into the gap as the source span is into its own gap.
    const gapStart = left ? left.source.end : 0;
    const gapEnd = right ? right.source.start : sourceText.length;
    const share = gapEnd > gapStart ? ((start + end) / 2 - gapStart) / (gapEnd - gapStart) : 0;
    const centre = Math.min(inside.length - 1, Math.max(0, Math.round(share * (inside.length - 1))));
    const first = Math.max(0, Math.min(inside.length - MAX_LOCATED_WORDS, centre - Math.floor(MAX_LOCATED_WORDS / 2)));
    inside = inside.slice(first, first + MAX_LOCATED_WORDS);
  }
  return { start: inside[0]!.start, end: inside[inside.length - 1]!.end };
}

function spanOf(token: Token): { start: number; end: number } {
  return { start: token.start, end: token.end };
}

/** Length of the longest common subsequence of two short words. */
export function commonSubsequence(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) {
      current[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

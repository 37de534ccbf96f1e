import type { Token } from '../tokens.js';
import type { LanguageProfile } from './languages.js';

/** A word token of a sentence, with the forms the bilingual checks compare. */
export interface Word {
  token: Token;
  /** Lower-case, straight apostrophe, elided article removed: "L'Irak" -> "irak". */
  bare: string;
  /** `bare` without accents: "états-unis" -> "etats-unis". */
  folded: string;
  /** The word as written, elided article removed: "L'Irak" -> "Irak". */
  surface: string;
  /** Whether the word opens the sentence or a quotation, where a capital says nothing. */
  initial: boolean;
}

// Marks after which the next word starts a sentence or a quotation, so its capital is not a name's.
const OPENERS = '.!?:;«“"(—–-';
// Words keep inner hyphens and apostrophes ("Saint-Germain", "d'Orsay", "don't"). Latin, Greek and
// Cyrillic letters are listed as ranges, which V8 matches several times faster than \p{L}; a sentence
// with other letters takes the Unicode pattern.
const WORD_FAST = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1EFF]+(?:['\u2019-][A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1EFF]+)*/g;
const WORD_UNICODE = /[\p{L}\p{M}]+(?:['\u2019-][\p{L}\p{M}\p{N}]+)*/gu;
const OTHER_LETTERS = /[^\x00-\u024F\u0370-\u04FF\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20CF]/;
// The English possessive is not part of the word: "Kosovo's" is "kosovo".
const POSSESSIVE = /['\u2019]s$/;
// Every check asks for the same sentence's words: the last sentences' answers are kept, per language
// (keyed by the sentence itself, whose hash the engine keeps once computed).
const cache = new Map<string, Map<string, Word[]>>();
const CACHE_SIZE = 64;

/**
 * The words of a sentence with their compared forms. Elisions come from the
 * language's profile; without one, words keep their apostrophes.
 */
export function readWords(text: string, profile: LanguageProfile | undefined): Word[] {
  const code = profile?.code ?? '';
  let known = cache.get(code);
  if (!known) {
    known = new Map();
    cache.set(code, known);
  }
  const cached = known.get(text);
  if (cached) return cached;
  const words: Word[] = [];
  const pattern = OTHER_LETTERS.test(text) ? WORD_UNICODE : WORD_FAST;
  pattern.lastIndex = 0;
  let previousEnd = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const value = match[0];
    const start = match.index;
    const initial = previousEnd === 0 ? !hasDigit(text, 0, start) : hasOpener(text, previousEnd, start);
    previousEnd = start + value.length;
    const lower = value.toLowerCase();
    const norm = lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
    const token: Token = { text: value, norm, start, end: start + value.length, kind: 'word' };
    const cut = elisionLength(norm, profile);
    const surface = value.slice(cut);
    let bare = norm.slice(cut);
    if (bare.length > 2 && POSSESSIVE.test(bare)) bare = bare.slice(0, -2);
    words.push({ token, bare, folded: ASCII.test(bare) ? bare : foldAccents(bare), surface, initial: initial && cut === 0 });
  }
  if (known.size >= CACHE_SIZE) known.clear();
  known.set(text, words);
  return words;
}

// Text that has no accent to remove: most words of most sentences.
const ASCII = /^[\x00-\x7f]*$/;

/** Remove accents and lower-case: "États-Unis" -> "etats-unis". */
export function foldAccents(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Whether a word is written with a capital initial. */
export function isCapitalised(word: Word): boolean {
  const first = word.surface.charAt(0);
  return first !== first.toLowerCase();
}

/** Whether a word is an acronym: two or more letters, all capitals ("ONU", "UE"). */
export function isAcronym(word: Word): boolean {
  const second = word.surface.charAt(1);
  if (second === '' || second === second.toLowerCase()) return false;
  return /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word.surface);
}

/** The whole sentence without its surrounding spaces, as [start, end); null when it has no text. */
export function findSentenceSpan(text: string): [number, number] | null {
  const start = text.search(/\S/);
  if (start < 0) return null;
  return [start, text.trimEnd().length];
}

/** Word patterns compiled for quick matching: exact words, starts ("un*") and endings ("*less"). */
export interface PatternSet {
  exact: ReadonlySet<string>;
  starts: readonly string[];
  ends: readonly string[];
}

/** Compile patterns as `matchesPattern` reads them. */
export function compilePatterns(patterns: readonly string[]): PatternSet {
  return {
    exact: new Set(patterns.filter((pattern) => !pattern.includes('*'))),
    starts: patterns.filter((pattern) => pattern.endsWith('*')).map((pattern) => pattern.slice(0, -1)),
    ends: patterns.filter((pattern) => pattern.startsWith('*')).map((pattern) => pattern.slice(1))
  };
}

/** Whether a word matches any pattern of a compiled set. */
export function matchesAny(word: string, set: PatternSet): boolean {
  if (set.exact.has(word)) return true;
  for (const start of set.starts) if (word.startsWith(start)) return true;
  for (const end of set.ends) if (word.length > end.length && word.endsWith(end)) return true;
  return false;
}

/** Whether `pattern` matches `word`: equal, or with a `*` at one end standing for any start or ending ("un*", "*less"). */
export function matchesPattern(word: string, pattern: string): boolean {
  if (pattern.endsWith('*')) return word.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return word.endsWith(pattern.slice(1)) && word.length > pattern.length;
  return word === pattern;
}

function hasOpener(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (OPENERS.includes(text.charAt(index))) return true;
  return false;
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

// Length of a leading elided word ("qu'" in "qu'il"), 0 when none.
function elisionLength(norm: string, profile: LanguageProfile | undefined): number {
  if (!profile || !norm.includes("'")) return 0;
  for (const elision of profile.elisions) {
    if (norm.length > elision.length && norm.startsWith(elision)) return elision.length;
  }
  return 0;
}

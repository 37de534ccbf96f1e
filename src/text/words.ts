import { foldAccents, tokenize, type Token } from './tokenize.js';

/** A word of a sentence (a word token of `tokenize`), with the forms that comparisons across languages use. */
export interface Word {
  token: Token;
  /** Lower-case, straight apostrophe, elided article and English possessive removed: "L'Irak" -> "irak". */
  bare: string;
  /** `bare` without accents: "états-unis" -> "etats-unis". */
  folded: string;
  /** The word as written, elided article removed: "L'Irak" -> "Irak". */
  surface: string;
  /** Whether the word opens the sentence or a quotation, where a capital says nothing. */
  initial: boolean;
}

/** What reading words needs to know of a language: its elided words ("l'", "qu'"), lower-case with a straight apostrophe. */
export interface WordRules {
  code: string;
  elisions: readonly string[];
}

// Marks after which the next word starts a sentence or a quotation, so its capital is not a name's.
const OPENERS = '.!?:;«“"(—–-';
const OPENER_CODES: ReadonlySet<number> = new Set([...OPENERS].map((mark) => mark.charCodeAt(0)));

/** A text read once: its tokens and its words, as the checks and the word links compare them. */
export interface ReadText {
  text: string;
  tokens: readonly Token[];
  words: readonly Word[];
}

/**
 * The words of a text (no numbers, no punctuation) with their compared forms. Elisions come from
 * the language's rules; without rules, words keep their apostrophes.
 *
 * @param tokens `tokenize(text)`, when already known.
 */
export function readWords(text: string, rules: WordRules | undefined, tokens: readonly Token[] = tokenize(text)): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  let seenWord = false;
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    if (token.norm === "'s" && seenWord) continue;
    const initial = seenWord ? hasOpener(text, previousEnd, token.start) : !hasDigit(text, 0, token.start);
    seenWord = true;
    previousEnd = token.end;
    const cut = elisionLength(token.norm, rules);
    const bare = token.norm.slice(cut);
    words.push({ token, bare, folded: foldAccents(bare), surface: token.text.slice(cut), initial: initial && cut === 0 });
  }
  return words;
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

function hasOpener(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (OPENER_CODES.has(text.charCodeAt(index))) return true;
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
function elisionLength(norm: string, rules: WordRules | undefined): number {
  if (!rules || !norm.includes("'")) return 0;
  for (const elision of rules.elisions) {
    if (norm.length > elision.length && norm.startsWith(elision)) return elision.length;
  }
  return 0;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCheckContext, analyzeSegment } from '../src/checks/run.js';
import type { Flag } from '../src/checks/types.js';
import { countWordEdits } from '../src/history/edit-rate.js';
import { findConfirmedFlags } from '../src/review/confirmed-flag.js';
import { guessEnglishVariant } from '../src/text/english-variant.js';
import { tokenize } from '../src/text/tokenize.js';

/** One sentence of the LIG split, ready for the checks: cased detokenised MT with its words marked edited or kept. */
export interface LigSentence {
  /** Line of the split, from 0: the even and odd lines are the two halves rules are developed and checked on. */
  line: number;
  text: string;
  /** The French sentence it translates, for the checks that read the source. */
  source: string;
  /** What the post-editor made of it. */
  postEdit: string;
  words: Array<{ start: number; end: number; edited: boolean }>;
  /** Whether the post-editor changed at least HEAVY_SHARE of its words (see `isHeavy`). */
  heavy: boolean;
}

/** Which lines of the split a report reads. */
export type Half = 'even' | 'odd' | 'all';

/** What applying suggestions did: each flag's first suggestion applied alone, the sentence's word edit distance to the post-edit compared before and after. */
export interface SuggestionScore {
  suggestions: number;
  closer: number;
  further: number;
}

/** Flags of one check or one lexicon entry. */
export interface FlagScore {
  flags: number;
  confirmed: number;
  precision: number;
  chance: number;
  suggestions: SuggestionScore;
}

/** Flag precision against post-edits, compared with chance, the share of edited words covered, heavy sentences flagged, and what suggestions do. */
export interface LigReport {
  sentences: number;
  flags: number;
  confirmed: number;
  precision: number;
  /**
   * Flags the post-edit confirms under the post-editing report's rule (src/review/confirmed-flag.ts:
   * the flagged words changed while at least half of the sentence's other words stayed), which
   * also gives the observed precision in the app; `confirmed` above is the eval's (an edited word
   * under the flag, whatever happened to the rest).
   */
  reportConfirmed: number;
  chance: number;
  editedWords: number;
  coveredEditedWords: number;
  coverage: number;
  /**
   * The same, counting only flags over less than 80% of the sentence's words: a flag on the whole
   * sentence covers every edited word in it without pointing at any.
   */
  narrowCoverage: number;
  heavySentences: number;
  heavyFlagged: number;
  /** Every flag's first suggestion, hints included. */
  suggestions: SuggestionScore;
  /** Only the suggestions applied with one key (not hints). */
  oneKeySuggestions: SuggestionScore;
  perCheck: Record<string, FlagScore>;
  /** Per lexicon entry, for the flags that name one. */
  perEntry: Record<string, FlagScore>;
}

/**
 * A sentence is heavy when its post-editor changed (replaced or deleted) at least this share of
 * its machine-translated words: the sentences that most needed an editor, where a flag helps most.
 */
export const HEAVY_SHARE = 0.3;
// A flag over this share of a sentence's words or more is about the whole sentence.
const SENTENCE_WIDE = 0.8;
// Tokens written against the previous word when detokenising.
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', '%', ')', ']', "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", '...']);
// Tokens written against the next word.
const NO_SPACE_AFTER = new Set(['(', '[', '$', '£', '€']);

/**
 * Read the LIG dev split and prepare each sentence as the README says:
 * detokenise the lower-cased MT, align it word by word with the post-edit
 * (ignoring case), mark words the editor deleted or replaced as edited, and
 * give kept words the post-editor's casing.
 *
 * @param folder The corpus folder (LIG_DIR).
 * @param limit Read only the first `limit` lines.
 */
export function loadLig(folder: string, limit = Infinity): LigSentence[] {
  const mt = readFileSync(join(folder, 'tgt-mt-all.en'), 'utf8').split('\n');
  const pe = readFileSync(join(folder, 'tgt-pe-all.en'), 'utf8').split('\n');
  const sources = readFileSync(join(folder, 'src-ref-all.fr'), 'utf8').split('\n');
  const names = findNames(pe);
  const sentences: LigSentence[] = [];
  for (let line = 0; line < Math.min(mt.length, pe.length, limit); line++) {
    const machine = (mt[line] ?? '').trim();
    if (machine === '') continue;
    const prepared = prepareSentence(machine.split(/\s+/), tokenizePostEdit(pe[line] ?? ''), names);
    sentences.push({ ...prepared, line, source: (sources[line] ?? '').trim(), postEdit: (pe[line] ?? '').trim(), heavy: isHeavy(prepared.words) });
  }
  return sentences;
}

/** Whether the post-editor changed at least HEAVY_SHARE of a sentence's words. */
export function isHeavy(words: ReadonlyArray<{ edited: boolean }>): boolean {
  return words.length > 0 && words.filter((word) => word.edited).length >= HEAVY_SHARE * words.length;
}

/** The sentences of one half of the split (even or odd lines), or all. */
export function selectHalf<T extends { line: number }>(sentences: readonly T[], half: Half): T[] {
  return half === 'all' ? [...sentences] : sentences.filter((sentence) => (sentence.line % 2 === 0) === (half === 'even'));
}

/** The flags the checks raise on one sentence analysed as a one-sentence document, as body text, with or without its source. */
export function flagSentence(text: string, source: string | undefined): Flag[] {
  const context = createCheckContext([{ text, paragraph: 0 }], 'en', {
    variant: guessEnglishVariant(text),
    source: source === undefined ? undefined : { language: 'fr', texts: [source] },
  });
  // The checks see the sentence as body text: a one-line document would otherwise read as a heading.
  return analyzeSegment({ ...context, roles: ['body'] }, 0).flags;
}

/**
 * Run the checks on each sentence (one document each) and score the flags against the edited words;
 * with `withSource`, the checks that read the French source run too, as when an editor attaches it.
 */
export function evaluateLig(sentences: readonly LigSentence[], { withSource = false } = {}): LigReport {
  const report: LigReport = {
    sentences: sentences.length,
    flags: 0,
    confirmed: 0,
    precision: 0,
    reportConfirmed: 0,
    chance: 0,
    editedWords: 0,
    coveredEditedWords: 0,
    coverage: 0,
    narrowCoverage: 0,
    heavySentences: 0,
    heavyFlagged: 0,
    suggestions: emptySuggestions(),
    oneKeySuggestions: emptySuggestions(),
    perCheck: {},
    perEntry: {}
  };
  let chanceSum = 0;
  let narrowlyCovered = 0;
  for (const sentence of sentences) {
    const flags = flagSentence(sentence.text, withSource ? sentence.source : undefined);
    const covered = new Set<number>();
    const coveredNarrowly = new Set<number>();
    const postEdit = readWordNorms(sentence.postEdit);
    const distance = countWordEdits(readWordNorms(sentence.text), postEdit);
    let counted = 0;
    const confirmedByReport = new Set(findConfirmedFlags(sentence.text, sentence.postEdit, flags));
    for (const flag of flags) {
      const inside = sentence.words
        .map((word, index) => ({ word, index }))
        .filter(({ word }) => word.start < flag.end && word.end > flag.start);
      if (inside.length === 0) continue;
      counted++;
      const confirmed = inside.some(({ word }) => word.edited);
      const chance = windowChance(sentence.words.map((word) => word.edited), inside.length);
      const narrow = inside.length < SENTENCE_WIDE * sentence.words.length;
      for (const { word, index } of inside) {
        if (!word.edited) continue;
        covered.add(index);
        if (narrow) coveredNarrowly.add(index);
      }
      report.flags++;
      if (confirmed) report.confirmed++;
      if (confirmedByReport.has(flag)) report.reportConfirmed++;
      chanceSum += chance;
      const effect = scoreSuggestion(sentence.text, flag, postEdit, distance);
      addSuggestion(report.suggestions, effect);
      if (!flag.hint) addSuggestion(report.oneKeySuggestions, effect);
      addFlag((report.perCheck[flag.checkId] ??= emptyFlagScore()), confirmed, chance, effect);
      if (flag.entryId) addFlag((report.perEntry[flag.entryId] ??= emptyFlagScore()), confirmed, chance, effect);
    }
    report.editedWords += sentence.words.filter((word) => word.edited).length;
    report.coveredEditedWords += covered.size;
    narrowlyCovered += coveredNarrowly.size;
    if (sentence.heavy) {
      report.heavySentences++;
      if (counted > 0) report.heavyFlagged++;
    }
  }
  report.precision = report.flags === 0 ? 0 : report.confirmed / report.flags;
  report.chance = report.flags === 0 ? 0 : chanceSum / report.flags;
  report.coverage = report.editedWords === 0 ? 0 : report.coveredEditedWords / report.editedWords;
  report.narrowCoverage = report.editedWords === 0 ? 0 : narrowlyCovered / report.editedWords;
  for (const entry of [...Object.values(report.perCheck), ...Object.values(report.perEntry)]) {
    entry.precision = entry.confirmed / entry.flags;
    entry.chance = entry.chance / entry.flags;
  }
  return report;
}

/** What one human post-edited English holds in flags: checks other than spelling and repeated words should find almost nothing there. */
export interface PostEditNoise {
  sentences: number;
  /** Flags of the checks other than `spelling` and `repeated-word`. */
  flags: number;
  perThousand: number;
  perCheck: Record<string, number>;
}

// Checks whose flags on post-edited English are the post-editors' own slips more often than false alarms.
const TYPO_CHECKS = new Set(['spelling', 'repeated-word']);

/** Flags per 1,000 human post-edited sentences (the LIG post-edits), from checks other than spelling and repeated words. */
export function countPostEditFlags(sentences: readonly LigSentence[], { withSource = false } = {}): PostEditNoise {
  const perCheck: Record<string, number> = {};
  let flags = 0;
  let count = 0;
  for (const sentence of sentences) {
    if (sentence.postEdit === '') continue;
    count++;
    for (const flag of flagSentence(sentence.postEdit, withSource ? sentence.source : undefined)) {
      if (TYPO_CHECKS.has(flag.checkId)) continue;
      flags++;
      perCheck[flag.checkId] = (perCheck[flag.checkId] ?? 0) + 1;
    }
  }
  return { sentences: count, flags, perThousand: count === 0 ? 0 : (1000 * flags) / count, perCheck };
}

// Whether the first suggestion, applied alone, brings the sentence's words closer to the post-edit's (-1),
// further (1) or neither (0); undefined when the flag has none.
function scoreSuggestion(text: string, flag: Flag, postEdit: readonly string[], before: number): -1 | 0 | 1 | undefined {
  const suggestion = flag.suggestions[0];
  if (suggestion === undefined) return undefined;
  const after = countWordEdits(readWordNorms(text.slice(0, flag.start) + suggestion + text.slice(flag.end)), postEdit);
  return after < before ? -1 : after > before ? 1 : 0;
}

// The lower-case words and numbers of a text, as the word edit distance compares them.
function readWordNorms(text: string): string[] {
  return tokenize(text).filter((token) => token.kind !== 'punct').map((token) => token.norm);
}

function emptySuggestions(): SuggestionScore {
  return { suggestions: 0, closer: 0, further: 0 };
}

function emptyFlagScore(): FlagScore {
  return { flags: 0, confirmed: 0, precision: 0, chance: 0, suggestions: emptySuggestions() };
}

function addSuggestion(score: SuggestionScore, effect: -1 | 0 | 1 | undefined): void {
  if (effect === undefined) return;
  score.suggestions++;
  if (effect < 0) score.closer++;
  if (effect > 0) score.further++;
}

function addFlag(score: FlagScore, confirmed: boolean, chance: number, effect: -1 | 0 | 1 | undefined): void {
  score.flags++;
  if (confirmed) score.confirmed++;
  score.chance += chance;
  addSuggestion(score.suggestions, effect);
}

/** The share of k-word windows of the sentence that contain an edited word. */
export function windowChance(edited: readonly boolean[], k: number): number {
  const windows = edited.length - k + 1;
  if (windows <= 0) return edited.some(Boolean) ? 1 : 0;
  let hits = 0;
  for (let start = 0; start < windows; start++) {
    if (edited.slice(start, start + k).some(Boolean)) hits++;
  }
  return hits / windows;
}

/** Align two word lists (longest common subsequence, ignoring case); returns for each word of `a` its index in `b` or -1. */
export function alignWords(a: readonly string[], b: readonly string[]): number[] {
  const lowerA = a.map((word) => word.toLowerCase());
  const lowerB = b.map((word) => word.toLowerCase());
  const rows = lowerA.length + 1;
  const cols = lowerB.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = lowerA.length - 1; i >= 0; i--) {
    for (let j = lowerB.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        lowerA[i] === lowerB[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
    }
  }
  const result = new Array<number>(lowerA.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < lowerA.length && j < lowerB.length) {
    if (lowerA[i] === lowerB[j]) {
      result[i] = j;
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) {
      i++;
    } else {
      j++;
    }
  }
  return result;
}

// Split the post-edit like the MT was tokenised: punctuation apart, "'s" and "n't" apart.
function tokenizePostEdit(text: string): string[] {
  return (
    text
      .replace(/([,.;:!?()[\]"%])/g, ' $1 ')
      .replace(/(\w)(n't)\b/gi, '$1 $2')
      .replace(/(\w)('s|'re|'ve|'ll|'d|'m)\b/gi, '$1 $2')
      .match(/\S+/g) ?? []
  );
}

/**
 * Words the post-edits only ever write capitalised, by their lower-case form: names ("Europe",
 * "Schröder"). A real engine capitalises them, so a changed word keeps its machine casing except
 * for these: left lower-case, 94 of the spelling check's first 177 flags were names the corpus's
 * lowercasing had broken, confirmed only because the editor changed the word around them.
 */
function findNames(postEdits: readonly string[]): Map<string, string> {
  const capitalised = new Map<string, string>();
  const lower = new Set<string>();
  for (const line of postEdits) {
    for (const word of line.match(/[\p{L}]+/gu) ?? []) {
      if (/^\p{Lu}\p{Ll}/u.test(word)) capitalised.set(word.toLowerCase(), word);
      else if (/^\p{Ll}+$/u.test(word)) lower.add(word);
    }
  }
  for (const word of lower) capitalised.delete(word);
  return capitalised;
}

function prepareSentence(machine: readonly string[], postEdit: readonly string[], names: ReadonlyMap<string, string>): Pick<LigSentence, 'text' | 'words'> {
  const alignment = alignWords(machine, postEdit);
  let text = '';
  let quoteOpen = false;
  const words: LigSentence['words'] = [];
  machine.forEach((token, index) => {
    const target = alignment[index] ?? -1;
    const cased = target >= 0 ? postEdit[target] ?? token : names.get(token) ?? token;
    let glue = text !== '' && !NO_SPACE_BEFORE.has(token) && !NO_SPACE_AFTER.has(machine[index - 1] ?? '');
    if (token === '"') {
      if (quoteOpen) glue = false;
      quoteOpen = !quoteOpen;
    }
    if (machine[index - 1] === '"' && quoteOpen) glue = false;
    if (glue) text += ' ';
    const start = text.length;
    text += cased;
    if (/[\p{L}\p{N}]/u.test(token)) words.push({ start, end: text.length, edited: target < 0 });
  });
  return { text, words };
}

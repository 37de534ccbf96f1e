import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBilingualSegment, createBilingualContext } from '../src/checks/bilingual/run.js';
import { createCheckContext, analyzeSegment } from '../src/checks/run.js';

/** One sentence of the LIG split, ready for the checks: cased detokenised MT with its words marked edited or kept. */
export interface LigSentence {
  text: string;
  /** The French sentence it translates, for the checks that read the source. */
  source: string;
  words: Array<{ start: number; end: number; edited: boolean }>;
}

/** Flag precision against post-edits, compared with chance, and the share of edited words covered. */
export interface LigReport {
  sentences: number;
  flags: number;
  confirmed: number;
  precision: number;
  chance: number;
  editedWords: number;
  coveredEditedWords: number;
  coverage: number;
  /**
   * The same, counting only flags over less than 80% of the sentence's words: a flag on the whole
   * sentence ("the source names Schröder, the translation does not") covers every edited word in it
   * without pointing at any.
   */
  narrowCoverage: number;
  perCheck: Record<string, { flags: number; confirmed: number; precision: number; chance: number }>;
}

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
    sentences.push({ ...prepareSentence(machine.split(/\s+/), tokenizePostEdit(pe[line] ?? ''), names), source: (sources[line] ?? '').trim() });
  }
  return sentences;
}

/**
 * Run the checks on each sentence (one document each) and score the flags against the edited words;
 * with `withSource`, the bilingual checks run too, as when an editor attaches the French article.
 */
export function evaluateLig(sentences: readonly LigSentence[], { withSource = false } = {}): LigReport {
  const bilingual = createBilingualContext('fr', 'en');
  const report: LigReport = {
    sentences: sentences.length,
    flags: 0,
    confirmed: 0,
    precision: 0,
    chance: 0,
    editedWords: 0,
    coveredEditedWords: 0,
    coverage: 0,
    narrowCoverage: 0,
    perCheck: {}
  };
  let chanceSum = 0;
  let narrowlyCovered = 0;
  for (const sentence of sentences) {
    const context = createCheckContext([{ text: sentence.text, paragraph: 0 }], 'en');
    // The checks see the sentence as body text: a one-line document would otherwise read as a heading.
    const analysis = analyzeSegment({ ...context, roles: ['body'] }, 0);
    const flags = withSource ? [...analysis.flags, ...analyzeBilingualSegment(sentence.text, sentence.source, bilingual)] : analysis.flags;
    const covered = new Set<number>();
    const coveredNarrowly = new Set<number>();
    for (const flag of flags) {
      const inside = sentence.words
        .map((word, index) => ({ word, index }))
        .filter(({ word }) => word.start < flag.end && word.end > flag.start);
      if (inside.length === 0) continue;
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
      chanceSum += chance;
      const entry = (report.perCheck[flag.checkId] ??= { flags: 0, confirmed: 0, precision: 0, chance: 0 });
      entry.flags++;
      if (confirmed) entry.confirmed++;
      entry.chance += chance;
    }
    report.editedWords += sentence.words.filter((word) => word.edited).length;
    report.coveredEditedWords += covered.size;
    narrowlyCovered += coveredNarrowly.size;
  }
  report.precision = report.flags === 0 ? 0 : report.confirmed / report.flags;
  report.chance = report.flags === 0 ? 0 : chanceSum / report.flags;
  report.coverage = report.editedWords === 0 ? 0 : report.coveredEditedWords / report.editedWords;
  report.narrowCoverage = report.editedWords === 0 ? 0 : narrowlyCovered / report.editedWords;
  for (const entry of Object.values(report.perCheck)) {
    entry.precision = entry.confirmed / entry.flags;
    entry.chance = entry.chance / entry.flags;
  }
  return report;
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

function prepareSentence(machine: readonly string[], postEdit: readonly string[], names: ReadonlyMap<string, string>): Omit<LigSentence, 'source'> {
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

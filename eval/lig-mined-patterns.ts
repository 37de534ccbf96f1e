/**
 * What rules mined from LIG post-edits can reach on text they were not mined from
 * (`npx tsx eval/lig-mined-patterns.ts`).
 *
 * The split is cut in two (even and odd lines). On one half, every sequence of one to three units
 * is counted, where a unit is the word, its part-of-speech tag, or the word for closed-class words
 * and the tag for the others ("the NN of"). A sequence becomes a rule when it was seen often enough
 * and held an edited word at least 60% of the time and at least twice as often as chance: the
 * most a rule-writer could learn from this data, words and word classes alike. The rules are then
 * scored on the other half, as the checks are: precision, ratio to chance, share of edited words
 * covered. The same rules scored on the half they came from show how much of it is memory.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { flagSentence, isHeavy, loadLig, selectHalf, windowChance, type LigSentence } from './lig-eval.js';
import { LIG_DIR, requireEvalData } from './data-dir.js';

/** One word of the machine translation with its part-of-speech tag and whether the editor changed it. */
export interface TaggedWord {
  word: string;
  tag: string;
  edited: boolean;
}

/** How a word is written in a pattern. */
export type PatternUnit = 'word' | 'tag' | 'mixed';

/** What a rule must have shown on the half it is mined from. */
export interface MiningThresholds {
  minSeen: number;
  minPrecision: number;
  minRatio: number;
}

/** Flags of a rule set on a set of sentences, scored as `npm run eval` scores the checks. */
export interface PatternScore {
  rules: number;
  flags: number;
  precision: number;
  ratio: number;
  coverage: number;
  /** Share of the heavy sentences (see `isHeavy`) holding a flag. */
  heavyFlagged: number;
}

/** Words of a sentence already under a flag of the checks, as index windows (first and last word). */
export type FlagWindows = ReadonlyArray<readonly [number, number]>;

const UNITS: readonly PatternUnit[] = ['word', 'tag', 'mixed'];
const MAX_LENGTH = 3;
// Closed-class tags: in a mixed pattern these keep their word ("the", "of", "will").
const CLOSED_TAGS = new Set(['DT', 'IN', 'TO', 'MD', 'CC', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'EX', 'RP', 'POS', 'PDT']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did']);

function unitOf(word: TaggedWord, unit: PatternUnit): string {
  if (unit === 'word') return word.word.toLowerCase();
  if (unit === 'tag') return word.tag;
  const lower = word.word.toLowerCase();
  return CLOSED_TAGS.has(word.tag) || AUXILIARIES.has(lower) ? lower : word.tag;
}

/**
 * Visit every window of one to three words of the sentence, in each unit, with its pattern key,
 * whether it holds an edited word, and the chance that a window of its length does.
 */
function forEachWindow(
  sentence: readonly TaggedWord[],
  visit: (key: string, start: number, length: number, confirmed: boolean, chance: number) => void,
): void {
  const edited = sentence.map((word) => word.edited);
  for (let length = 1; length <= MAX_LENGTH; length++) {
    const chance = windowChance(edited, length);
    for (const unit of UNITS) {
      for (let start = 0; start + length <= sentence.length; start++) {
        const words = sentence.slice(start, start + length);
        const key = `${unit}:${words.map((word) => unitOf(word, unit)).join(' ')}`;
        visit(key, start, length, words.some((word) => word.edited), chance);
      }
    }
  }
}

/** The patterns of one to three units that pass the thresholds on `sentences`. */
export function minePatterns(sentences: readonly (readonly TaggedWord[])[], thresholds: MiningThresholds): Set<string> {
  const counts = new Map<string, { seen: number; confirmed: number; chance: number }>();
  for (const sentence of sentences) {
    forEachWindow(sentence, (key, _start, _length, confirmed, chance) => {
      const count = counts.get(key) ?? { seen: 0, confirmed: 0, chance: 0 };
      count.seen++;
      count.chance += chance;
      if (confirmed) count.confirmed++;
      counts.set(key, count);
    });
  }
  const rules = new Set<string>();
  for (const [key, count] of counts) {
    if (count.seen < thresholds.minSeen) continue;
    if (count.confirmed / count.seen < thresholds.minPrecision) continue;
    if (count.confirmed < thresholds.minRatio * count.chance) continue;
    rules.add(key);
  }
  return rules;
}

/**
 * Flag every window matching a rule and score the flags against the edited words; with `checks`,
 * the checks' own flags on each sentence (word windows) are scored with them, as a rule set added
 * to the checks would be.
 */
export function scorePatterns(sentences: readonly (readonly TaggedWord[])[], rules: ReadonlySet<string>, checks?: readonly FlagWindows[]): PatternScore {
  let flags = 0;
  let confirmed = 0;
  let chanceSum = 0;
  let edited = 0;
  let covered = 0;
  let heavy = 0;
  let heavyFlagged = 0;
  sentences.forEach((sentence, position) => {
    const coveredHere = new Set<number>();
    const flag = (start: number, length: number, hit: boolean, chance: number): void => {
      flags++;
      chanceSum += chance;
      if (hit) confirmed++;
      for (let index = start; index < start + length; index++) if (sentence[index]?.edited) coveredHere.add(index);
    };
    let flagged = false;
    forEachWindow(sentence, (key, start, length, hit, chance) => {
      if (!rules.has(key)) return;
      flagged = true;
      flag(start, length, hit, chance);
    });
    const edits = sentence.map((word) => word.edited);
    for (const [first, last] of checks?.[position] ?? []) {
      flagged = true;
      flag(first, last - first + 1, edits.slice(first, last + 1).some(Boolean), windowChance(edits, last - first + 1));
    }
    edited += sentence.filter((word) => word.edited).length;
    covered += coveredHere.size;
    if (isHeavy(sentence)) {
      heavy++;
      if (flagged) heavyFlagged++;
    }
  });
  return {
    rules: rules.size,
    flags,
    precision: flags === 0 ? 0 : confirmed / flags,
    ratio: chanceSum === 0 ? 0 : confirmed / chanceSum,
    coverage: edited === 0 ? 0 : covered / edited,
    heavyFlagged: heavy === 0 ? 0 : heavyFlagged / heavy,
  };
}

/** The checks' flags (with the source) on each sentence, as windows of the sentence's words. */
export function flagWindows(sentences: readonly LigSentence[]): FlagWindows[] {
  return sentences.map((sentence) =>
    flagSentence(sentence.text, sentence.source).flatMap((flag) => {
      const inside = sentence.words.flatMap((word, index) => (word.start < flag.end && word.end > flag.start ? [index] : []));
      return inside.length === 0 ? [] : [[inside[0]!, inside[inside.length - 1]!] as const];
    }),
  );
}

/** Tag the LIG sentences' words with wink-pos-tagger (Penn Treebank tags). */
export function tagSentences(sentences: readonly LigSentence[]): TaggedWord[][] {
  // wink-pos-tagger is CommonJS without types: only its tagRawTokens is used.
  const require = createRequire(import.meta.url);
  const createTagger = require('wink-pos-tagger') as () => { tagRawTokens(tokens: string[]): Array<{ pos: string }> };
  const tagger = createTagger();
  return sentences.map((sentence) => {
    const words = sentence.words.map((word) => sentence.text.slice(word.start, word.end));
    const tags = tagger.tagRawTokens(words);
    return words.map((word, index) => ({ word, tag: tags[index]?.pos ?? 'UNK', edited: sentence.words[index]?.edited ?? false }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  requireEvalData();
  const sentences = loadLig(LIG_DIR);
  const tagged = tagSentences(sentences);
  const halves = [tagged.filter((_, index) => index % 2 === 0), tagged.filter((_, index) => index % 2 === 1)];
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  console.log('Rules mined from one half of LIG (words, tags, both; 1-3 units; precision >= 0.6 and >= 2x chance there), scored on the other half:');
  for (const minSeen of [3, 5, 8]) {
    for (const [from, to] of [[0, 1], [1, 0]] as const) {
      const rules = minePatterns(halves[from] ?? [], { minSeen, minPrecision: 0.6, minRatio: 2 });
      const held = scorePatterns(halves[to] ?? [], rules);
      const own = scorePatterns(halves[from] ?? [], rules);
      console.log(
        `  seen >= ${minSeen}, mined on half ${from + 1}: ${held.rules} rules; other half: ${held.flags} flags, precision ${percent(held.precision)}, ` +
          `${held.ratio.toFixed(2)}x chance, covered ${percent(held.coverage)} (own half: precision ${percent(own.precision)}, covered ${percent(own.coverage)})`
      );
    }
  }
  // The curve the targets are read against: the checks (with the source) on the odd lines, then the checks
  // plus the rules mined on the even lines, the surest first (mined precision from 100% down to 60%).
  const byLine = (half: 'even' | 'odd') => {
    const chosen = selectHalf(sentences, half);
    const lines = new Set(chosen.map((sentence) => sentence.line));
    return { chosen, tagged: tagged.filter((_, index) => lines.has(sentences[index]!.line)) };
  };
  const even = byLine('even');
  const odd = byLine('odd');
  const checks = flagWindows(odd.chosen);
  const alone = scorePatterns(odd.tagged, new Set(), checks);
  console.log('Precision and recall on the odd lines: the checks with the source, then with the rules mined on the even lines added (seen >= 5):');
  console.log(`  checks alone: precision ${percent(alone.precision)}, ${alone.ratio.toFixed(2)}x chance, covered ${percent(alone.coverage)}, heavy sentences flagged ${percent(alone.heavyFlagged)}`);
  for (const minPrecision of [1, 0.9, 0.8, 0.7, 0.6]) {
    const rules = minePatterns(even.tagged, { minSeen: 5, minPrecision, minRatio: 2 });
    const held = scorePatterns(odd.tagged, rules, checks);
    console.log(
      `  + ${String(rules.size).padStart(3)} rules mined at precision >= ${percent(minPrecision)}: precision ${percent(held.precision)}, ${held.ratio.toFixed(2)}x chance, ` +
        `covered ${percent(held.coverage)}, heavy sentences flagged ${percent(held.heavyFlagged)}`
    );
  }
}

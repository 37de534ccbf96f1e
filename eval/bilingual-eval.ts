import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pairLexicon } from '../src/checks/false-friends.js';
import { checks } from '../src/checks/index.js';
import { analyzeSegment, createCheckContext } from '../src/checks/run.js';
import type { Flag } from '../src/checks/types.js';
import { getPairProfile } from '../src/languages/index.js';
import { LIG_DIR, REPO_ROOT, requireEvalData } from './data-dir.js';

/** A French source sentence and one machine translation of it, from one line of the LIG split. */
export interface BilingualPair {
  line: number;
  source: string;
  target: string;
}

/** One flag raised on the corpus, with what an auditor needs to judge it. */
export interface CorpusFlag {
  system: string;
  line: number;
  checkId: string;
  source: string;
  target: string;
  flaggedText: string;
  message: string;
}

/** A sampled flag with a human verdict, as stored in eval/fixtures/bilingual-flag-sample.json. */
export interface JudgedFlag {
  system: string;
  line: number;
  checkId: string;
  source: string;
  target: string;
  flaggedText: string;
  verdict: 'right' | 'wrong';
  reason: string;
}

/** Flag counts per check on one system's output, and the speed of the analysis. */
export interface BilingualReport {
  system: string;
  pairs: number;
  flags: CorpusFlag[];
  perCheck: Record<string, number>;
  milliseconds: number;
  pairsPerSecond: number;
}

/**
 * The translations of the split that are checked: Google's is the one the acceptance counts; Bing's and
 * the human post-edits widen the judged sample (on post-edits, most flags should be false alarms, so
 * they measure how noisy the checks are on good text).
 */
export const SYSTEMS = { google: 'output_Google_Translator.en', bing: 'output_Bing_Translator.en', postedit: 'tgt-pe-all.en' } as const;
/** Most flags sampled per check and system. */
export const SAMPLE_PER_CHECK = 20;
/** Where the judged sample lives, from the repository root. */
export const SAMPLE_PATH = join('eval', 'fixtures', 'bilingual-flag-sample.json');
// Seed of the sampling offsets: changing it draws another sample.
const SAMPLE_SEED = 20240917;

/** Read the French sources and one system's translations, line by line (the split is aligned). */
export function loadBilingualPairs(folder: string, system: keyof typeof SYSTEMS): BilingualPair[] {
  const sources = readFileSync(join(folder, 'src-ref-all.fr'), 'utf8').split('\n');
  const targets = readFileSync(join(folder, SYSTEMS[system]), 'utf8').split('\n');
  const pairs: BilingualPair[] = [];
  for (let index = 0; index < Math.min(sources.length, targets.length); index++) {
    const source = (sources[index] ?? '').trim();
    const target = (targets[index] ?? '').trim();
    if (source !== '' && target !== '') pairs.push({ line: index + 1, source, target });
  }
  return pairs;
}

// Timed passes over the pairs, after one warm-up pass: the median is reported. Time is the process's CPU
// time, not the clock's: on a busy machine the clock also counts other programs' turns.
const TIMED_PASSES = 5;

/** The checks that compare with the source: those that need it, and the lexicon entries keyed on a source word. */
export const SOURCE_CHECK_IDS: readonly string[] = checks.filter((check) => check.needs === 'source').map((check) => check.id);
const SOURCE_ENTRIES = new Set(pairLexicon.filter((entry) => entry.source).map((entry) => entry.id));

/** The flags of the checks that compare a translation with its source, on one pair analysed as a one-sentence document. */
export function flagPair(pair: BilingualPair): Flag[] {
  const context = createCheckContext([{ text: pair.target, paragraph: 0 }], 'en', { source: { language: 'fr', texts: [pair.source] } });
  return analyzeSegment({ ...context, roles: ['body'] }, 0).flags.filter(
    (flag) => SOURCE_CHECK_IDS.includes(flag.checkId) || (flag.entryId !== null && SOURCE_ENTRIES.has(flag.entryId)),
  );
}

/** Run every check that compares with the source on every pair, timing the analysis (all checks) alone. */
export function evaluateBilingual(pairs: readonly BilingualPair[], system: string, passes = TIMED_PASSES): BilingualReport {
  let results = pairs.map(flagPair);
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = process.cpuUsage();
    results = pairs.map(flagPair);
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  const milliseconds = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  const perCheck: Record<string, number> = Object.fromEntries(SOURCE_CHECK_IDS.map((id) => [id, 0]));
  const flags: CorpusFlag[] = [];
  results.forEach((found, index) => {
    const pair = pairs[index];
    if (!pair) return;
    for (const flag of found) {
      perCheck[flag.checkId] = (perCheck[flag.checkId] ?? 0) + 1;
      const flaggedText = pair.target.slice(flag.start, flag.end);
      flags.push({ system, line: pair.line, checkId: flag.checkId, source: pair.source, target: pair.target, flaggedText, message: flag.message });
    }
  });
  return { system, pairs: pairs.length, flags, perCheck, milliseconds, pairsPerSecond: (pairs.length / milliseconds) * 1000 };
}

/**
 * A deterministic sample: per check, every flag when there are at most
 * `perCheck`, otherwise every k-th flag from a seeded offset, so that the
 * sample spreads over the corpus.
 */
export function sampleFlags(flags: readonly CorpusFlag[], perCheck = SAMPLE_PER_CHECK): CorpusFlag[] {
  const groups = new Map<string, CorpusFlag[]>();
  for (const flag of flags) {
    const key = `${flag.system}/${flag.checkId}`;
    groups.set(key, [...(groups.get(key) ?? []), flag]);
  }
  const sample: CorpusFlag[] = [];
  for (const [key, group] of groups) {
    if (group.length <= perCheck) {
      sample.push(...group);
      continue;
    }
    const step = group.length / perCheck;
    const offset = (hashKey(`${SAMPLE_SEED}/${key}`) % 1000) / 1000 * step;
    for (let index = 0; index < perCheck; index++) {
      const flag = group[Math.floor(offset + index * step)];
      if (flag) sample.push(flag);
    }
  }
  return sample;
}

/** The identity of a flag in the sample file: system, line, check and flagged text. */
export function flagKey(flag: Pick<CorpusFlag, 'system' | 'line' | 'checkId' | 'flaggedText'>): string {
  return `${flag.system}|${flag.line}|${flag.checkId}|${flag.flaggedText}`;
}

/** The judged flags of the sample file (rows still to judge left out), or none when the file does not exist yet. */
export function loadJudgments(rootDir: string): JudgedFlag[] {
  const path = join(rootDir, SAMPLE_PATH);
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as JudgedFlag[]).filter((flag) => flag.verdict === 'right' || flag.verdict === 'wrong');
}

/** Precision per check on the judged sample: right / judged. */
export function scoreJudgments(judged: readonly JudgedFlag[]): Record<string, { right: number; total: number }> {
  const scores: Record<string, { right: number; total: number }> = {};
  for (const flag of judged) {
    const score = (scores[flag.checkId] ??= { right: 0, total: 0 });
    score.total++;
    if (flag.verdict === 'right') score.right++;
  }
  return scores;
}

/**
 * The length model measured on the human post-edits of the split (the English a careful translator
 * ends with): English characters per French character, and the variance of the difference per
 * source character. Its values are the ones in src/languages/fr-en/pair.json.
 */
export function calibrateLengthModel(folder: string, file = 'tgt-pe-all.en'): { ratio: number; variance: number } {
  const sources = readFileSync(join(folder, 'src-ref-all.fr'), 'utf8').split('\n');
  const targets = readFileSync(join(folder, file), 'utf8').split('\n');
  const lengths: Array<[number, number]> = [];
  sources.forEach((source, index) => {
    const target = (targets[index] ?? '').trim();
    if (source.trim() !== '' && target !== '') lengths.push([source.trim().length, target.length]);
  });
  const ratio = lengths.reduce((sum, [, target]) => sum + target, 0) / lengths.reduce((sum, [source]) => sum + source, 0);
  const variance = lengths.reduce((sum, [source, target]) => sum + (target - ratio * source) ** 2 / source, 0) / lengths.length;
  return { ratio, variance };
}

/** How many pairs fall beyond each |z| of the pair's length model: the calibration of the length check, printed by the eval. */
export function measureLengthSpread(pairs: readonly BilingualPair[], thresholds: readonly number[]): Record<string, number> {
  const model = getPairProfile('fr', 'en')?.lengthModel;
  const counts: Record<string, number> = {};
  if (!model) return counts;
  for (const threshold of thresholds) {
    counts[threshold.toFixed(1)] = pairs.filter(({ source, target }) => {
      if (source.length < model.minimumSourceLength) return false;
      const z = (target.length - model.ratio * source.length) / Math.sqrt(model.variance * source.length);
      return Math.abs(z) > threshold;
    }).length;
  }
  return counts;
}

// FNV-1a, for seeded offsets that do not depend on the platform.
function hashKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// `tsx eval/bilingual-eval.ts [--write-sample]`: print the report; with --write-sample, rewrite the
// sample file as the current sample, keeping the verdicts already given and leaving new flags with an
// empty verdict for a person to fill in.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  requireEvalData();
  const rootDir = REPO_ROOT;
  const sharedDir = LIG_DIR;
  const reports = (Object.keys(SYSTEMS) as Array<keyof typeof SYSTEMS>).map((system) => evaluateBilingual(loadBilingualPairs(sharedDir, system), system));
  for (const report of reports) {
    console.log(`${report.system}: ${report.pairs} pairs, ${report.flags.length} flags, ${Math.round(report.pairsPerSecond)} pairs/s (${((report.milliseconds / report.pairs) * 1000).toFixed(1)} µs a pair)`);
    for (const [id, count] of Object.entries(report.perCheck)) console.log(`  ${id.padEnd(24)} ${String(count).padStart(4)}`);
  }
  const google = loadBilingualPairs(sharedDir, 'google');
  const round = ({ ratio, variance }: { ratio: number; variance: number }): string => `ratio ${ratio.toFixed(3)}, variance ${variance.toFixed(2)}`;
  console.log(`length model: post-edits ${round(calibrateLengthModel(sharedDir))}; Google ${round(calibrateLengthModel(sharedDir, SYSTEMS.google))}`);
  console.log('length-ratio: Google pairs beyond |z|', measureLengthSpread(google, [2.5, 3, 3.5]));
  const sample = sampleFlags(reports.flatMap((report) => report.flags));
  const judged = loadJudgments(rootDir);
  const byKey = new Map(judged.map((flag) => [flagKey(flag), flag]));
  const unjudged = sample.filter((flag) => !byKey.has(flagKey(flag)));
  console.log(`sample: ${sample.length} flags, ${sample.length - unjudged.length} judged`);
  const inSample = new Set(sample.map(flagKey));
  const current = judged.filter((flag) => inSample.has(flagKey(flag)));
  for (const [id, score] of Object.entries(scoreJudgments(current))) {
    console.log(`  ${id.padEnd(24)} precision ${(score.right / score.total).toFixed(2)} (${score.right}/${score.total})`);
  }
  for (const system of Object.keys(SYSTEMS)) {
    const ofSystem = current.filter((flag) => flag.system === system);
    const right = ofSystem.filter((flag) => flag.verdict === 'right').length;
    console.log(`  ${system.padEnd(24)} precision ${(right / Math.max(ofSystem.length, 1)).toFixed(2)} (${right}/${ofSystem.length})`);
  }
  if (process.argv.includes('--write-sample')) {
    const rows = sample.map(({ system, line, checkId, source, target, flaggedText }) => {
      const known = byKey.get(flagKey({ system, line, checkId, flaggedText }));
      return { system, line, checkId, source, target, flaggedText, verdict: known?.verdict ?? '', reason: known?.reason ?? '' };
    });
    writeFileSync(join(rootDir, SAMPLE_PATH), `${JSON.stringify(rows, null, 2)}\n`);
    console.log(`wrote ${rows.length} flags to ${SAMPLE_PATH}, ${unjudged.length} to judge`);
  }
}

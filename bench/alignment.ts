/**
 * Throughput of sentence alignment on long documents, in sentences per second.
 *
 * The LIG corpus (French source, Google's English) is repeated until each side holds 5,000
 * sentences, written as paragraphs and split by the sentence splitter, then aligned. Splitting the
 * same two texts, in the same process, is the baseline: the ratio says how alignment compares with
 * a step every document already pays. A four-times-longer pair shows whether the cost stays linear,
 * as the band around the diagonal promises.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { alignSentences } from '../src/text/align-sentences.js';
import { splitSentences, type SentenceLanguage } from '../src/text/split-sentences.js';
import type { BenchRow } from './types.js';
import { LIG_DIR } from '../eval/data-dir.js';

// Sentences per side of the main input, and of the input that checks linear growth.
const SENTENCES = 5_000;
const LONG_SENTENCES = 20_000;
// The requirement: a 5,000-sentence pair aligned in well under a second.
const TARGET_SENTENCES_PER_SECOND = 20_000;
// Throughput on the long pair must stay within this share of the short pair's (linear cost).
const MIN_SCALING = 0.5;
// Timed runs per measurement, after untimed warm-up runs; the median resists a noisy machine.
const RUNS = 7;
const WARMUP_RUNS = 2;
// Lines per paragraph when the corpus is written out as an article.
const PARAGRAPH_LINES = 4;

const corpusDir = LIG_DIR;
// Stand-in sentences when the shared corpus is absent, so the bench still runs.
const FALLBACK: readonly [string, string][] = [
  ['Le gouvernement a présenté mardi un plan de relance de 20 milliards d’euros.', 'The government on Tuesday presented a 20 billion euro stimulus plan.'],
  ['Selon le ministre, la croissance devrait atteindre 1,5 % l’an prochain.', 'According to the minister, growth should reach 1.5% next year.'],
  ['Pourquoi maintenant ?', 'Why now?'],
  ['M. Dupont, maire de Lyon, a salué « un bon début ».', 'Mr Dupont, the mayor of Lyon, welcomed "a good start".'],
];

/** Measure alignSentences on 5,000- and 20,000-sentence pairs against splitting the same texts. */
export async function benchAlignment(): Promise<BenchRow[]> {
  const pairs = loadPairs();
  const rows: BenchRow[] = [];
  let shortSpeed = 0;
  for (const count of [SENTENCES, LONG_SENTENCES]) {
    const sourceText = writeArticle(pairs, count, 0);
    const targetText = writeArticle(pairs, count, 1);
    const source = split(sourceText, 'fr');
    const target = split(targetText, 'en');
    const sentences = source.length + target.length;
    const splitting = measure(() => split(sourceText, 'fr').length + split(targetText, 'en').length);
    const aligning = measure(() => alignSentences(source, target).length);
    const speed = sentences / aligning;
    const label = `${source.length.toLocaleString('en')} x ${target.length.toLocaleString('en')} sentences`;
    if (count === SENTENCES) {
      shortSpeed = speed;
      rows.push({
        name: `alignSentences, ${label}`,
        value: Math.round(speed),
        unit: 'sentences/s',
        baseline: `splitSentences of both texts ${Math.round(sentences / splitting)} sentences/s`,
        ratio: round(splitting / aligning),
        target: `>= ${TARGET_SENTENCES_PER_SECOND} sentences/s`,
        pass: speed >= TARGET_SENTENCES_PER_SECOND,
      });
      rows.push({ name: `alignSentences, ${label}, time`, value: round(aligning * 1000), unit: 'ms' });
    } else {
      rows.push({
        name: `alignSentences, ${label}`,
        value: Math.round(speed),
        unit: 'sentences/s',
        baseline: `the ${SENTENCES.toLocaleString('en')}-sentence pair ${Math.round(shortSpeed)} sentences/s`,
        ratio: round(speed / shortSpeed),
        target: `>= ${MIN_SCALING} of the shorter pair's rate (linear cost)`,
        pass: speed / shortSpeed >= MIN_SCALING,
      });
    }
  }
  return rows;
}

/** Median seconds of one call of `run`. */
function measure(run: () => number): number {
  let sink = 0;
  const times: number[] = [];
  for (let round = 0; round < WARMUP_RUNS + RUNS; round++) {
    const started = performance.now();
    sink += run();
    if (round >= WARMUP_RUNS) times.push((performance.now() - started) / 1000);
  }
  // Keeps the results observable, so the engine cannot drop the work being timed.
  if (sink < 0) console.log(sink);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function split(text: string, language: SentenceLanguage): string[] {
  return splitSentences(text, 0, text.length, { language }).map((span) => text.slice(span.start, span.end));
}

/** `count` lines of one side of the corpus, repeated as needed, in paragraphs separated by blank lines. */
function writeArticle(pairs: readonly [string, string][], count: number, side: 0 | 1): string {
  const parts: string[] = [];
  for (let k = 0; k < count; k++) {
    parts.push(pairs[k % pairs.length]?.[side] ?? '', (k + 1) % PARAGRAPH_LINES === 0 ? '\n\n' : ' ');
  }
  return parts.join('');
}

function loadPairs(): [string, string][] {
  const sourcePath = path.join(corpusDir, 'src-ref-all.fr');
  const targetPath = path.join(corpusDir, 'output_Google_Translator.en');
  if (!existsSync(sourcePath) || !existsSync(targetPath)) return [...FALLBACK];
  const sources = readFileSync(sourcePath, 'utf8').split('\n');
  const targets = readFileSync(targetPath, 'utf8').split('\n');
  return sources
    .map((line, k): [string, string] => [line.trim(), (targets[k] ?? '').trim()])
    .filter(([source, target]) => source !== '' && target !== '');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchAlignment());
}

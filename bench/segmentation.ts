/**
 * Throughput of sentence splitting and article segmentation, in characters per second.
 *
 * Each function runs on article-sized inputs (the seed, and ~5 KB articles of varied news
 * sentences) and on one 1 MB article; the reported figure is the median of repeated runs. A
 * trivial linear scan counting `.`, `!` and `?` runs on the same inputs in the same process, so
 * the ratio says how far we are from the cost of merely reading the text.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { segmentArticle } from '../src/text/segment-article.js';
import { splitSentences } from '../src/text/split-sentences.js';
import type { BenchRow } from './types.js';
import { LIG_DIR } from '../eval/data-dir.js';

// The requirement: at least this many characters per second, for both input sizes.
const TARGET_CHARS_PER_SECOND = 10_000_000;
// Timed runs per measurement; the median resists a noisy shared machine.
const RUNS = 15;
// Untimed runs first, so the JIT has optimised the code being measured.
const WARMUP_RUNS = 5;
// Size of the generated article-sized inputs, and how many distinct ones a run goes through.
const ARTICLE_SIZE = 5_000;
const ARTICLE_COUNT = 40;
// Size of the large input.
const LARGE_SIZE = 1_000_000;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const seedPath = path.resolve(repoRoot, 'seeds/000_4247dde334aa655b.txt');
// Real news sentences (human post-edited translations), when the shared data sits beside the clone.
const newsPath = path.join(LIG_DIR, 'tgt-pe-all.en');

// Sentences that exercise the hard cases: abbreviations, initials, amounts, quotes, ellipses, lists.
const TRICKY_SENTENCES = [
  'Microsoft Corp. said on Sunday that ByteDance Ltd. had rejected its offer for TikTok’s U.S. operations.',
  '"We are convinced that our proposal would have been good for TikTok users," Microsoft said.',
  '“We would have made significant changes,” said Brad Smith, the company’s president.',
  'Mr. Trump, who signed two executive orders on Aug. 6, gave the company until Sept. 20 to find a buyer.',
  'Oracle Inc. shares rose 3.5% to $58.20 at 10 a.m. in New York, valuing the group at $1.2bn.',
  'The deal, worth about $30bn, would be the largest acquisition by a U.S. tech company since 2016.',
  'Dr. Jane E. Smith, a professor at St. Andrews, said the rules were "unclear at best".',
  'Walmart Inc. Chief Executive Doug McMillon declined to comment... The talks ended late.',
  'Did the White House approve the plan? Nobody would say!',
  'See p. 12 of the report (published by the Commerce Dept. on Monday) for details.',
  'The company, based in Redmond, Wash., employs about 160,000 people vs. 100,000 at Oracle.',
  'Investors sold the stock. Then they waited.',
  'Shares of Yahoo! fell after the announcement, according to analysts at J.P. Morgan.',
  'The platform had 100 million users in the U.S. It has about 800 million worldwide.',
  'Visit www.example.com/tiktok-deal.html or write to press@example.com for more.',
];

/** Measure splitSentences and segmentArticle on article-sized and 1 MB inputs. */
export async function benchSegmentation(): Promise<BenchRow[]> {
  const sentences = loadSentences();
  const seed = readFileSync(seedPath, 'utf8');
  const articles = Array.from({ length: ARTICLE_COUNT }, (_, index) => buildArticle(sentences, ARTICLE_SIZE, index + 1));
  const large = buildArticle(sentences, LARGE_SIZE, 7);
  const inputs: [string, string[]][] = [
    ['seed article (2 KB)', [seed]],
    [`${ARTICLE_COUNT} articles of 5 KB`, articles],
    ['1 MB article', [large]],
  ];
  const rows: BenchRow[] = [];
  for (const [label, texts] of inputs) {
    const baseline = measure(texts, countTerminators);
    rows.push(
      row(`splitSentences, ${label}`, measure(texts, (text) => splitSentences(text).length), baseline),
      row(`segmentArticle, ${label}`, measure(texts, (text) => segmentArticle(text).length), baseline),
    );
  }
  return rows;
}

/** The reference: read every character once and count sentence terminators. */
function countTerminators(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f) count++;
  }
  return count;
}

/** Median characters per second of `run` over all `texts`, batched so a timed run lasts long enough to time. */
function measure(texts: readonly string[], run: (text: string) => number): number {
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const repeat = Math.max(1, Math.ceil(2_000_000 / chars));
  let sink = 0;
  const speeds: number[] = [];
  for (let round = 0; round < WARMUP_RUNS + RUNS; round++) {
    const started = performance.now();
    for (let r = 0; r < repeat; r++) for (const text of texts) sink += run(text);
    const seconds = (performance.now() - started) / 1000;
    if (round >= WARMUP_RUNS) speeds.push((chars * repeat) / seconds);
  }
  // Keeps the results observable, so the engine cannot drop the work being timed.
  if (sink < 0) console.log(sink);
  speeds.sort((a, b) => a - b);
  return speeds[Math.floor(speeds.length / 2)] ?? 0;
}

function row(name: string, value: number, baseline: number): BenchRow {
  return {
    name,
    value: round(value / 1e6),
    unit: 'M chars/s',
    baseline: `charCodeAt scan ${round(baseline / 1e6)} M chars/s`,
    ratio: Math.round((value / baseline) * 1000) / 1000,
    target: `>= ${TARGET_CHARS_PER_SECOND / 1e6} M chars/s`,
    pass: value >= TARGET_CHARS_PER_SECOND,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function loadSentences(): string[] {
  const news = existsSync(newsPath)
    ? readFileSync(newsPath, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line.length > 0)
    : [];
  return [...TRICKY_SENTENCES, ...TRICKY_SENTENCES, ...news];
}

/** An article of about `size` characters: a headline, then paragraphs of 1–5 sentences, some tag lines. */
function buildArticle(sentences: readonly string[], size: number, seed: number): string {
  const next = createRandom(seed);
  const pick = (): string => sentences[Math.floor(next() * sentences.length)] ?? '';
  const parts = ['Microsoft’s bid for TikTok rejected', '\n\n'];
  let length = 0;
  while (length < size) {
    const count = 1 + Math.floor(next() * 5);
    const paragraph = Array.from({ length: count }, pick).join(' ');
    parts.push(paragraph, next() < 0.1 ? '\r\n\r\n' : '\n\n');
    length += paragraph.length + 2;
  }
  parts.push('  • United States\n\n  • High-Tech\n');
  return parts.join('');
}

/** A small deterministic generator (LCG), so every run measures the same inputs. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchSegmentation());
}

import { pathToFileURL } from 'node:url';
import {
  applyTextPatch,
  createStoredRevision,
  createTextPatch,
  rebuildText,
  revisionsNeededFor,
  type StoredRevision,
} from '../src/history/index.js';
import type { BenchRow } from './types.js';

/** Revisions in the benchmarked history: the size the spec promises stays fast. */
const HISTORY_LENGTH = 10_000;
/** Timed rebuilds per measurement; the median of many hides GC pauses and timer granularity. */
const SAMPLES = 2_000;
/** How long each throughput loop runs. */
const THROUGHPUT_MS = 500;

const SENTENCE_BEFORE =
  'Le gouvernement a annoncé mardi que le salaire minimum augmenterait de cinq pour cent l’an prochain, invoquant l’inflation.';
const SENTENCE_AFTER =
  'Le gouvernement a annoncé mardi que le salaire minimum augmentera de 5 % l’année prochaine, en invoquant l’inflation.';

// Results are summed into a value that is printed nowhere but read at the end, so the engine
// cannot drop a call whose result looks unused.
let sink = 0;

const VOCABULARY = ['le', 'ministre', 'a', 'déclaré', 'mardi', 'que', 'les', 'prix', 'ont', 'augmenté', 'café', '👍', ',', '.', 'grève', 'Zürich'];

/**
 * Benchmark the history module: rebuilding a random version of a 10,000-revision sentence (the
 * path every history page and revert takes) against applying a single patch, and making a patch
 * for a typical correction against applying it.
 */
export async function benchHistory(): Promise<BenchRow[]> {
  const random = createRandom(42);
  const revisions = createHistory(random);

  const rebuildRandom = medianMs(() => {
    const target = Math.floor(random() * HISTORY_LENGTH);
    const { from, to } = revisionsNeededFor(target);
    return rebuildText(revisions.slice(from, to + 1), target);
  });
  // The worst target sits just before a checkpoint and needs CHECKPOINT_INTERVAL - 1 patches.
  const rebuildWorst = medianMs(() => {
    const { from, to } = revisionsNeededFor(HISTORY_LENGTH - 1);
    return rebuildText(revisions.slice(from, to + 1), HISTORY_LENGTH - 1);
  });
  const patch = createTextPatch(SENTENCE_BEFORE, SENTENCE_AFTER);
  const applyOne = medianMs(() => applyTextPatch(SENTENCE_BEFORE, patch));
  const createPerSecond = opsPerSecond(() => createTextPatch(SENTENCE_BEFORE, SENTENCE_AFTER));
  const applyPerSecond = opsPerSecond(() => applyTextPatch(SENTENCE_BEFORE, patch));
  if (sink < 0) throw new Error('unreachable: keeps the benchmark results alive');

  return [
    {
      name: 'history: rebuild random version (10,000 revisions)',
      value: round(rebuildRandom),
      unit: 'ms (median)',
      baseline: 'history: apply one patch',
      ratio: round(rebuildRandom / applyOne),
      target: '< 5 ms',
      pass: rebuildRandom < 5,
    },
    {
      name: 'history: rebuild worst-placed version (49 patches)',
      value: round(rebuildWorst),
      unit: 'ms (median)',
      baseline: 'history: apply one patch',
      ratio: round(rebuildWorst / applyOne),
      target: '< 5 ms',
      pass: rebuildWorst < 5,
    },
    { name: 'history: apply one patch', value: round(applyOne), unit: 'ms (median)' },
    {
      name: 'history: createTextPatch, typical sentence',
      value: Math.round(createPerSecond),
      unit: 'ops/s',
      baseline: 'history: applyTextPatch, typical sentence',
      ratio: round(createPerSecond / applyPerSecond),
    },
    { name: 'history: applyTextPatch, typical sentence', value: Math.round(applyPerSecond), unit: 'ops/s' },
  ];
}

// Revisions are built exactly as a store would build them, one small correction at a time.
function createHistory(random: () => number): StoredRevision[] {
  const revisions = [createStoredRevision(0, null, SENTENCE_BEFORE)];
  let text = SENTENCE_BEFORE;
  for (let number = 1; number < HISTORY_LENGTH; number++) {
    const words = text.split(' ');
    const at = Math.floor(random() * words.length);
    const word = VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
    if (random() < 0.5 && words.length < 40) words.splice(at, 0, word);
    else if (words.length > 10) words.splice(at, 1);
    else words.splice(at, 1, word);
    const next = words.join(' ');
    revisions.push(createStoredRevision(number, text, next));
    text = next;
  }
  return revisions;
}

function medianMs(run: () => unknown): number {
  for (let warm = 0; warm < SAMPLES / 10; warm++) run();
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample++) {
    const start = performance.now();
    sink += String(run()).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function opsPerSecond(run: () => unknown): number {
  for (let warm = 0; warm < 200; warm++) run();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  // Check the clock every 100 calls so reading it does not dominate the fast operations.
  while (elapsed < THROUGHPUT_MS) {
    for (let batch = 0; batch < 100; batch++) sink += String(run()).length;
    count += 100;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

/** Small seeded PRNG (mulberry32) so every run benchmarks the same history. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchHistory());
}

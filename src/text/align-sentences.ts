/**
 * Sentence alignment of a text and its translation, after Gale and Church (1993), "A Program for
 * Aligning Sentences in Bilingual Corpora".
 *
 * A dynamic programme finds the cheapest monotone path of links (1-1, 1-0, 0-1, 2-1, 1-2, 2-2).
 * A link costs the negative log of its prior plus the negative log of the probability of its length
 * difference under a normal model, plus a penalty for anchors (numbers, names, marks) found on one
 * side of the link and not on the other. Lengths alone drift on long documents; anchors pull the
 * path back to where the translation actually is.
 *
 * Only a band around the diagonal is computed, so time and memory grow linearly with the length of
 * the document. The diagonal follows cumulative character lengths, not sentence counts, because a
 * translation splits and merges sentences but keeps its text roughly proportional. When the best
 * path runs along the edge of the band, the band was in the way: it is doubled and the programme
 * rerun, up to a fixed number of cells.
 */
import { findAnchors, type DocumentAnchors } from './align-anchors.js';

/** One link of an alignment: indices of source sentences and target sentences, in order. 1-1, 1-2, 2-1, 1-0, 0-1 or 2-2. */
export interface AlignmentLink {
  source: number[];
  target: number[];
}

// Variance of the target length per source character, as Gale and Church measured it.
const VARIANCE = 6.8;
// Link shapes as [source count, target count], with the negative log of Gale and Church's priors
// (1-1 .89, 1-0 and 0-1 .0099 together, 2-1 and 1-2 .089 together, 2-2 .011).
const MOVES: readonly (readonly [number, number, number])[] = [
  [1, 1, -Math.log(0.89)],
  [1, 0, -Math.log(0.0099 / 2)],
  [0, 1, -Math.log(0.0099 / 2)],
  [2, 1, -Math.log(0.089 / 2)],
  [1, 2, -Math.log(0.089 / 2)],
  [2, 2, -Math.log(0.011)],
];
// The same moves, unpacked for the inner loop of the programme.
const MOVE_COUNT = MOVES.length;
const MOVE_SOURCE = Int32Array.from(MOVES, (move) => move[0]);
const MOVE_TARGET = Int32Array.from(MOVES, (move) => move[1]);
const MOVE_COST = Float64Array.from(MOVES, (move) => move[2]);
// Half-width of the first band, in target sentences either side of the diagonal.
const INITIAL_HALF_WIDTH = 32;
// A band is not widened beyond this many cells (9 bytes each), which bounds memory at ~36 MB.
const MAX_CELLS = 4_000_000;
// A path this close to the edge of the band is taken to have been pushed there by it.
const EDGE_MARGIN = 2;
// Bounds on the length ratio of target to source, so a near-empty side cannot distort every cost.
const MIN_RATIO = 0.25;
const MAX_RATIO = 4;
// Source characters in 1-1 links needed before their ratio replaces the whole document's.
const MIN_RATIO_TEXT = 200;
// A re-measured ratio this close to the first one would not change the alignment enough to rerun.
const RATIO_TOLERANCE = 0.02;

/** Everything the programme reads: cumulative lengths, the length ratio, the anchors. */
interface Problem {
  sourceEnds: Float64Array;
  targetEnds: Float64Array;
  ratio: number;
  anchors: DocumentAnchors;
  // Anchor counts of the link being costed, cleared after every use.
  scratch: Int32Array;
}

/** The computed cells: row i spans target indices [low[i], high[i]], stored from rowStart[i]. */
interface Band {
  low: Int32Array;
  high: Int32Array;
  rowStart: Int32Array;
  cells: number;
}

/**
 * Align sentences in order (monotone), covering every source and target index exactly once.
 * Works for any pair of languages: lengths and anchors are all it reads.
 */
export function alignSentences(source: readonly string[], target: readonly string[]): AlignmentLink[] {
  if (source.length === 0) return target.map((_, j) => ({ source: [], target: [j] }));
  if (target.length === 0) return source.map((_, i) => ({ source: [i], target: [] }));
  const problem = createProblem(source, target);
  const links = alignInBand(problem);
  // The whole-document ratio counts dropped and added text too; the 1-1 links measure the translation.
  const ratio = measureRatio(problem, links);
  if (ratio === undefined || Math.abs(ratio / problem.ratio - 1) < RATIO_TOLERANCE) return links;
  return alignInBand({ ...problem, ratio });
}

/** The cheapest path, in the narrowest band that does not constrain it (within the cell limit). */
function alignInBand(problem: Problem): AlignmentLink[] {
  const n = problem.sourceEnds.length - 1;
  const m = problem.targetEnds.length - 1;
  let halfWidth = INITIAL_HALF_WIDTH;
  let band = createBand(problem, halfWidth);
  for (;;) {
    const moves = fillBand(problem, band);
    const { links, touchesEdge } = tracePath(band, moves, n, m);
    if (!touchesEdge) return links;
    halfWidth *= 2;
    const wider = createBand(problem, halfWidth);
    if (wider.cells > MAX_CELLS || wider.cells === band.cells) return links;
    band = wider;
  }
}

/** Target length over source length across the 1-1 links, when they hold enough text to say. */
function measureRatio(problem: Problem, links: readonly AlignmentLink[]): number | undefined {
  const { sourceEnds, targetEnds } = problem;
  let sourceLength = 0;
  let targetLength = 0;
  for (const link of links) {
    const [s] = link.source;
    const [t] = link.target;
    if (link.source.length !== 1 || link.target.length !== 1 || s === undefined || t === undefined) continue;
    sourceLength += (sourceEnds[s + 1] ?? 0) - (sourceEnds[s] ?? 0);
    targetLength += (targetEnds[t + 1] ?? 0) - (targetEnds[t] ?? 0);
  }
  if (sourceLength < MIN_RATIO_TEXT || targetLength === 0) return undefined;
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, targetLength / sourceLength));
}

/** Cumulative lengths, the document's length ratio and its anchors. */
function createProblem(source: readonly string[], target: readonly string[]): Problem {
  const sourceEnds = cumulativeLengths(source);
  const targetEnds = cumulativeLengths(target);
  const sourceTotal = sourceEnds[source.length] ?? 0;
  const targetTotal = targetEnds[target.length] ?? 0;
  // The ratio is measured on the document itself, so no language pair is assumed.
  const ratio = sourceTotal === 0 || targetTotal === 0 ? 1 : Math.min(MAX_RATIO, Math.max(MIN_RATIO, targetTotal / sourceTotal));
  const anchors = findAnchors(source, target);
  return { sourceEnds, targetEnds, ratio, anchors, scratch: new Int32Array(anchors.weights.length) };
}

/** The band of half-width `halfWidth` around the path where both sides have covered the same share of text. */
function createBand(problem: Problem, halfWidth: number): Band {
  const { sourceEnds, targetEnds } = problem;
  const n = sourceEnds.length - 1;
  const m = targetEnds.length - 1;
  // One extra character per sentence keeps the diagonal defined when sentences are empty.
  const sourceTotal = (sourceEnds[n] ?? 0) + n;
  const targetTotal = (targetEnds[m] ?? 0) + m;
  const centers = new Int32Array(n + 1);
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const goal = (((sourceEnds[i] ?? 0) + i) / sourceTotal) * targetTotal;
    while (j < m && (targetEnds[j + 1] ?? 0) + j + 1 <= goal) j++;
    centers[i] = i === n ? m : j;
  }
  const low = new Int32Array(n + 1);
  const high = new Int32Array(n + 1);
  const rowStart = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    // Neighbouring rows overlap, so the band is always connected from (0, 0) to (n, m).
    const before = centers[Math.max(0, i - 1)] ?? 0;
    const after = centers[Math.min(n, i + 1)] ?? m;
    low[i] = Math.max(0, before - halfWidth);
    high[i] = Math.min(m, after + halfWidth);
    rowStart[i + 1] = (rowStart[i] ?? 0) + (high[i] ?? 0) - (low[i] ?? 0) + 1;
  }
  return { low, high, rowStart, cells: rowStart[n + 1] ?? 0 };
}

/** Fill the band with the cheapest cost to reach each cell; return the move chosen for each cell. */
function fillBand(problem: Problem, band: Band): Uint8Array {
  const { sourceEnds, targetEnds } = problem;
  const { low, high, rowStart } = band;
  const costs = new Float64Array(band.cells).fill(Infinity);
  const moves = new Uint8Array(band.cells);
  costs[0] = 0;
  for (let i = 0; i < low.length; i++) {
    const rowLow = low[i] ?? 0;
    const rowHigh = high[i] ?? 0;
    for (let j = rowLow; j <= rowHigh; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestMove = 0;
      for (let k = 0; k < MOVE_COUNT; k++) {
        const di = MOVE_SOURCE[k] ?? 1;
        const dj = MOVE_TARGET[k] ?? 1;
        const prior = MOVE_COST[k] ?? 0;
        const pi = i - di;
        const pj = j - dj;
        if (pi < 0 || pj < (low[pi] ?? 0) || pj > (high[pi] ?? -1)) continue;
        const previous = costs[(rowStart[pi] ?? 0) + pj - (low[pi] ?? 0)] ?? Infinity;
        const sourceLength = (sourceEnds[i] ?? 0) - (sourceEnds[pi] ?? 0);
        const targetLength = (targetEnds[j] ?? 0) - (targetEnds[pj] ?? 0);
        // A dropped or added sentence has no partner whose length could be compared: its prior is its cost.
        let cost = previous + prior + (di === 0 || dj === 0 ? 0 : lengthCost(sourceLength, targetLength, problem.ratio));
        // The anchor penalty is never negative, so a link already too dear need not count anchors.
        if (cost >= best) continue;
        cost += anchorCost(problem, pi, i, pj, j);
        if (cost < best) {
          best = cost;
          bestMove = k;
        }
      }
      const cell = (rowStart[i] ?? 0) + j - rowLow;
      costs[cell] = best;
      moves[cell] = bestMove;
    }
  }
  return moves;
}

/** Follow the chosen moves back from (n, m); say whether the path came near an inner edge of the band. */
function tracePath(band: Band, moves: Uint8Array, n: number, m: number): { links: AlignmentLink[]; touchesEdge: boolean } {
  const { low, high, rowStart } = band;
  const links: AlignmentLink[] = [];
  let touchesEdge = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const rowLow = low[i] ?? 0;
    const rowHigh = high[i] ?? m;
    if ((rowLow > 0 && j - rowLow < EDGE_MARGIN) || (rowHigh < m && rowHigh - j < EDGE_MARGIN)) touchesEdge = true;
    const [di, dj] = MOVES[moves[(rowStart[i] ?? 0) + j - rowLow] ?? 0] ?? [1, 1];
    links.push({ source: range(i - di, i), target: range(j - dj, j) });
    i -= di;
    j -= dj;
  }
  return { links: links.reverse(), touchesEdge };
}

/**
 * Negative log probability of lengths this different, Gale and Church's two-sided tail of the
 * normal distribution, with the mean of the two (ratio-scaled) lengths as the expected length.
 */
function lengthCost(sourceLength: number, targetLength: number, ratio: number): number {
  if (sourceLength === 0 && targetLength === 0) return 0;
  const mean = (sourceLength + targetLength / ratio) / 2;
  const delta = Math.abs(targetLength - sourceLength * ratio) / Math.sqrt(VARIANCE * Math.max(mean, 1));
  return negativeLogTail(delta);
}

/** -ln P(|Z| >= z) for a standard normal Z, as -ln erfc(z / √2) (Numerical Recipes' erfcc, exact in the tail). */
function negativeLogTail(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.max(0, x * x - poly - Math.log(t));
}

/** Weighted count of anchors on one side of the link source[s0, s1) x target[t0, t1) and not the other. */
function anchorCost(problem: Problem, s0: number, s1: number, t0: number, t1: number): number {
  const { anchors, scratch } = problem;
  const { source, target, weights } = anchors;
  const sourceFrom = source.offsets[s0] ?? 0;
  const sourceTo = source.offsets[s1] ?? 0;
  const targetFrom = target.offsets[t0] ?? 0;
  const targetTo = target.offsets[t1] ?? 0;
  if (sourceFrom === sourceTo && targetFrom === targetTo) return 0;
  for (let k = sourceFrom; k < sourceTo; k++) {
    const id = source.ids[k] ?? 0;
    scratch[id] = (scratch[id] ?? 0) + 1;
  }
  for (let k = targetFrom; k < targetTo; k++) {
    const id = target.ids[k] ?? 0;
    scratch[id] = (scratch[id] ?? 0) - 1;
  }
  let cost = 0;
  for (let k = sourceFrom; k < sourceTo; k++) cost += takeCount(scratch, weights, source.ids[k] ?? 0);
  for (let k = targetFrom; k < targetTo; k++) cost += takeCount(scratch, weights, target.ids[k] ?? 0);
  return cost;
}

/** The weighted surplus of one anchor, cleared so the next link starts from zero. */
function takeCount(scratch: Int32Array, weights: Float64Array, id: number): number {
  const count = scratch[id] ?? 0;
  if (count === 0) return 0;
  scratch[id] = 0;
  return Math.abs(count) * (weights[id] ?? 0);
}

function cumulativeLengths(sentences: readonly string[]): Float64Array {
  const ends = new Float64Array(sentences.length + 1);
  sentences.forEach((sentence, index) => {
    ends[index + 1] = (ends[index] ?? 0) + sentence.length;
  });
  return ends;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

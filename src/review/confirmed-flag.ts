import { diffWordsBounded, type DiffPart } from '../history/word-diff.js';

/**
 * When an edit confirms a flag: the words under it changed while most of the rest of the sentence
 * stayed. Rewriting a whole sentence changes every flagged word in it, yet says nothing about any
 * one flag ("The complaint of the government against the proposals was rejected" rewritten as
 * "Ministers' grievance over the plans was thrown out" confirms neither a flag on "complaint" nor
 * one on "proposals"), so an edit confirms only what it changed within a sentence it otherwise kept.
 * The post-editing report and the observed precision of checks and entries both count with this.
 */

/** The share of the sentence's other words an edit must keep for it to confirm a flag. */
export const KEPT_SHARE = 0.5;

// A word, for counting what stayed: letters or digits (punctuation and spaces do not count).
const WORD = /[\p{L}\p{N}]+/gu;

/** A flag's span in the text before the edit. */
export interface FlaggedSpan {
  start: number;
  end: number;
}

/**
 * The flags (of `before`) that the edit to `after` confirms: those whose words it changed (a
 * removed word overlaps them, or text was inserted inside them or at either edge, spaces aside,
 * as a missing comma or article is fixed) while it kept at least KEPT_SHARE of the sentence's
 * other words. A flag over the whole sentence has no other words: changing it confirms it.
 */
export function findConfirmedFlags<Flag extends FlaggedSpan>(before: string, after: string, flags: readonly Flag[]): Flag[] {
  if (before === after || flags.length === 0) return [];
  const diff = diffWordsBounded(before, after);
  const touched = findTouchedRanges(diff);
  const words = readKeptWords(before, findKeptRanges(diff));
  return flags.filter((flag) => {
    const changed = touched.some(([from, to]) => (from === to ? insertsAt(before, flag, from) : from < flag.end && to > flag.start));
    return changed && keepsRest(words, flag);
  });
}

/** Whether the edit from `before` to `after` confirms one flag (see findConfirmedFlags). */
export function isFlagConfirmed(before: string, after: string, flag: FlaggedSpan): boolean {
  return findConfirmedFlags(before, after, [flag]).length === 1;
}

// The ranges of `before` a diff changes: [from, to) for removed text, [at, at) for an insertion.
function findTouchedRanges(diff: readonly DiffPart[]): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const part of diff) {
    if (part.kind === 'same') offset += part.text.length;
    else if (part.kind === 'removed') {
      ranges.push([offset, offset + part.text.length]);
      offset += part.text.length;
    } else ranges.push([offset, offset]);
  }
  return ranges;
}

// The ranges of `before` the edit kept.
function findKeptRanges(diff: readonly DiffPart[]): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const part of diff) {
    if (part.kind === 'added') continue;
    if (part.kind === 'same') ranges.push([offset, offset + part.text.length]);
    offset += part.text.length;
  }
  return ranges;
}

/** The words of a text in order, and how many of the first n the edit kept (`keptBefore[n]`). */
interface KeptWords {
  starts: number[];
  ends: number[];
  keptBefore: number[];
}

// The words of `before` and which the edit kept: read once, then each flag is answered by two
// binary searches (a sentence of 80,000 characters carries up to 500 flags).
function readKeptWords(before: string, kept: readonly [number, number][]): KeptWords {
  const words: KeptWords = { starts: [], ends: [], keptBefore: [0] };
  let range = 0;
  for (const match of before.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    while (range < kept.length && kept[range]![1] <= start) range++;
    const around = kept[range];
    words.starts.push(start);
    words.ends.push(end);
    words.keptBefore.push(words.keptBefore.at(-1)! + (around && around[0] <= start && end <= around[1] ? 1 : 0));
  }
  return words;
}

// Whether the edit kept at least KEPT_SHARE of the words outside the flag.
function keepsRest({ starts, ends, keptBefore }: KeptWords, flag: FlaggedSpan): boolean {
  // The words overlapping the flag are [first, last): those ending after its start and starting before its end.
  const first = countBelow(ends, flag.start + 1);
  const last = countBelow(starts, flag.end);
  const others = starts.length - Math.max(0, last - first);
  const stayed = keptBefore[starts.length]! - (last > first ? keptBefore[last]! - keptBefore[first]! : 0);
  return others === 0 || stayed >= KEPT_SHARE * others;
}

// How many of the ascending `values` are below `limit`.
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

// An insertion inside the flagged words or at their edge, spaces between not counting: "The
// application, for its part, filed" fixes the aside flagged on "for its part" with a comma
// inserted before the space.
function insertsAt(text: string, flag: FlaggedSpan, offset: number): boolean {
  let start = flag.start;
  let end = flag.end;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  while (end < text.length && /\s/.test(text[end]!)) end++;
  return start <= offset && offset <= end;
}

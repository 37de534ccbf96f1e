import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flag, Severity } from '../../src/checks/types.js';
import type { AnalyzedSegment } from '../../src/services/analyzed-segments.js';
import { toFlagViews, toTextPieces, type TextPiece } from '../../src/web/flag-views.js';
import { createSegmentMarkupCache, renderSegmentMarkup } from '../../src/web/segment-markup.js';

const RANK: Record<Severity, number> = { minor: 1, major: 2, critical: 3 };

/** The definition, one piece at a time: every flag checked for every piece. */
function cutNaively(text: string, flags: readonly Flag[]): TextPiece[] {
  const points = [...new Set([0, text.length, ...flags.flatMap((flag) => [flag.start, flag.end])])]
    .filter((point) => point >= 0 && point <= text.length).sort((a, b) => a - b);
  return points.slice(0, -1).map((start, i) => {
    const end = points[i + 1]!;
    const covering = flags.flatMap((flag, index) => (flag.start <= start && flag.end >= end ? [index] : []));
    const worst = covering.map((index) => flags[index]!.severity).sort((a, b) => RANK[b] - RANK[a])[0] ?? null;
    return { text: text.slice(start, end), flags: covering, severity: worst };
  });
}

function flagAt(start: number, end: number, severity: Severity = 'minor'): Flag {
  return { checkId: 'spelling', entryId: null, category: 'spelling', severity, start, end, message: `"${start}" is not a word.`, suggestions: ['word'], hint: false };
}

/** A sentence of `words` four-letter words, each one flagged. */
function flaggedSentence(words: number): { text: string; flags: Flag[] } {
  return { text: 'wrod '.repeat(words).trimEnd(), flags: Array.from({ length: words }, (_, index) => flagAt(index * 5, index * 5 + 4)) };
}

/** The best of `rounds` timings of `run` repeated `times` times, per run, in ms: the machine is shared, the best is the least disturbed. */
function timeOf(run: () => unknown, times: number, rounds = 5): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < times; i++) run();
    best = Math.min(best, (performance.now() - started) / times);
  }
  return best;
}

describe('toTextPieces', () => {
  it('cuts as checking every flag for every piece would, overlaps, empty and out-of-range spans included', () => {
    const severity = fc.constantFrom<Severity>('minor', 'major', 'critical');
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.array(fc.tuple(fc.integer({ min: -3, max: 33 }), fc.integer({ min: 0, max: 8 }), severity), { maxLength: 12 }),
      (text, spans) => {
        const flags = spans.map(([start, length, level]) => flagAt(start, start + length, level));
        expect(toTextPieces(text, flags)).toEqual(cutNaively(text, flags));
      }), { numRuns: 500 });
    expect(toTextPieces('the tenant', [flagAt(0, 10, 'minor'), flagAt(4, 10, 'major')])).toEqual([
      { text: 'the ', flags: [0], severity: 'minor' }, { text: 'tenant', flags: [0, 1], severity: 'major' },
    ]);
  });

  it('takes time in proportion to the flags of a sentence, not their square', () => {
    const small = flaggedSentence(2_000);
    const large = flaggedSentence(20_000);
    toTextPieces(large.text, large.flags);
    const ratio = timeOf(() => toTextPieces(large.text, large.flags), 1) / timeOf(() => toTextPieces(small.text, small.flags), 10);
    // Ten times the flags: ~10 when linear (a little more for the sort), ~100 when quadratic.
    expect(ratio).toBeLessThan(40);
  }, 60_000);
});

describe('a sentence with thousands of flags', () => {
  it('renders in time proportional to its flags', () => {
    const sentence = (words: number): AnalyzedSegment => {
      const { text, flags } = flaggedSentence(words);
      return {
        id: 1, documentId: 1, position: 0, paragraph: 0, start: 0, end: text.length, role: 'body', original: text, text, status: 'to-review',
        revision: 0, updatedAt: '2026-12-01T00:00:00.000Z', source: '', risk: words, openFlags: words, flags, dismissedFlags: [],
      };
    };
    const context = { canEdit: true, sourceLanguage: '' };
    // A fresh cache each time: the markup is rendered, never reused.
    const render = (segment: AnalyzedSegment) => renderSegmentMarkup(createSegmentMarkupCache(), segment, context);
    const small = sentence(2_000);
    const large = sentence(20_000);
    expect(render(large).toString('utf8').match(/<mark /g)).toHaveLength(20_000);
    // ~10 when linear; the quadratic cut of the pieces made it ~80.
    const ratio = timeOf(() => render(large), 1, 3) / timeOf(() => render(small), 4, 3);
    expect(ratio).toBeLessThan(40);
  }, 60_000);
});

describe('toFlagViews', () => {
  it('labels each suggestion\'s button, an empty suggestion as removing the flagged words', () => {
    // "Microsoft, the The Redmond group": the repeated-word check offers to remove " The".
    const text = 'Microsoft, the The Redmond group had indicated its interest.';
    const repeated: Flag = { ...flagAt(14, 18), checkId: 'repeated-word', suggestions: [''] };
    const spelling = { ...flagAt(19, 26), suggestions: ['Redmont', 'Richmond'] };
    expect(toFlagViews({ id: 1, text }, [repeated, spelling]).map((flag) => flag.applyLabels)).toEqual([
      ['Remove “The”'],
      ['Use “Redmont”', 'Use “Richmond”'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { alignWords, evaluateLig, loadLig, windowChance } from './lig-eval.js';
import { evaluateSeed, loadSeed } from './seed-eval.js';
import { LIG_DIR } from './data-dir.js';

// The shared data sits beside the repository clone, in ../shared.

describe('seed article targets', () => {
  const { annotation, segments } = loadSeed();
  const report = evaluateSeed(annotation, segments);

  it('flags every major sentence', () => {
    expect(report.majorRecall.flagged).toBe(report.majorRecall.total);
  });
  it('hits at least 80% of the annotated problem spans', () => {
    expect(report.spans.hit / report.spans.total).toBeGreaterThanOrEqual(0.8);
  });
  it('has sentence-level precision of at least 0.8', () => {
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.8);
  });
  it('gives every page-noise segment its role', () => {
    expect(report.roles.noiseCorrect).toBe(report.roles.noiseTotal);
  });
  it('never flags a correctly spelled proper name', () => {
    expect(report.properNameFlags).toEqual([]);
  });
});

describe('lig-fr-en-dev', () => {
  it.each([false, true])('keeps flag precision at 0.6 or more and twice chance (with the source: %s)', (withSource) => {
    const report = evaluateLig(loadLig(LIG_DIR), { withSource });
    expect(report.precision).toBeGreaterThanOrEqual(0.6);
    expect(report.precision).toBeGreaterThanOrEqual(2 * report.chance);
    expect(report.narrowCoverage).toBeLessThanOrEqual(report.coverage);
    expect(report.narrowCoverage).toBeGreaterThan(0.03);
  }, 20_000);
});

describe('evaluation helpers', () => {
  it('aligns words ignoring case', () => {
    expect(alignWords(['the', 'public', 'will', 'look'], ['The', 'public', 'will', 'turn'])).toEqual([0, 1, 2, -1]);
  });
  it('computes the chance of a k-word window', () => {
    expect(windowChance([false, true, false, false], 1)).toBe(0.25);
    expect(windowChance([false, true, false, false], 2)).toBeCloseTo(2 / 3);
  });
});

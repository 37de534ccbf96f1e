import { describe, expect, it } from 'vitest';
import {
  SOURCE_CHECK_IDS,
  SYSTEMS,
  evaluateBilingual,
  flagKey,
  loadBilingualPairs,
  loadJudgments,
  sampleFlags,
  scoreJudgments
} from './bilingual-eval.js';
import { LIG_DIR, REPO_ROOT } from './data-dir.js';

// The repository root, and the shared data beside the repository clone, in ../shared.

describe('bilingual eval on lig-fr-en-dev', () => {
  const systems = Object.keys(SYSTEMS) as Array<keyof typeof SYSTEMS>;
  const reports = systems.map((system) => evaluateBilingual(loadBilingualPairs(LIG_DIR, system), system, 1));
  const judged = loadJudgments(REPO_ROOT);

  it('runs every check on the 2,000 Google pairs', () => {
    const google = reports[0];
    expect(google?.pairs).toBe(2000);
    expect(Object.keys(google?.perCheck ?? {}).filter((id) => SOURCE_CHECK_IDS.includes(id)).sort()).toEqual([...SOURCE_CHECK_IDS].sort());
    expect(google?.flags.length).toBeGreaterThan(0);
  });

  it('has at least 100 judged flags, each with a verdict and a reason', () => {
    expect(judged.length).toBeGreaterThanOrEqual(100);
    for (const flag of judged) {
      expect(['right', 'wrong']).toContain(flag.verdict);
      expect(flag.reason.length).toBeGreaterThan(5);
      expect(flag.target).toContain(flag.flaggedText);
    }
  });

  it('judges every check that raised flags', () => {
    const raised = new Set(reports.flatMap((report) => report.flags.map((flag) => flag.checkId)));
    const scored = scoreJudgments(judged);
    expect([...raised].filter((id) => !scored[id])).toEqual([]);
  });

  it('has a verdict for every flag of the current sample', () => {
    const keys = new Set(judged.map(flagKey));
    const sample = sampleFlags(reports.flatMap((report) => report.flags));
    expect(sample.filter((flag) => !keys.has(flagKey(flag))).map(flagKey)).toEqual([]);
  });
}, 60_000);

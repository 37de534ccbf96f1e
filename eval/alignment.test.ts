import { describe, expect, it } from 'vitest';
import { evaluateAlignment } from './alignment.js';

// The requirement, on the translations an editor is most likely to receive or produce.
const MIN_ACCURACY = 0.95;
const REQUIRED_FILES = ['output_Google_Translator.en', 'tgt-pe-all.en'];

describe('sentence alignment on the LIG French-English corpus', () => {
  it(`links at least ${MIN_ACCURACY * 100}% of target sentences to their source (Google, post-edits)`, () => {
    const scores = evaluateAlignment('one-paragraph');
    console.log(scores.map((score) => `${score.file}: ${(score.accuracy * 100).toFixed(2)}% of ${score.total}`).join('\n'));
    const required = scores.filter((score) => REQUIRED_FILES.includes(score.file));
    expect(required.map((score) => score.file).sort()).toEqual([...REQUIRED_FILES].sort());
    for (const score of required) expect(score.accuracy, score.file).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });
});

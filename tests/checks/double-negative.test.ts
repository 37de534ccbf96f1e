import { describe, expect, it } from 'vitest';
import { doubleNegative } from '../../src/checks/double-negative.js';
import { createCheckContext, runCheck } from '../../src/checks/run.js';

describe('double-negative suggestions', () => {
  it('drops "not" with its space, and unfuses a fused negation', () => {
    const sentence = 'No generation should not be obliged to pay.';
    const [flag] = runCheck(doubleNegative, createCheckContext([{ text: sentence, paragraph: 0 }], 'en'), 0);
    expect(flag && sentence.slice(0, flag.start) + flag.suggestions[0] + sentence.slice(flag.end)).toBe('No generation should be obliged to pay.');
    const fused = "Nobody can't see it.";
    const [second] = runCheck(doubleNegative, createCheckContext([{ text: fused, paragraph: 0 }], 'en'), 0);
    expect(second && fused.slice(0, second.start) + second.suggestions[0] + fused.slice(second.end)).toBe('Nobody can see it.');
  });
});

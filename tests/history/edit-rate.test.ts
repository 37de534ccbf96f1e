import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEditRate, countWordEdits, splitWords } from '../../src/history/edit-rate.js';

describe('computeEditRate', () => {
  // Each case counted by hand: edits are word insertions, deletions and substitutions.
  const cases: [string, string, string, { edits: number; words: number; rate: number }][] = [
    ['identical', 'The cat sleeps.', 'The cat sleeps.', { edits: 0, words: 3, rate: 0 }],
    ['whitespace only', 'The  cat\nsleeps.', 'The cat sleeps.', { edits: 0, words: 3, rate: 0 }],
    ['one substitution in six words', 'the tenant of the White House', 'the occupant of the White House', { edits: 1, words: 6, rate: 1 / 6 }],
    ['one insertion', 'He said it.', 'He said it yesterday.', { edits: 2, words: 4, rate: 2 / 4 }],
    ['one deletion', 'He has said it.', 'He said it.', { edits: 1, words: 3, rate: 1 / 3 }],
    ['punctuation attached to a word', 'Trump , who', 'Trump, who', { edits: 2, words: 2, rate: 1 }],
    ['case is an edit', 'donald trump', 'Donald Trump', { edits: 2, words: 2, rate: 1 }],
    // Without shifts a swap costs two substitutions (TER would count one shift).
    ['swap of two words', 'a b c d', 'a c b d', { edits: 2, words: 4, rate: 0.5 }],
    ['final longer than MT', 'Decrees against complaint', 'Executive orders challenged in court', { edits: 5, words: 5, rate: 1 }],
    ['MT longer than final: rate above 1', 'one two three four five six', 'seven', { edits: 6, words: 1, rate: 6 }],
    ['emptied sentence', 'Photo credit here', '', { edits: 3, words: 0, rate: 1 }],
    ['both empty', '', '   ', { edits: 0, words: 0, rate: 0 }],
    ['filled an empty MT', '', 'New words', { edits: 2, words: 2, rate: 1 }],
  ];

  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(computeEditRate(before, after)).toEqual(expected);
  });

  it('is a distance: zero on equal word lists, symmetric, bounded by the longer list', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'the', 'The'), { maxLength: 12 });
    fc.assert(fc.property(words, words, (left, right) => {
      const distance = countWordEdits(left, right);
      expect(distance).toBe(countWordEdits(right, left));
      expect(distance === 0).toBe(left.join(' ') === right.join(' '));
      expect(distance).toBeLessThanOrEqual(Math.max(left.length, right.length));
      expect(distance).toBeGreaterThanOrEqual(Math.abs(left.length - right.length));
    }));
  });

  it('splits words on any whitespace', () => {
    expect(splitWords('  a\tb\u00a0c\n')).toEqual(['a', 'b', 'c']);
  });
});

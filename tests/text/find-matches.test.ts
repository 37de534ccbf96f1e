import { describe, expect, it } from 'vitest';
import { findMatches } from '../../src/text/find-matches.js';

describe('findMatches', () => {
  it('finds what matchAll finds, with groups and offsets, and leaves the expression ready for the next text', () => {
    const pattern = /(\d+),(\d{1,2})(?![\d,])/g;
    for (const text of ['Sales rose 4,5 % and 12,25 %.', 'nothing here', '1,2 3,4']) {
      const expected = [...text.matchAll(pattern)].map((match) => [match.index, ...match]);
      expect(findMatches(text, pattern).map((match) => [match.index, ...match])).toEqual(expected);
      expect(pattern.lastIndex).toBe(0);
    }
  });
});

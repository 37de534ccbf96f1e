import { describe, expect, it } from 'vitest';
import { extractReplacement } from '../../src/services/propagate-correction.js';
import { readReplaceRule, replaceAll } from '../../src/services/search-replace.js';

describe('replaceAll', () => {
  it.each([
    ['whole words leave longer words alone', 'the file and the profile', { find: 'file', replace: 'matter', wholeWord: true }, 'the matter and the profile', 1],
    ['whole words know accented letters', 'café and caf', { find: 'caf', replace: 'X', wholeWord: true }, 'café and X', 1],
    ['case-insensitive by default', 'TikTok tiktok', { find: 'tiktok', replace: 'TikTok' }, 'TikTok TikTok', 2],
    ['case-sensitive on request', 'TikTok tiktok', { find: 'tiktok', replace: 'TikTok', caseSensitive: true }, 'TikTok TikTok', 1],
    ['regular-expression characters are literal', 'costs $1.2bn (est.)', { find: '$1.2bn (est.)', replace: '$1.2 billion' }, 'costs $1.2 billion', 1],
    ['"$&" in the replacement is text, not a pattern', 'a b', { find: 'a', replace: '$&$&' }, '$&$& b', 1],
  ])('%s', (_name, text, input, expected, count) => {
    expect(replaceAll(text, readReplaceRule(input))).toEqual({ text: expected, count });
  });

  it('refuses an empty search', () => {
    expect(() => readReplaceRule({ find: '', replace: 'x' })).toThrow(/empty/);
  });
});

describe('extractReplacement', () => {
  it.each([
    ['one word replaced', 'the tenant of the house', 'the occupant of the house', { find: 'tenant', replace: 'occupant' }],
    ['a phrase replaced', 'the American activities of TikTok', 'the US operations of TikTok', { find: 'American activities', replace: 'US operations' }],
    ['a phrase deleted takes one space with it', 'The app for its part filed', 'The app filed', { find: 'for its part ', replace: '' }],
  ])('%s', (_name, before, after, expected) => {
    expect(extractReplacement(before, after)).toEqual({ ...expected, caseSensitive: true, wholeWord: true });
  });

  it.each([
    ['two separate changes', 'the tenant has invested', 'the occupant has engaged'],
    ['a pure insertion', 'the house', 'the white house'],
    ['too short a phrase', 'a dog', 'the dog'],
    ['no change', 'same', 'same'],
  ])('offers nothing for %s', (_name, before, after) => {
    expect(extractReplacement(before, after)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { changesMostWords, diffForDisplay, diffSideBySide } from '../../src/history/display-diff.js';

describe('diffForDisplay', () => {
  it.each([
    { name: 'identical', before: 'Same text.', after: 'Same text.', parts: [{ text: 'Same text.', kind: 'same' }] },
    { name: 'both empty', before: '', after: '', parts: [] },
    { name: 'all new', before: '', after: 'New.', parts: [{ text: 'New.', kind: 'added' }] },
    { name: 'all gone', before: 'Old.', after: '', parts: [{ text: 'Old.', kind: 'removed' }] },
    {
      name: 'insertion and replacement',
      before: 'The minister said prices rose.',
      after: 'The minister said on Tuesday that prices fell.',
      parts: [
        { text: 'The minister said ', kind: 'same' },
        { text: 'on Tuesday that ', kind: 'added' },
        { text: 'prices ', kind: 'same' },
        { text: 'rose', kind: 'removed' },
        { text: 'fell', kind: 'added' },
        { text: '.', kind: 'same' },
      ],
    },
  ])('$name', ({ before, after, parts }) => {
    expect(diffForDisplay(before, after)).toEqual(parts);
  });

  it('puts removed before added in every change, even when the change starts the text', () => {
    expect(diffForDisplay('Hello world', 'Goodbye world')).toEqual([
      { text: 'Hello', kind: 'removed' },
      { text: 'Goodbye', kind: 'added' },
      { text: ' world', kind: 'same' },
    ]);
  });
});

describe('diffSideBySide', () => {
  it('marks removed words on the before line and added words on the after line', () => {
    expect(diffSideBySide('The minister said prices rose.', 'The minister said on Tuesday that prices fell.')).toEqual({
      before: [
        { text: 'The minister said prices ', kind: 'same' },
        { text: 'rose', kind: 'removed' },
        { text: '.', kind: 'same' },
      ],
      after: [
        { text: 'The minister said ', kind: 'same' },
        { text: 'on Tuesday that ', kind: 'added' },
        { text: 'prices ', kind: 'same' },
        { text: 'fell', kind: 'added' },
        { text: '.', kind: 'same' },
      ],
    });
  });

  it('joins each line back into its own text', () => {
    const before = 'Le ministre a déclaré 👍 mardi.';
    const after = 'Le ministre a dit mercredi 👍.';
    const { before: left, after: right } = diffSideBySide(before, after);
    expect(left.map((part) => part.text).join('')).toBe(before);
    expect(right.map((part) => part.text).join('')).toBe(after);
  });
});

describe('changesMostWords', () => {
  it.each([
    { name: 'unchanged', before: 'Oracle and TikTok did not confirm.', after: 'Oracle and TikTok did not confirm.', most: false },
    { name: 'one word of six', before: 'Oracle and TikTok did not confirm.', after: 'Oracle and TikTok did not reply.', most: false },
    { name: 'exactly half kept', before: 'one two three four', after: 'one two five six', most: false },
    { name: 'fewer than half kept', before: 'one two three four', after: 'one seven five six', most: true },
    { name: 'a short sentence grown long', before: 'Oracle declined.', after: 'Oracle and TikTok did not immediately confirm the deal.', most: true },
    { name: 'a long sentence cut short', before: 'Oracle and TikTok did not immediately confirm the deal.', after: 'Oracle declined.', most: true },
    { name: 'rewritten from scratch', before: 'The tenant of the White House.', after: 'President Trump.', most: true },
    { name: 'punctuation is no word', before: '"Decrees", against complaint', after: '«Decrees» against complaint!', most: false },
    { name: 'both empty', before: '', after: '', most: false },
  ])('$name', ({ before, after, most }) => {
    expect(changesMostWords(diffForDisplay(before, after))).toBe(most);
  });
});

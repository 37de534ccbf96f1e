import { describe, expect, it } from 'vitest';
import {
  applyTextPatch,
  createTextPatch,
  parseTextPatch,
  PatchFormatError,
  PatchMismatchError,
  reverseTextPatch,
  serializeTextPatch,
  type TextPatch,
} from '../../src/history/text-patch.js';

const cases: { name: string; before: string; after: string; patch: TextPatch }[] = [
  { name: 'identical texts', before: 'Le chat dort.', after: 'Le chat dort.', patch: [] },
  { name: 'both empty', before: '', after: '', patch: [] },
  { name: 'word replaced', before: 'the cat sat', after: 'the dog sat', patch: [['=', 4], ['-', 'cat'], ['+', 'dog'], ['=', 4]] },
  { name: 'insert at start', before: 'minister said', after: 'The minister said', patch: [['+', 'The '], ['=', 13]] },
  { name: 'insert at end', before: 'The minister said', after: 'The minister said on Tuesday.', patch: [['=', 17], ['+', ' on Tuesday.']] },
  { name: 'delete all', before: 'Delete me entirely', after: '', patch: [['-', 'Delete me entirely']] },
  { name: 'from empty', before: '', after: 'A new sentence.', patch: [['+', 'A new sentence.']] },
  { name: 'punctuation is its own token', before: 'Hello, world', after: 'Hello; world', patch: [['=', 5], ['-', ','], ['+', ';'], ['=', 6]] },
  { name: 'accented word', before: 'le café est froid', after: 'le thé est froid', patch: [['=', 3], ['-', 'café'], ['+', 'thé'], ['=', 10]] },
  // "é" as e + U+0301: the combining mark is a separate token from its base letter for diff, but
  // the patch must still reproduce the exact code units.
  { name: 'combining marks', before: 'cafe\u0301 noir', after: 'cafe\u0301 au lait', patch: [['=', 6], ['-', 'noir'], ['+', 'au lait']] },
  { name: 'emoji (surrogate pairs)', before: 'bravo 👍 team', after: 'bravo 🎉 team', patch: [['=', 6], ['-', '👍'], ['+', '🎉'], ['=', 5]] },
  { name: 'ZWJ emoji sequence edited inside', before: 'family 👩‍👩‍👧', after: 'family 👩‍👩‍👦', patch: [['=', 13], ['-', '👧'], ['+', '👦']] },
  { name: 'newlines', before: 'line one\nline two', after: 'line one\r\nline 2\n', patch: [['=', 8], ['-', '\n'], ['+', '\r\n'], ['=', 5], ['-', 'two'], ['+', '2\n']] },
  // diffWordsWithSpace only counts Latin letters as word characters, so other scripts are diffed
  // letter by letter: still exact, but the display marks part of a word.
  { name: 'CJK, one token per character', before: '东京 今天 下雨', after: '东京 明天 下雨', patch: [['=', 3], ['-', '今'], ['+', '明'], ['=', 4]] },
  { name: 'Cyrillic, one token per letter', before: 'Москва сегодня дождь', after: 'Москва сейчас дождь', patch: [['=', 9], ['-', 'годня'], ['+', 'йчас'], ['=', 6]] },
  { name: 'whitespace only change', before: 'two  spaces', after: 'two spaces', patch: [['=', 3], ['-', '  '], ['+', ' '], ['=', 6]] },
];

describe('createTextPatch / applyTextPatch', () => {
  it.each(cases)('$name', ({ before, after, patch }) => {
    const made = createTextPatch(before, after);
    expect(made).toEqual(patch);
    expect(applyTextPatch(before, made)).toBe(after);
    expect(applyTextPatch(after, reverseTextPatch(made))).toBe(before);
    expect(parseTextPatch(serializeTextPatch(made))).toEqual(made);
  });

  it('reverses into the patch createTextPatch would make the other way', () => {
    for (const { before, after } of cases) {
      expect(reverseTextPatch(createTextPatch(before, after))).toEqual(createTextPatch(after, before));
    }
  });

  it('falls back to one replacement for huge unrelated texts, and the patch still applies', () => {
    const words = (seed: number): string =>
      Array.from({ length: 5000 }, (_, index) => `w${(index * 7919 + seed) % 100003}`).join(' ');
    const before = words(1);
    const after = words(2);
    const patch = createTextPatch(before, after);
    expect(patch).toEqual([['-', before], ['+', after]]);
    expect(applyTextPatch(before, patch)).toBe(after);
  });

  it('keeps a word-level patch for a small edit in a huge text', () => {
    const before = 'word '.repeat(50_000);
    const after = `${before.slice(0, 100_000)}edited ${before.slice(100_000)}`;
    expect(createTextPatch(before, after)).toEqual([['=', 100_000], ['+', 'edited '], ['=', 150_000]]);
  });
});

describe('applyTextPatch on the wrong base', () => {
  const patch = createTextPatch('the cat sat', 'the dog sat');
  it.each([
    { name: 'deleted text differs', base: 'the cow sat' },
    { name: 'kept length overruns', base: 'the cat' },
    { name: 'base is longer', base: 'the cat sat down' },
    { name: 'base is empty', base: '' },
  ])('$name', ({ base }) => {
    expect(() => applyTextPatch(base, patch)).toThrow(PatchMismatchError);
  });

  it('reports where the mismatch is', () => {
    expect(() => applyTextPatch('the cow sat', patch)).toThrow(
      expect.objectContaining({ name: 'PatchMismatchError', offset: 4 }),
    );
  });

  it('treats the empty patch as the identity on any text', () => {
    expect(applyTextPatch('anything', [])).toBe('anything');
  });
});

describe('parseTextPatch', () => {
  it.each([
    '{}',
    '[["x",1]]',
    '[["=",-1]]',
    '[["=",0]]',
    '[["=",1.5]]',
    '[["=","3"]]',
    '[["-",""]]',
    '[["+",5]]',
    '[["=",1,2]]',
    '[null]',
    '"[]"',
    'null',
    'not json',
    '',
  ])('rejects %j', (json) => {
    expect(() => parseTextPatch(json)).toThrow(PatchFormatError);
  });

  it('accepts the empty patch', () => {
    expect(parseTextPatch('[]')).toEqual([]);
  });
});

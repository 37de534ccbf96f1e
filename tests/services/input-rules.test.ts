import { describe, expect, it } from 'vitest';
import {
  decodeUtf8, findForbiddenCharacter, findTextProblem, fitOneLine, normalizeLineEnds, readTextField, TEXT_RULES,
} from '../../src/services/input-rules.js';

describe('the characters no text may hold', () => {
  const cases: [string, string, string | null][] = [
    ['plain text', 'Le président a signé.', null],
    ['tab and line feed', 'a\tb\nc', null],
    ['carriage return (normalised, not refused)', 'a\r\nb', null],
    ['emoji, combining marks, bidi marks, zero-width joiners', '👩‍👩‍👧 e\u0301 \u200f\u200d', null],
    ['U+FFFD, C1 controls', 'a\ufffd\u0085b', null],
    ['NUL', 'ab\u0000', 'holds a NUL character (U+0000) at character 3'],
    ['escape', '\u001b[31m', 'holds the control character U+001B at character 1'],
    ['form feed', 'page\fbreak', 'holds the control character U+000C at character 5'],
    ['DEL', 'a\u007f', 'holds the control character U+007F at character 2'],
    ['U+FFFE', 'a\ufffe', 'holds the non-character U+FFFE at character 2'],
    ['U+FDD0', '\ufdd0', 'holds the non-character U+FDD0 at character 1'],
    ['U+10FFFF', 'x\u{10ffff}', 'holds the non-character U+10FFFF at character 2'],
    ['U+1FFFE', '\u{1fffe}', 'holds the non-character U+1FFFE at character 1'],
    ['a lone high surrogate', 'a\ud83d b', 'holds a broken character (an unpaired UTF-16 surrogate, U+D83D) at character 2'],
    ['a lone low surrogate', '\udc00', 'holds a broken character (an unpaired UTF-16 surrogate, U+DC00) at character 1'],
  ];
  for (const [name, text, problem] of cases) {
    it(name, () => expect(findForbiddenCharacter(text)).toBe(problem));
  }
});

describe('the rule of each kind of field', () => {
  const cases: [string, keyof typeof TEXT_RULES, string, string | null][] = [
    ['a title', 'title', 'Décrets signés', null],
    ['a title with a line break', 'title', 'One\nTwo', 'the title holds a line break; it must be one line'],
    ['a title over 300 characters', 'title', 'x'.repeat(301), 'the title is 301 characters long; the limit is 300 characters'],
    ['a title of zero-width spaces', 'title', '\u200b\u200b', 'the title holds only invisible characters (such as zero-width spaces)'],
    ['an empty title (made from the text instead)', 'title', '  ', null],
    ['a sentence with a line break', 'sentence', 'One\nline', null],
    ['a sentence over 100,000 characters', 'sentence', 'a'.repeat(100_001), 'the sentence is 100,001 characters long; the limit is 100,000 characters'],
    ['a sentence of zero-width spaces and joiners', 'sentence', ' \u200b\u2060\ufeff\u200d ', 'the sentence holds only invisible characters (such as zero-width spaces)'],
    ['a sentence with a zero-width space inside', 'sentence', 'co\u200bop', null],
    ['a comment with a control character', 'comment', 'ok\u0007', 'the comment holds the control character U+0007 at character 3, which cannot be stored'],
    ['an article over 2 MB', 'article', 'é'.repeat(1024 * 1024 + 1), 'the article is 2.0 MB long; the limit is 2.0 MB'],
    ['a token label with a line break', 'tokenLabel', 'a\rb', 'the label holds a line break; it must be one line'],
    ['a search over 500 characters', 'find', 'x'.repeat(501), 'the text to find is 501 characters long; the limit is 500 characters'],
  ];
  for (const [name, rule, text, problem] of cases) {
    it(name, () => expect(findTextProblem(text, TEXT_RULES[rule])?.message ?? null).toBe(problem));
  }

  it('reads a field with LF line ends, and refuses one that breaks its rule with a 400 naming it', () => {
    expect(readTextField('a\r\nb\rc', 'comment', TEXT_RULES.comment)).toBe('a\nb\nc');
    expect(readTextField(undefined, 'comment', TEXT_RULES.comment)).toBeUndefined();
    expect(() => readTextField(42, 'comment', TEXT_RULES.comment)).toThrow('"comment" must be a string.');
    expect(() => readTextField('A\nB', 'title', TEXT_RULES.title)).toThrow(expect.objectContaining({
      code: 'invalid-input', message: '"title": The title holds a line break; it must be one line.',
    }));
    expect(() => readTextField('é'.repeat(1024 * 1024 + 1), 'text', TEXT_RULES.article)).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});

describe('bytes and line ends', () => {
  it('decodes UTF-8 and finds the first byte that is not', () => {
    expect(decodeUtf8(Buffer.from('\ufeffcafé', 'utf8'))).toEqual({ ok: true, text: '\ufeffcafé' });
    expect(decodeUtf8(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x21]))).toEqual({ ok: false, offset: 3 });
    expect(decodeUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toEqual({ ok: false, offset: 1 });
  });

  it('drops a byte-order mark and makes every line end LF', () => {
    expect(normalizeLineEnds('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('makes a title of other text: one line, nothing forbidden, cut with an ellipsis', () => {
    expect(fitOneLine(' Le\u0000 président\n a  signé ', 300)).toBe('Le président a signé');
    expect(fitOneLine('abcdef', 4)).toBe('abc…');
  });
});

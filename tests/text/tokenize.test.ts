import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countLetters, foldAccents, foldForSearch, includesWord, tokenize } from '../../src/text/tokenize.js';

// The expression the tokeniser's scanner implements (see its header): the tokens must be the same.
const SPECIFICATION =
  /(\p{N}{1,3}(?:[ \u00a0\u202f]\p{N}{3})+(?!\p{N})|\p{N}+(?:[.,:]\p{N}+)*(?:(?:st|nd|rd|th|er|re|e|ème|eme)(?![\p{L}\p{N}]))?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

function tokenizeBySpecification(text: string): Array<{ text: string; start: number; kind: string }> {
  const tokens: Array<{ text: string; start: number; kind: string }> = [];
  for (const match of text.matchAll(SPECIFICATION)) {
    const kind = match[1] !== undefined ? 'number' : match[2] !== undefined ? 'word' : 'punct';
    const value = match[0];
    if (kind === 'word' && value.length > 2 && /['’]s$/i.test(value)) {
      tokens.push({ text: value.slice(0, -2), start: match.index, kind }, { text: value.slice(-2), start: match.index + value.length - 2, kind });
    } else {
      tokens.push({ text: value, start: match.index, kind });
    }
  }
  return tokens;
}

const scanned = (text: string) => tokenize(text).map(({ text: value, start, kind }) => ({ text: value, start, kind }));

// Characters and pieces that exercise every branch: ordinal endings, groups of thousands, digits of
// other scripts, marks, separators, surrogate pairs.
const ALPHABET = ['eme', 'ème', 'st', 'nd', 're', ' 000', '\u00a0000', '000', '1', '2', '0', '٣', '½', '𝟏', 'a', 'e', 's', 't', 'h', 'r', 'd', 'è', 'm', 'É', 'e\u0301', '\u0301', 'ß', '𝒜', '😀', ' ', '\u00a0', '\u202f', '\t', '.', ',', ':', '-', "'", '’', '«', '»', '%', '\ud800'];

describe('tokenize', () => {
  it('splits numbers, words and other characters', () => {
    expect(scanned("Sales rose 4,5 % to 20 000 euros on the 3rd, d'Orsay's ex-chief said.")).toEqual([
      { text: 'Sales', start: 0, kind: 'word' },
      { text: 'rose', start: 6, kind: 'word' },
      { text: '4,5', start: 11, kind: 'number' },
      { text: '%', start: 15, kind: 'punct' },
      { text: 'to', start: 17, kind: 'word' },
      { text: '20 000', start: 20, kind: 'number' },
      { text: 'euros', start: 27, kind: 'word' },
      { text: 'on', start: 33, kind: 'word' },
      { text: 'the', start: 36, kind: 'word' },
      { text: '3rd', start: 40, kind: 'number' },
      { text: ',', start: 43, kind: 'punct' },
      { text: "d'Orsay", start: 45, kind: 'word' },
      { text: "'s", start: 52, kind: 'word' },
      { text: 'ex-chief', start: 55, kind: 'word' },
      { text: 'said', start: 64, kind: 'word' },
      { text: '.', start: 68, kind: 'punct' },
    ]);
  });

  it('gives a group of thousands back when a digit follows it, as the expression does', () => {
    expect(scanned('1 000 0000 and 12 3456 and 1234 567').map((token) => token.text)).toEqual(['1 000', '0000', 'and', '12', '3456', 'and', '1234', '567']);
  });

  it('cuts what the expression cuts, on random strings of tricky characters', () => {
    let state = 7;
    const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 14) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
      expect(scanned(text), JSON.stringify(text)).toEqual(tokenizeBySpecification(text));
    }
  });

  it('cuts what the expression cuts on the seed article', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../seeds/000_4247dde334aa655b.txt', import.meta.url)), 'utf8');
    for (const line of seed.split('\n')) expect(scanned(line)).toEqual(tokenizeBySpecification(line));
  });
});

describe('countLetters', () => {
  it('counts the letters of a text as String.length would count them alone', () => {
    for (const text of ["L'État a 3 ministres, 𝒜 et é.", '', '2024 — 12 %', 'e\u0301té']) {
      expect(countLetters(text)).toBe(text.replace(/[^\p{L}]/gu, '').length);
    }
  });
});

describe('foldForSearch and includesWord', () => {
  // What foldForSearch does, written as expressions.
  const bySpecification = (text: string): string => ` ${foldAccents(text).replace(/\./g, '').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

  it('folds a sentence for phrase search', () => {
    expect(foldForSearch('U.S. troops left Québec, then Saint-Étienne.')).toBe(' us troops left quebec then saint etienne ');
  });

  it('folds as the expressions do, on random strings of tricky characters', () => {
    const pieces = ['a', 'É', '.', ',', ' ', '-', "'", '𝒜', '\ud800', '1', 'e\u0301', '..', ' .', ''];
    let state = 3;
    const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect(foldForSearch(text), JSON.stringify(text)).toBe(bySpecification(text));
    }
  });

  it('finds whole words only', () => {
    expect([includesWord(' the united states ', 'united'), includesWord(' the united states ', 'unit'), includesWord(' the united states ', 'states'), includesWord(' us ', 'us')]).toEqual([true, false, true, true]);
  });
});

import { describe, expect, it } from 'vitest';
import { countEditRates } from './lig-edit-rates.js';
import type { LigSentence } from './lig-eval.js';

function sentence(text: string, editedWords: readonly string[]): LigSentence {
  const words = [...text.matchAll(/\p{L}+/gu)].map((match) => ({
    start: match.index, end: match.index + match[0].length, edited: editedWords.includes(match[0].toLowerCase()),
  }));
  return { line: 0, text, source: '', postEdit: '', words, heavy: false };
}

describe('LIG edit rates', () => {
  it('counts how often each word and each pair of neighbours was edited, ignoring case', () => {
    const { words, pairs, editedWords, allWords } = countEditRates([
      sentence('The tenant of the House', ['tenant']),
      sentence('the tenant left', []),
    ]);
    expect({ editedWords, allWords }).toEqual({ editedWords: 1, allWords: 8 });
    expect(words.find((rate) => rate.text === 'tenant')).toEqual({ text: 'tenant', seen: 2, edited: 1 });
    expect(words.find((rate) => rate.text === 'the')).toEqual({ text: 'the', seen: 3, edited: 0 });
    expect(pairs.find((rate) => rate.text === 'the tenant')).toEqual({ text: 'the tenant', seen: 2, edited: 1 });
    expect(pairs.find((rate) => rate.text === 'tenant of')).toEqual({ text: 'tenant of', seen: 1, edited: 1 });
    expect(pairs.find((rate) => rate.text === 'house the')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import entries from '../../src/checks/data/false-friends.json' with { type: 'json' };
import { compileLexicon, type LexiconEntry } from '../../src/checks/lexicon.js';
import { joinNorms, tokenize } from '../../src/checks/tokens.js';

describe('false-friends lexicon', () => {
  it('has at least 150 documented entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    for (const entry of entries as LexiconEntry[]) {
      expect(entry.phrases.length).toBeGreaterThan(0);
      expect(entry.french.length).toBeGreaterThan(0);
      expect(entry.meaning.length).toBeGreaterThan(0);
      expect(entry.fixes.length).toBeGreaterThan(0);
      expect(entry.fine.length).toBeGreaterThan(0);
    }
  });

  it('compiles every phrase', () => {
    expect(() => compileLexicon(entries as LexiconEntry[])).not.toThrow();
  });
});

describe('compileLexicon', () => {
  const lexicon = compileLexicon([
    { phrases: ['invested|investing in the file|files'], french: 'x', meaning: 'y', fixes: ['z'], fine: 'w' },
    { phrases: ['since <num> years'], french: 'x', meaning: 'y', fixes: ['z'], fine: 'w', notPrevious: ['ever'] },
    { phrases: ['the president'], next: ['<cap>'], french: 'x', meaning: 'y', fixes: ['z'], fine: 'w' }
  ]);
  const spans = (text: string): string[] => {
    const tokens = tokenize(text);
    return lexicon.match(tokens, joinNorms(tokens), ' ').map((match) => text.slice(tokens[match.first]?.start, tokens[match.last - 1]?.end));
  };

  it.each([
    ['He invested in the files.', ['invested in the files']],
    ['She is investing in the file.', ['investing in the file']],
    ['It has lasted since three years.', ['since three years']],
    ['Ever since two years passed, nothing.', []],
    ['the president Obama said', ['the president']],
    ['the president of France said', []]
  ])('matches %j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

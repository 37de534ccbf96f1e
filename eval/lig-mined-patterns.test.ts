import { describe, expect, it } from 'vitest';
import type { LigSentence } from './lig-eval.js';
import { minePatterns, scorePatterns, tagSentences, type TaggedWord } from './lig-mined-patterns.js';

// "W" marks an edited word: "the W:file is open" edits "file".
function tagged(text: string): TaggedWord[] {
  return text.split(' ').map((token) => {
    const edited = token.startsWith('W:');
    const word = edited ? token.slice(2) : token;
    return { word, tag: word === 'the' ? 'DT' : 'NN', edited };
  });
}

const THRESHOLDS = { minSeen: 3, minPrecision: 0.6, minRatio: 2 };

describe('LIG mined patterns', () => {
  const train = [
    tagged('we read the W:file today'),
    tagged('they closed the W:file again'),
    tagged('she signed the W:file now'),
    tagged('the cat sat W:down here'),
    tagged('the dog ran far away')
  ];

  it('keeps a word seen often enough and edited well above chance, and drops the rest', () => {
    const rules = minePatterns(train, THRESHOLDS);
    expect(rules.has('word:file')).toBe(true);
    expect(rules.has('word:the file')).toBe(true);
    // Seen five times, never edited itself.
    expect(rules.has('word:the')).toBe(false);
    // Edited every time but seen once.
    expect(rules.has('word:down')).toBe(false);
    expect(minePatterns(train, { ...THRESHOLDS, minSeen: 4 }).has('word:file')).toBe(false);
  });

  it('scores rules on other sentences as the checks are scored', () => {
    const rules = new Set(['word:file']);
    const score = scorePatterns([tagged('the W:file is W:open'), tagged('a file was lost')], rules);
    expect(score).toMatchObject({ rules: 1, flags: 2, precision: 0.5, coverage: 0.5 });
    // Chance of a one-word flag: 2 of 4 words, then 0 of 4.
    expect(score.ratio).toBeCloseTo(1 / 0.5, 5);
  });

  it('scores the checks\' flags with the rules, and counts the heavy sentences flagged', () => {
    // The first sentence is heavy (2 of 4 words edited), the second is not.
    const sentences = [tagged('the W:file is W:open'), tagged('a file was lost')];
    const score = scorePatterns(sentences, new Set(), [[[3, 3]], [[0, 1]]]);
    expect(score).toMatchObject({ rules: 0, flags: 2, precision: 0.5, coverage: 0.5, heavyFlagged: 1 });
    expect(scorePatterns(sentences, new Set()).heavyFlagged).toBe(0);
  });

  it('tags real words with Penn Treebank tags', () => {
    const text = 'The minister signed the decree';
    const words = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, edited: false }));
    const sentence: LigSentence = { line: 0, text, source: '', postEdit: '', words, heavy: false };
    expect(tagSentences([sentence])[0]?.map((word) => word.tag)).toEqual(['DT', 'NN', 'VBD', 'DT', 'NN']);
  });
});

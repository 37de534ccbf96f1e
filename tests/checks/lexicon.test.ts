import { describe, expect, it } from 'vitest';
import { compileLexicon, type LexiconEntry } from '../../src/checks/lexicon.js';
import { getLanguageProfile } from '../../src/languages/index.js';
import { joinNorms, tokenize } from '../../src/text/tokenize.js';
import { readWords } from '../../src/text/words.js';

// The smallest entry the compiler accepts; each test adds what it tries.
function entry(id: string, fields: Partial<LexiconEntry>): LexiconEntry {
  return { id, phrases: [], french: 'x', meaning: 'y', fixes: ['z'], fine: 'w', examples: { flag: [], pass: [] }, ...fields };
}

describe('compileLexicon', () => {
  const lexicon = compileLexicon([
    entry('invest', { phrases: ['invested|investing in the file|files'] }),
    entry('since', { phrases: ['since <num> years'], notPrevious: ['ever'] }),
    entry('president', { phrases: ['the president'], next: ['<cap>'] }),
    entry('society', { phrases: ['society', 'societies'], source: ['société|sociétés'] }),
    entry('flew', { phrases: ['increased|rose'], source: ["s'envol*"], needsSource: false, sourceLacks: ['prix'] }),
  ]);
  const fr = getLanguageProfile('fr');
  const spans = (text: string, source?: string): string[] => {
    const tokens = tokenize(text);
    const input = { tokens, norms: joinNorms(tokens), documentWords: ' ', ...(source === undefined ? {} : { source: readWords(source, fr) }) };
    return lexicon.match(input).map((match) => text.slice(tokens[match.first]?.start, tokens[match.last - 1]?.end));
  };

  it.each([
    ['He invested in the files.', ['invested in the files']],
    ['She is investing in the file.', ['investing in the file']],
    ['It has lasted since three years.', ['since three years']],
    ['Ever since two years passed, nothing.', []],
    ['the president Obama said', ['the president']],
    ['the president of France said', []],
    // Keyed on the source word: nothing without the source.
    ['The society was sold.', []],
    ['The minister has increased in the afternoon.', ['increased']],
  ])('matches %j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    ['The society was sold.', 'La société a été vendue.', ['society']],
    ['Society has changed.', 'Le monde a changé.', []],
    // Elided and inflected source words: "s'est envolé" holds "s'envol*" only as "envolé"; the prefix reads both.
    ['The minister has increased in the afternoon.', "Le ministre s'est envolé dans l'après-midi.", []],
    ['The minister has increased in the afternoon.', "Le ministre s'envolera dans l'après-midi.", ['increased']],
    ['Prices rose in the afternoon.', "Les prix s'envolent dans l'après-midi.", []],
  ])('matches %j with the source %j', (text, source, expected) => {
    expect(spans(text, source)).toEqual(expected);
  });

  it('refuses a phrase it cannot index by its first word', () => {
    expect(() => compileLexicon([entry('optional', { phrases: ['the? tenant'] })])).toThrow(/indexed/);
  });
});

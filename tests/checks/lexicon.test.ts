import { describe, expect, it } from 'vitest';
import { compileLexicon, type LexiconEntry } from '../../src/checks/lexicon.js';
import { parseSourceForm, readSourceTokens } from '../../src/checks/lexicon-source.js';
import { getLanguageProfile } from '../../src/languages/index.js';
import { joinNorms, tokenize } from '../../src/text/tokenize.js';

// The French elisions, cut off the word they stand against in source forms and sentences.
const ELISIONS = getLanguageProfile('fr')?.elisions ?? [];

// The smallest entry the compiler accepts; each test adds what it tries.
function entry(id: string, fields: Partial<LexiconEntry>): LexiconEntry {
  return { id, phrases: [], french: 'x', meaning: 'y', fixes: ['z'], fine: 'w', examples: { flag: [], pass: [] }, ...fields };
}

describe('compileLexicon', () => {
  const lexicon = compileLexicon(
    [
    entry('invest', { phrases: ['invested|investing in the file|files'] }),
    entry('since', { phrases: ['since <num> years'], notPrevious: ['ever'] }),
    entry('president', { phrases: ['the president'], next: ['<cap>'] }),
    entry('society', { phrases: ['society', 'societies'], source: ['société|sociétés'] }),
    entry('flew', { phrases: ['increased|rose'], source: ["s'envol*"], needsSource: false, sourceLacks: ['prix'] }),
    ],
    ELISIONS,
  );
  const spans = (text: string, source?: string): string[] => {
    const tokens = tokenize(text);
    const input = { tokens, norms: joinNorms(tokens), document: { documentWords: ' ' }, ...(source === undefined ? {} : { source: { words: readSourceTokens(source, ELISIONS) } }) };
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
    // Elided and inflected source words: "s'est envolé" is "s'" + "est" + "envolé", which "s'envol*" is not.
    ['The minister has increased in the afternoon.', "Le ministre s'est envolé dans l'après-midi.", []],
    ['The minister has increased in the afternoon.', "Le ministre s'envolera dans l'après-midi.", ['increased']],
    ['Prices rose in the afternoon.', "Les prix s'envolent dans l'après-midi.", []],
  ])('matches %j with the source %j', (text, source, expected) => {
    expect(spans(text, source)).toEqual(expected);
  });

  it('refuses a phrase it cannot index by its first word', () => {
    expect(() => parseSourceForm('|', ELISIONS)).toThrow(/Empty alternative/);
    expect(() => compileLexicon([entry('optional', { phrases: ['the? tenant'] })])).toThrow(/indexed/);
  });
});

// How a source form reads a French sentence: the semantics the news entries were written to.
describe('source forms', () => {
  const occurs = (form: string, sentence: string): boolean => {
    const steps = compileLexicon([entry('probe', { phrases: ['probe'], source: [form] })], ELISIONS);
    const tokens = tokenize('The probe.');
    return steps.match({ tokens, norms: joinNorms(tokens), document: { documentWords: ' ' }, source: { words: readSourceTokens(sentence, ELISIONS) } }).length > 0;
  };
  it.each([
    ['porte-parole', "Le porte-parole de l'ONU a démenti.", true],
    ['porte-parole', 'Le porte parole du gouvernement a démenti.', true],
    ['cour suprême', 'La Cour suprême a tranché.', true],
    ['cour suprême', 'La cour, suprême arbitre, a tranché.', false],
    ["s'est envolé|envolée", "Le Premier ministre s'est envolé pour Bruxelles.", true],
    ["quai d'orsay", "Le Quai d’Orsay a convoqué l'ambassadeur.", true],
    ['assemblée nationale', "L'Assemblée nationale a voté le texte.", true],
    ["état d'urgence", "L'Etat d'urgence a été décrété.", false],
    ["état|etat d'urgence", "L'Etat d'urgence a été décrété.", true],
    ["s' est|était envolé", "Il s'était envolé la veille.", true],
    ["l'ancien", "Selon 'l'ancien' ministre, non.", true],
    ['hui', "Il pleut aujourd'hui.", false],
    ['société|sociétés civile?', 'Les sociétés ont protesté.', true],
    ['envol*', "Les prix s'envolent.", true],
  ])('%s in %j: %s', (form, sentence, expected) => {
    expect(occurs(form, sentence)).toBe(expected);
  });
});

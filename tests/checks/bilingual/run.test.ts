import { describe, expect, it } from 'vitest';
import { bilingualChecks } from '../../../src/checks/bilingual/index.js';
import { getLanguageProfile } from '../../../src/checks/bilingual/languages.js';
import { readNumbers } from '../../../src/checks/bilingual/read-numbers.js';
import {
  analyzeBilingualDocument,
  analyzeBilingualSegment,
  createBilingualContext,
  listBilingualChecks
} from '../../../src/checks/bilingual/run.js';
import { checks } from '../../../src/checks/index.js';

const context = createBilingualContext('fr', 'en');

describe('analyzeBilingualSegment', () => {
  it('compares nothing without a source', () => {
    expect(analyzeBilingualSegment('The mayor resigned on Tuesday.', '', context)).toEqual([]);
    expect(analyzeBilingualSegment('The mayor resigned on Tuesday.', '   ', context)).toEqual([]);
  });
  it('returns every check\'s flags sorted by offset', () => {
    const target = 'The mayor did not resign on Thursday.';
    const flags = analyzeBilingualSegment(target, 'Le maire a démissionné mardi.', context);
    expect(flags.map((flag) => [flag.checkId, target.slice(flag.start, flag.end)])).toEqual([
      ['negation-mismatch', 'not'],
      ['date-mismatch', 'Thursday']
    ]);
  });
  it('runs only the language-free checks for a pair it does not describe', () => {
    const unknown = createBilingualContext('xx', 'yy');
    const target = 'Sindaco ha dato 5 dimissioni « oggi ».';
    const flags = analyzeBilingualSegment(target, 'Sindaco ha dato 5 dimissioni « oggi ».', unknown);
    expect(flags.map((flag) => flag.checkId)).toEqual(['untranslated-sentence']);
    expect(analyzeBilingualSegment('Il sindaco si è dimesso.', 'Le maire a démissionné mardi, « hier ».', unknown)).toEqual([]);
  });
});

describe('analyzeBilingualDocument', () => {
  it('checks a one-to-two link as one text and cuts flags back to each sentence', () => {
    const source = ['Le maire, élu en 2014, a démissionné mardi après dix ans de mandat.'];
    const target = ['The mayor, elected in 2014, resigned on Tuesday.', 'He had served ten years.'];
    const result = analyzeBilingualDocument(source, target, [{ source: [0], target: [0, 1] }], context);
    expect(result).toEqual([[], []]);
  });
  it('leaves unaligned target sentences without flags', () => {
    const result = analyzeBilingualDocument(['Bonjour.'], ['Hello.', 'Added text.'], [{ source: [0], target: [0] }, { source: [], target: [1] }], context);
    expect(result).toEqual([[], []]);
  });
  it('splits a whole-text flag over the sentences it covers', () => {
    const source = ['Le ministre ne viendra pas au sommet de Rome.'];
    const target = ['The minister will come.', 'The summit is in Rome.'];
    const result = analyzeBilingualDocument(source, target, [{ source: [0], target: [0, 1] }], context);
    expect(result.map((flags) => flags.map((flag) => flag.checkId))).toEqual([['negation-mismatch'], ['negation-mismatch']]);
    expect(result.map((flags, index) => flags.map((flag) => target[index]?.slice(flag.start, flag.end)))).toEqual([
      ['The minister will come.'],
      ['The summit is in Rome.']
    ]);
  });
});

describe('listBilingualChecks', () => {
  it('lists every registered check, marked as needing the source, with ids distinct from the target-only checks', () => {
    const listed = listBilingualChecks();
    expect(listed.map((check) => check.id)).toEqual(bilingualChecks.map((check) => check.id));
    expect(listed.every((check) => check.needsSource)).toBe(true);
    const targetOnly = new Set(checks.map((check) => check.id));
    expect(listed.filter((check) => targetOnly.has(check.id))).toEqual([]);
  });
});

describe('readNumbers', () => {
  const fr = getLanguageProfile('fr-FR');
  const en = getLanguageProfile('en-GB');
  const read = (text: string, language: 'fr' | 'en'): Array<[string, string[]]> => {
    const profile = language === 'fr' ? fr : en;
    if (!profile) throw new Error('missing profile');
    return readNumbers(text, profile).map((mention) => [text.slice(mention.start, mention.end), mention.values]);
  };
  it('reads French separators, scales and hours', () => {
    expect(read('3,5 millions, 20 000 habitants, 1.000 euros, 20h30, en 2009 2010', 'fr')).toEqual([
      ['3,5 millions', ['3500000']],
      ['20 000', ['20000']],
      ['1.000', ['1000']],
      ['20', ['20', '8']],
      ['30', ['30']],
      ['2009', ['2009']],
      ['2010', ['2010']]
    ]);
  });
  it('reads spelled-out French numbers but not articles or "pour cent"', () => {
    expect(read('quatre-vingt-dix-sept, vingt et un, deux cents, une maison, cinq pour cent', 'fr')).toEqual([
      ['quatre-vingt-dix-sept', ['97']],
      ['vingt et un', ['21']],
      ['deux cents', ['200']],
      ['cinq', ['5']]
    ]);
  });
  it('reads English numbers, with a French-style decimal comma as a fallback', () => {
    expect(read('20,000 people, 3.5m, 2 bn, a hundred and five, twenty - five, a two-tier system, 3,5', 'en')).toEqual([
      ['20,000', ['20000']],
      ['3.5m', ['3500000']],
      ['2 bn', ['2000000000']],
      ['a hundred and five', ['105']],
      ['twenty - five', ['25']],
      ['two-tier', ['2']],
      ['3,5', ['3.5']]
    ]);
  });
  it('never takes an object property for a number word', () => {
    expect(read('the constructor of toString', 'en')).toEqual([]);
  });
});

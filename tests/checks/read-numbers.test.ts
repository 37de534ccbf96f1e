import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../src/checks/read-numbers.js';
import { getLanguageProfile } from '../../src/languages/index.js';

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

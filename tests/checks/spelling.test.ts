import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../../src/checks/run.js';
import { isKnown, spelling, suggest } from '../../src/checks/spelling.js';
import { describeCheck } from './check-table.js';

describeCheck(spelling, {
  flag: [
    ['The goverment said prices revint to their level.', ['goverment', 'revint']],
    ['Wich citizens will benifit from it?', ['benifit']],
    ['The unions stagnaient while the ministers hissent the flag.', ['stagnaient', 'hissent']]
  ],
  pass: [
    'Unvaccinated influencers livestreamed the lockdowns from their homebuyers club.',
    'The de facto leader of the eurozone met Gerhard Schröder in Brussels.',
    'She organised the defence programme; he organized the defense program.',
    // French words are the untranslated-text check's: flagged once, not twice.
    'The cristaux dans le tube grew.',
    'See example.com/abcdxyz or write to press@retouchenews for the re-election figures.',
    'The occupant of the White House has taken an interest in the matter.'
  ]
});

describeCheck(spelling, { targetLanguage: 'fr', flag: [], pass: ['Le goverment a dit.'] });

describe('spelling helpers', () => {
  it('builds known words from listed ones', () => {
    expect(isKnown('cybersecurity')).toBe(true);
    expect(isKnown('livestream')).toBe(true);
    expect(isKnown('passera')).toBe(false);
  });
  it('suggests listed words one edit away', () => {
    expect(suggest('goverment')).toEqual(['government']);
    expect(suggest('recieve')).toContain('receive');
  });
  it('puts the suggestion in the flag with the word\'s casing', () => {
    const sentence = 'Goverment ministers said the goverment would fall.';
    const flags = spelling.run(sentence, createCheckContext([{ text: sentence, paragraph: 0 }], 'en'));
    expect(flags[0]?.suggestions).toEqual(['government']);
  });
});

describe('spelling on hostile input', () => {
  it('leaves a 200,000-letter run alone instead of searching it', () => {
    const sentence = `A ${'x'.repeat(200_000)} and a wrongg sentense.`;
    const flags = spelling.run(sentence, createCheckContext([{ text: sentence, paragraph: 0 }], 'en'));
    expect(flags.map((flag) => sentence.slice(flag.start, flag.end))).toEqual(['wrongg', 'sentense']);
  });
});

import { describe, expect, it } from 'vitest';
import { createCheckContext, runCheck } from '../../src/checks/run.js';
import { isKnown, spelling, suggest } from '../../src/checks/spelling.js';

const flagsOf = (sentence: string, language = 'en') => runCheck(spelling, createCheckContext([{ text: sentence, paragraph: 0 }], language), 0);

describe('spelling in another target language', () => {
  it('judges only English', () => {
    expect(flagsOf('Le goverment a dit.', 'fr')).toEqual([]);
  });
});

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
    const flags = flagsOf(sentence);
    expect(flags[0]?.suggestions).toEqual(['government']);
  });
});

describe('spelling on hostile input', () => {
  it('leaves a 200,000-letter run alone instead of searching it', () => {
    const sentence = `A ${'x'.repeat(200_000)} and a wrongg sentense.`;
    const flags = flagsOf(sentence);
    expect(flags.map((flag) => sentence.slice(flag.start, flag.end))).toEqual(['wrongg', 'sentense']);
  });
});

import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';
import { findMatches } from '../text/find-matches.js';

// Two marks where one is meant: ",,", ";;", "..", ",.", ".,", "?." — but "..." and "?!" are deliberate.
const DOUBLED = /(?<!\.)([,;:.!?])\1(?![.])|[,;:][.!?]|[.!?][,;:]/g;

/** Doubled or clashing punctuation: ",,", ",.". */
export const doubledPunctuation = {
  id: 'doubled-punctuation',
  name: 'Doubled punctuation',
  description:
    'Two punctuation marks in a row where one is meant (",,", ";;", ",.", ".,"), often left when a sentence is ' +
    'edited or when a quoted sentence ends before the main one. An ellipsis "..." and "?!" are left alone; ' +
    'abbreviations before a comma ("U.S.,") are too.',
  category: 'fluency/punctuation',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "He left,, then came back.", flagged: [",,"] },
      { target: "It ended,.", flagged: [",."] },
    ],
    pass: [
      { target: "He left... then came back." },
      { target: "It is based in the U.S., like its rival." },
      { target: "Really?!" },
    ],
  },
  run({ text: sentence }): Flag[] {
    const flags: Flag[] = [];
    for (const match of findMatches(sentence, DOUBLED)) {
      const first = match[0].charAt(0);
      // "U.S., Inc.," and "p.m.," : an abbreviation's period then a comma.
      if (first === '.' && /[A-Za-z]\.[A-Za-z]$/.test(sentence.slice(Math.max(0, match.index - 3), match.index))) continue;
      if (first === '.' && /\b(?:Inc|Ltd|Co|Corp|Jr|Sr|etc|St|No|vs|Bros)$/.test(sentence.slice(0, match.index))) continue;
      if (match[0] === '!!' || match[0] === '??') continue;
      const keep = match[0].charAt(1) === '.' ? '.' : first;
      flags.push(createFlag(doubledPunctuation, match.index, match.index + match[0].length, `"${match[0]}" doubles the punctuation: keep "${keep}".`, [keep]));
    }
    return flags;
  }
} satisfies Check;

import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';
import { findMatches } from '../text/find-matches.js';

// "3,5": a decimal comma. Three digits after the comma are a thousands separator ("1,200") and are left alone,
// as are lists of figures ("1,2,3").
const DECIMAL_COMMA = /(?<![\d,.])(\d+),(\d{1,2})(?![\d,])/g;
// "1 200 000": thousands grouped by (non-breaking) spaces.
const SPACED_THOUSANDS = /(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])/g;
// "20 %": a space before the percent sign.
const SPACED_PERCENT = /(\d)[ \u00a0\u202f]+%/g;

/** Numbers written the French way: decimal comma, space-grouped thousands, "20 %". */
export const numberFormat = {
  id: 'number-format',
  name: 'French number format',
  description:
    'French writes 3,5 for 3.5, groups thousands with spaces (1 200 000) and spaces the percent sign (20 %). ' +
    'English uses a decimal point, commas between thousands and no space before %.',
  category: 'locale-convention',
  severity: 'major',
  needs: 'translation',
  examples: {
    flag: [
      { target: "Growth reached 2,5 percent.", flagged: ["2,5"] },
      { target: "The city has 1 200 000 inhabitants.", flagged: ["1 200 000"] },
      { target: "Unemployment fell to 7 %.", flagged: [" %"] },
    ],
    pass: [
      { target: "Growth reached 2.5 percent." },
      { target: "The city has 1,200,000 inhabitants." },
      { target: "In 2019, 12 people died." },
      { target: "Unemployment fell to 7%." },
    ],
  },
  run({ text: sentence }): Flag[] {
    const flags: Flag[] = [];
    for (const match of findMatches(sentence, DECIMAL_COMMA)) {
      // "In 2019, 12 people": a year or count, a comma, then a new figure.
      const after = sentence.slice(match.index + match[0].length);
      if (/^\s/.test(sentence.charAt(match.index + (match[1]?.length ?? 0) + 1))) continue;
      if (/^[ ]?(?:and|or)\b/.test(after)) continue;
      const fixed = `${match[1]}.${match[2]}`;
      flags.push(
        createFlag(numberFormat, match.index, match.index + match[0].length, `"${match[0]}" uses a French decimal comma: write "${fixed}".`, [fixed])
      );
    }
    for (const match of findMatches(sentence, SPACED_THOUSANDS)) {
      const fixed = match[0].replace(/[ \u00a0\u202f]/g, ',');
      flags.push(
        createFlag(numberFormat, match.index, match.index + match[0].length, `"${match[0]}" groups thousands with spaces, as French does: write "${fixed}".`, [fixed], {
          severity: 'minor'
        })
      );
    }
    for (const match of findMatches(sentence, SPACED_PERCENT)) {
      const start = match.index + 1;
      flags.push(
        createFlag(numberFormat, start, match.index + match[0].length, 'A space before "%" follows French typography: remove it.', ['%'], {
          severity: 'minor'
        })
      );
    }
    return flags;
  }
} satisfies Check;

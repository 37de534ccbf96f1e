import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';
import { findMatches } from '../text/find-matches.js';

// French puts a (thin) space before : ; ! ? — and detokenisation leaves one before , and . too.
// A period followed by a digit is a decimal (" .5"), and "..." after a space is an ellipsis: both are left alone.
const SPACED = /(?<=\S)[ \u00a0\u202f]+([:;!?]|,(?!\d)|\.(?![\d.]))/g;

/** A space before : ; ! ? , or . */
export const spaceBeforePunctuation = {
  id: 'space-before-punctuation',
  name: 'Space before punctuation',
  description:
    'French typography puts a space before the two-part marks : ; ! ? ("Pourquoi ?"); English has none. ' +
    'A space before a comma or a full stop is a leftover of tokenised machine output.',
  category: 'fluency/punctuation',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "Why ? Nobody knows .", flagged: [" ?", " ."] },
      { target: "He said : no .", flagged: [" :", " ."] },
    ],
    pass: [
      { target: "Why? Nobody knows." },
      { target: "Rates fell to .5 percent." },
      { target: "He paused ... then left." },
    ],
  },
  run({ text: sentence }): Flag[] {
    const flags: Flag[] = [];
    for (const match of findMatches(sentence, SPACED)) {
      const mark = match[1] ?? '';
      flags.push(
        createFlag(
          spaceBeforePunctuation,
          match.index,
          match.index + match[0].length,
          `Space before "${mark}" follows French typography: remove the space.`,
          [mark]
        )
      );
    }
    return flags;
  }
} satisfies Check;

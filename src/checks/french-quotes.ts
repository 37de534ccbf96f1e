import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';
import { findMatches } from '../text/find-matches.js';

// A guillemet with the (non-breaking) space French typesetting puts inside it.
const GUILLEMET = /«[\s\u00a0\u202f]*|[\s\u00a0\u202f]*»|‹[\s\u00a0\u202f]*|[\s\u00a0\u202f]*›/g;

/** French guillemets « » left in English text. */
export const frenchQuotes = {
  id: 'french-quotes',
  name: 'French quotation marks',
  description:
    'French quotes with « » and a space inside; English news uses “ ” (or straight quotes) with no inner ' +
    'space. The flag covers the guillemet and its inner space, and suggests the English mark.',
  category: 'locale-convention',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "He called it « a disaster ».", flagged: ["« ", " »"] },
    ],
    pass: [
      { target: "He called it “a disaster”." },
      { target: "He called it \"a disaster\"." },
    ],
  },
  run({ text: sentence }): Flag[] {
    const flags: Flag[] = [];
    for (const match of findMatches(sentence, GUILLEMET)) {
      const mark = match[0].trim();
      const opening = mark === '«' || mark === '‹';
      const english = mark === '«' ? '“' : mark === '»' ? '”' : mark === '‹' ? '‘' : '’';
      // Keep the space outside a closing guillemet's own space: "dit » ensuite" -> "dit” ensuite" is right.
      flags.push(
        createFlag(
          frenchQuotes,
          match.index,
          match.index + match[0].length,
          `"${mark}" is a French quotation mark: use "${english}" ${opening ? 'with no space after it' : 'with no space before it'}.`,
          [english]
        )
      );
    }
    return flags;
  }
} satisfies Check;

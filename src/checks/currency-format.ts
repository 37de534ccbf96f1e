import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';
import { findMatches } from '../text/find-matches.js';

// "12 M€", "1,5 Md€", "300 k€", "10 €": French amounts with the symbol after the figure.
const AMOUNT = /(\d+(?:[.,]\d+)?)[ \u00a0\u202f]?(Mds?|Md|M|k|K)?[ \u00a0\u202f]?€/g;
// French multipliers -> English words.
const MULTIPLIERS: Record<string, string> = { M: ' million', Md: ' billion', Mds: ' billion', k: ',000', K: ',000' };

/** Euro amounts written the French way: "12 M€", "10 €". */
export const currencyFormat = {
  id: 'currency-format',
  name: 'French currency format',
  description:
    'French writes the euro sign after the amount ("10 €") and abbreviates millions and billions as M€ and ' +
    'Md€. English news writes "€10", "€12 million", "€1.5 billion".',
  category: 'locale-convention',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "The deal is worth 12 M€ and a ticket 10 €.", flagged: ["12 M€", "10 €"] },
    ],
    pass: [
      { target: "The deal is worth €12 million." },
      { target: "A ticket costs €10." },
    ],
  },
  run({ text: sentence }): Flag[] {
    const flags: Flag[] = [];
    for (const match of findMatches(sentence, AMOUNT)) {
      const figure = (match[1] ?? '').replace(/,(\d{1,2})$/, '.$1');
      const suffix = MULTIPLIERS[match[2] ?? ''] ?? '';
      const fixed = `€${figure}${suffix}`;
      flags.push(
        createFlag(currencyFormat, match.index, match.index + match[0].length, `"${match[0]}" is a French currency format: write "${fixed}".`, [fixed], {
          severity: match[2] ? 'major' : 'minor'
        })
      );
    }
    return flags;
  }
} satisfies Check;

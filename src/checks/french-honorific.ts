import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';
import { findMatches } from '../text/find-matches.js';

// "M. Macron", "Mme Borne", "Mlle", "MM.": French abbreviations of Monsieur, Madame, Mademoiselle, Messieurs.
const HONORIFIC = /\b(M\.|Mme|Mlle|MM\.)(?=\s+\p{Lu})/gu;
// French abbreviation -> English news usage.
const ENGLISH: Record<string, string> = { 'M.': 'Mr', Mme: 'Ms', Mlle: 'Ms', 'MM.': 'Messrs' };

/** "M. Macron" for "Mr Macron". */
export const frenchHonorific = {
  id: 'french-honorific',
  name: 'French honorific',
  description:
    'French abbreviates Monsieur as "M." and Madame as "Mme"; left in English, "M. Macron" reads as an ' +
    'initial. English news writes "Mr Macron", "Ms Borne", or the bare surname.',
  category: 'locale-convention',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "M. Macron met Mme Merkel.", flagged: ["M.", "Mme"] },
    ],
    pass: [
      { target: "Mr Macron met Ms Merkel." },
      { target: "John M. Smith arrived." },
    ],
  },
  run({ text: sentence }): Flag[] {
    const flags: Flag[] = [];
    for (const match of findMatches(sentence, HONORIFIC)) {
      const abbreviation = match[1] ?? '';
      // "John M. Smith": an initial after a first name, not Monsieur.
      const before = sentence.slice(0, match.index);
      if (abbreviation === 'M.' && /\p{Lu}\p{Ll}+\s$/u.test(before)) continue;
      const english = ENGLISH[abbreviation] ?? abbreviation;
      flags.push(
        createFlag(frenchHonorific, match.index, match.index + abbreviation.length, `"${abbreviation}" is a French honorific: write "${english}".`, [english])
      );
    }
    return flags;
  }
} satisfies Check;

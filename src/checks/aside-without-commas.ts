import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';
import { findMatches } from '../text/find-matches.js';

// "for its part" and friends: French "pour sa part", an aside that English sets off with commas.
const ASIDE = /\b(?:for|on) (?:its|his|her|their|our|my|your) (?:part|side)\b/gi;

/** "The application for its part filed a complaint": an aside calqued from French, not set off by commas. */
export const asideWithoutCommas = {
  id: 'aside-without-commas',
  name: 'Aside without commas',
  description:
    '"Pour sa part" and "de son côté" are rendered "for its part" / "on its side" and left inside the clause. ' +
    'English sets the aside off with commas ("TikTok, for its part, filed") or drops it.',
  category: 'accuracy/calque',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "The company for its part filed a lawsuit.", flagged: ["for its part"] },
      { target: "The opposition for their part rejected the plan.", flagged: ["for their part"] },
    ],
    pass: [
      { target: "The company, for its part, filed a lawsuit." },
      { target: "For its part, the company filed a lawsuit." },
      { target: "The troops stayed on their side of the border." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (const match of findMatches(sentence, ASIDE)) {
      const start = match.index;
      const end = start + match[0].length;
      const before = sentence.slice(0, start).trimEnd();
      const after = sentence.slice(end).trimStart();
      const openedByComma = before === '' || /[,;:(—–-]$/.test(before);
      const closedByComma = after === '' || /^[,;:.)—–-]/.test(after);
      if (openedByComma && closedByComma) continue;
      // "the rebels on their side of the border": a real side, not an aside.
      if (/^(?:of|in|at|with)\b/i.test(after)) continue;
      // "fought on their side": "on X side" after a verb of joining means an ally.
      if (match[0].toLowerCase().startsWith('on') && tokens.length > 0 && /\b(?:fight|fought|join|joined|stood|stand|is|are|was|were|be)$/i.test(before)) continue;
      flags.push(
        createFlag(
          asideWithoutCommas,
          start,
          end,
          `"${match[0]}" is a French aside ("pour sa part") left inside the clause: set it off with commas or drop it.`
        )
      );
    }
    return flags;
  }
} satisfies Check;

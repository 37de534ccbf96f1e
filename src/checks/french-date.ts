import data from '../languages/fr-en/dates.json' with { type: 'json' };
import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';

const FRENCH_MONTHS = new Map(Object.entries(data.frenchMonths));
const FRENCH_WEEKDAYS = new Map(Object.entries(data.frenchWeekdays));
const ENGLISH_MONTHS = new Set(data.englishMonths);

/** Dates left in French ("20 septembre", "lundi") or with a French lower-case English month ("20 september"). */
export const frenchDate = {
  id: 'french-date',
  name: 'French date',
  description:
    'Flags French month and weekday names ("le 20 septembre", "lundi") and English month names after a day ' +
    'number but in lower case, as French writes months ("20 september"). US news writes "September 20".',
  category: 'locale-convention',
  severity: 'major',
  needs: 'translation',
  examples: {
    flag: [
      { target: "The vote is set for 20 septembre.", flagged: ["20 septembre"] },
      { target: "The vote is set for 20 september.", flagged: ["20 september"] },
    ],
    pass: [
      { target: "The vote is set for September 20." },
      { target: "The vote is set for 20 September." },
      { target: "Mars is a planet." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (!token || token.kind !== 'word') continue;
      const day = tokens[index - 1];
      const hasDay = day?.kind === 'number' && /^\d{1,2}$/.test(day.text) && Number(day.text) <= 31;
      const frenchMonth = FRENCH_MONTHS.get(token.norm);
      // "mars" and "mai" are also names and words: only after a day number.
      if (frenchMonth && (hasDay || token.norm.length > 4) && !(token.norm === 'mars' && !hasDay)) {
        const start = hasDay && day ? day.start : token.start;
        const suggestion = hasDay && day ? `${frenchMonth} ${day.text}` : frenchMonth;
        const found = sentence.slice(start, token.end);
        flags.push(createFlag(frenchDate, start, token.end, `"${found}" is a French date: write "${suggestion}".`, [suggestion]));
        continue;
      }
      const frenchDay = FRENCH_WEEKDAYS.get(token.norm);
      if (frenchDay) {
        flags.push(createFlag(frenchDate, token.start, token.end, `"${token.text}" is French: write "${frenchDay}".`, [frenchDay]));
        continue;
      }
      if (hasDay && day && ENGLISH_MONTHS.has(token.norm) && token.text === token.norm) {
        const month = token.text.charAt(0).toUpperCase() + token.text.slice(1);
        const suggestion = `${month} ${day.text}`;
        flags.push(
          createFlag(frenchDate, day.start, token.end, `"${sentence.slice(day.start, token.end)}" writes the month in lower case, as French does: write "${suggestion}".`, [suggestion], {
            severity: 'minor'
          })
        );
      }
    }
    return flags;
  }
} satisfies Check;

import data from '../languages/en/inanimate-nouns.json' with { type: 'json' };
import { createFlag, matchCase } from './flag.js';
import type { Check, Flag } from './types.js';

const NOUNS = new Set(data.nouns);
const VERBS = new Set(data.verbs);
// Personal pronoun -> the English one for a thing.
const PRONOUNS = new Map(Object.entries(data.pronouns));

/** "a complaint against the administration accusing him of espionage": a gendered pronoun for an institution. */
export const inanimatePronoun = {
  id: 'inanimate-pronoun',
  name: 'Gendered pronoun for an institution',
  description:
    'French pronouns follow grammatical gender: "l\'administration ... l\'accusant" is "accusing it". Machine ' +
    'translation turns them into "him" or "her". The check looks only at the tight pattern institution noun + ' +
    'accusing/urging... + him/her, where the pronoun can only point back to the noun.',
  category: 'accuracy/pronoun',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "The union sued the government, accusing him of bad faith.", flagged: ["him"] },
    ],
    pass: [
      { target: "The company sued its former CEO, accusing him of fraud." },
      { target: "The government accused him of lying." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 2; index < tokens.length; index++) {
      const pronoun = tokens[index];
      const verb = tokens[index - 1];
      let noun = tokens[index - 2];
      // "the administration, accusing him": a comma may stand between.
      if (noun?.norm === ',') noun = tokens[index - 3];
      if (!pronoun || !verb || !noun) continue;
      const replacement = PRONOUNS.get(pronoun.norm);
      if (!replacement || !VERBS.has(verb.norm) || !NOUNS.has(noun.norm)) continue;
      flags.push(
        createFlag(
          inanimatePronoun,
          pronoun.start,
          pronoun.end,
          `"${pronoun.text}" after "${noun.text} ${verb.text}" follows French grammatical gender: use "${replacement}" for an institution.`,
          [matchCase(replacement, pronoun.text)]
        )
      );
    }
    return flags;
  }
} satisfies Check;

import data from '../languages/en/intransitive-verbs.json' with { type: 'json' };
import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';

// Verbs with no direct object in English, e.g. "react".
const VERBS = new Set(data.verbs);
// Words that open a noun phrase right after the verb.
const DETERMINERS = new Set(data.determiners);

/** An intransitive verb given a direct object: "will not fail to react the tenant". */
export const intransitiveObject = {
  id: 'intransitive-object',
  name: 'Intransitive verb with an object',
  description:
    'French causatives ("faire réagir le locataire") and verbs that are transitive in French come out as an ' +
    'English intransitive verb followed directly by a noun phrase: "react the tenant", "participate the ' +
    'summit". English needs a preposition or another verb ("draw a reaction from", "take part in").',
  category: 'fluency/grammar',
  severity: 'major',
  needs: 'translation',
  examples: {
    flag: [
      { target: "The decision should react the markets.", flagged: ["react the markets"] },
      { target: "Several countries participated the summit in Rome.", flagged: ["participated the summit"] },
    ],
    pass: [
      { target: "The markets reacted to the decision." },
      { target: "Several countries participated in the summit." },
      { target: "The rebels the army fought were few." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 0; index + 1 < tokens.length; index++) {
      const verb = tokens[index];
      const determiner = tokens[index + 1];
      if (!verb || !determiner || !VERBS.has(verb.norm) || !DETERMINERS.has(determiner.norm)) continue;
      // "The resign the" never happens, but "the rebels the army fought": a noun, not a verb, after "the".
      if (tokens[index - 1]?.norm === 'the') continue;
      const head = tokens[index + 2];
      const end = head && head.kind === 'word' ? head.end : determiner.end;
      const found = sentence.slice(verb.start, end);
      flags.push(
        createFlag(
          intransitiveObject,
          verb.start,
          end,
          `"${found}" gives "${verb.text}" a direct object, which English does not allow: add a preposition ("react to") or rephrase ("draw a reaction from").`
        )
      );
    }
    return flags;
  }
} satisfies Check;

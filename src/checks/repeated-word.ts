import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';

// Doubles that English grammar allows: "had had", "that that", "is is" in quoted speech is still an error.
const ALLOWED = new Set(['had', 'that', 'bye', 'no', 'yes', 'very', 'so', 'ha', 'knock', 'chop', 'bora', 'tut', 'pom', 'sing', 'mahi', 'cha', 'yo']);

/** The same word twice in a row: "the the". */
export const repeatedWord = {
  id: 'repeated-word',
  name: 'Repeated word',
  description:
    'A word repeated with only spaces between ("the the") is almost always a slip. "had had" and "that that" ' +
    'are grammatical and allowed, as are reduplications like "bye bye".',
  category: 'fluency/repetition',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "He said the the vote was close.", flagged: [" the"] },
    ],
    pass: [
      { target: "He said that that vote was close." },
      { target: "She had had enough." },
      { target: "The vote, the vote alone, counts." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 1; index < tokens.length; index++) {
      const previous = tokens[index - 1];
      const token = tokens[index];
      if (!previous || !token || token.kind !== 'word' || previous.kind !== 'word') continue;
      if (token.norm !== previous.norm || ALLOWED.has(token.norm)) continue;
      if (!/^\s+$/.test(sentence.slice(previous.end, token.start))) continue;
      flags.push(
        createFlag(repeatedWord, previous.end, token.end, `"${token.text}" is repeated: remove one.`, [''])
      );
    }
    return flags;
  }
} satisfies Check;

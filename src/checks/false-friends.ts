import entries from './data/false-friends.json' with { type: 'json' };
import { createFlag, matchCase } from './flag.js';
import { compileLexicon, type LexiconEntry } from './lexicon.js';
import { joinNorms, tokenize } from './tokens.js';
import type { Check, Flag, Severity } from './types.js';

// Compiled once at load: patterns indexed by first word.
const lexicon = compileLexicon(entries as LexiconEntry[]);

/** False friends and calques from the curated French -> English lexicon in data/false-friends.json. */
export const falseFriends = {
  id: 'false-friends',
  name: 'False friends and calques',
  description:
    'English words and phrases that copy a French one with another meaning ("tenant of the White House" for ' +
    '"locataire de la Maison-Blanche", "filed a complaint" for "porter plainte") or its structure ("has the ' +
    'way open", "since two years"). Each lexicon entry records the French, what it meant, the fixes and the ' +
    'contexts where the English is fine, which the entry conditions leave unflagged.',
  category: 'accuracy/false-friend',
  severity: 'minor',
  run(sentence, context): Flag[] {
    const tokens = tokenize(sentence);
    return lexicon.match(tokens, joinNorms(tokens), context.documentWords).map(({ first, last, entry }): Flag => {
      const start = tokens[first]?.start ?? 0;
      const end = tokens[last - 1]?.end ?? start;
      const found = sentence.slice(start, end);
      const fix = entry.fixes[0] ?? '';
      return createFlag(
        falseFriends,
        start,
        end,
        `"${found}" copies French "${entry.french}" (${entry.meaning}): write "${fix}" or rephrase.`,
        entry.fixes.map((text) => matchCase(text, found)),
        { category: entry.category, severity: entry.severity as Severity | undefined }
      );
    });
  }
} satisfies Check;

import { createFlag, isSentenceStart, matchCase } from './flag.js';
import type { Check, Flag } from './types.js';

/** The newsroom's own entries: "always suggest X for Y", added by editors from a flag or the Rules page. */
export const newsroomEntry = {
  id: 'newsroom-entry',
  name: 'Newsroom entries',
  description:
    'Phrases the newsroom has decided to replace, each with its replacement: an editor adds one from a ' +
    'sentence ("always suggest \'president\' for \'head of state\'"), and it holds in that document or in ' +
    'every document. An entry must flag the sentence it was made from, and its replacement must apply ' +
    'there. The phrase is matched in any case; the suggestion takes the capital of the words it replaces.',
  category: 'terminology',
  severity: 'major',
  needs: 'translation',
  examples: {
    flag: [
      {
        target: 'The head of state spoke on Monday.', flagged: ['head of state'], fixed: 'The president spoke on Monday.',
        rules: { ignore: [], suggest: [{ id: 'rule-1', phrase: 'head of state', replacement: 'president', note: '' }] },
      },
      {
        target: 'Head of state Milos Zeman spoke.', flagged: ['Head of state'], fixed: 'President Milos Zeman spoke.',
        rules: { ignore: [], suggest: [{ id: 'rule-1', phrase: 'Head of State', replacement: 'president', note: '' }] },
      },
    ],
    pass: [
      { target: 'The head of state spoke on Monday.' },
      {
        target: 'The state spoke on Monday.',
        rules: { ignore: [], suggest: [{ id: 'rule-1', phrase: 'head of state', replacement: 'president', note: '' }] },
      },
    ],
  },
  run({ tokens, norms, text }, context): Flag[] {
    const rules = context.rules;
    if (!rules?.lexicon) return [];
    return rules.lexicon.match({ tokens, norms, document: context }).map((match) => {
      const start = tokens[match.first]!.start;
      const end = tokens[match.last - 1]!.end;
      const found = text.slice(start, end);
      const rule = rules.entries.get(match.entry.id)!;
      const why = rule.note ? ` (${rule.note})` : '';
      return createFlag(newsroomEntry, start, end, `"${found}": write "${rule.replacement}", as the newsroom's rule says${why}.`,
        [matchCase(rule.replacement, found, isSentenceStart(text, start))], { entryId: rule.id });
    });
  },
} satisfies Check;

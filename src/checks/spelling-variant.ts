import { readVariantSpelling } from '../text/english-variant.js';
import { createFlag, matchCase } from './flag.js';
import type { Check, Flag } from './types.js';

// How messages name each variant.
const VARIANT_NAMES = { us: 'American', uk: 'British' } as const;

/** A spelling of the other English: "defence" in an American document, "defense" in a British one. */
export const spellingVariant = {
  id: 'spelling-variant',
  name: 'British or American spelling',
  description:
    'Flags spellings of the other English than the one the document follows: "defence", "programme", ' +
    '"labour", "centre" and -ise words ("organisation") in an American document; "defense", "labor", ' +
    '"center" in a British one (-ize is British too, so it is never flagged there). The variant is the ' +
    'document\'s: chosen by an editor, or guessed at import from the text\'s own spellings (at least two ' +
    'spellings of one variant and twice as many as of the other); a target of en-US or en-GB sets it. ' +
    'With no variant, nothing is flagged: a British story is not wrong for being British. Capitalised ' +
    'words are skipped: "Ministry of Defence" and "Labour Party" are names.',
  category: 'locale-convention',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: 'The defence programme needs more organisation.', variant: 'us', flagged: ['defence', 'programme', 'organisation'], fixed: 'The defense programme needs more organisation.' },
      { target: 'The labor minister visited the new center.', variant: 'uk', flagged: ['labor', 'center'], fixed: 'The labour minister visited the new center.' },
    ],
    pass: [
      { target: 'The defense program needs more organization.', variant: 'us' },
      { target: 'The Ministry of Defence will advise on the exercise.', variant: 'us' },
      { target: 'They promise to compromise.', variant: 'us' },
      { target: 'The defence programme needs more organization.', variant: 'uk' },
      { target: 'The defence programme needs more organisation.' },
    ],
  },
  run({ tokens }, context): Flag[] {
    const variant = context.variant;
    if (!variant) return [];
    const flags: Flag[] = [];
    for (const token of tokens) {
      if (token.kind !== 'word' || token.text !== token.norm) continue;
      const spelling = readVariantSpelling(token.norm);
      if (!spelling || spelling.variant === variant) continue;
      flags.push(
        createFlag(
          spellingVariant,
          token.start,
          token.end,
          `"${token.text}" is ${VARIANT_NAMES[spelling.variant]} spelling: write "${spelling.other}", as this ${VARIANT_NAMES[variant]} English document does.`,
          [matchCase(spelling.other, token.text)],
        ),
      );
    }
    return flags;
  },
} satisfies Check;

import { createFlag } from './flag.js';
import { tokenize } from './tokens.js';
import type { Check, Flag } from './types.js';

// Longest name looked up, in words.
const MAX_NAME_WORDS = 4;

/** A name cased differently from the rest of the document: "Donald trump" where "Donald Trump" is used. */
export const nameConsistency = {
  id: 'name-consistency',
  name: 'Inconsistent name casing',
  description:
    'Collects the capitalised multi-word names of the article body ("Donald Trump") once per document and ' +
    'flags the same words cased otherwise ("Donald trump"), in any segment including tags. Only words that ' +
    'are capitalised in the known name and lower-case here are flagged, so a correctly spelled name never is.',
  category: 'fluency/capitalization',
  severity: 'minor',
  run(sentence, context): Flag[] {
    if (context.names.size === 0) return [];
    const tokens = tokenize(sentence);
    const flags: Flag[] = [];
    let covered = 0;
    for (let index = 0; index < tokens.length; index++) {
      if (index < covered) continue;
      for (let length = Math.min(MAX_NAME_WORDS, tokens.length - index); length >= 2; length--) {
        const slice = tokens.slice(index, index + length);
        if (slice.some((token) => token.kind !== 'word')) continue;
        const known = context.names.get(slice.map((token) => token.norm).join(' '));
        if (!known) continue;
        const preferredWords = known.preferred.split(' ');
        let firstWrong = -1;
        let lastWrong = -1;
        slice.forEach((token, offset) => {
          const wanted = preferredWords[offset] ?? token.text;
          if (token.text !== wanted && isUpper(wanted) && !isUpper(token.text)) {
            if (firstWrong < 0) firstWrong = offset;
            lastWrong = offset;
          }
        });
        if (firstWrong < 0) break;
        const start = slice[firstWrong]?.start ?? 0;
        const end = slice[lastWrong]?.end ?? start;
        const found = sentence.slice(start, end);
        const wanted = preferredWords.slice(firstWrong, lastWrong + 1).join(' ');
        flags.push(
          createFlag(
            nameConsistency,
            start,
            end,
            `"${found}" is written "${wanted}" in "${known.preferred}" elsewhere in the article: use the same casing.`,
            [wanted]
          )
        );
        covered = index + length;
        break;
      }
    }
    return flags;
  }
} satisfies Check;

function isUpper(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

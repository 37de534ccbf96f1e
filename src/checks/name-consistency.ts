import { getLanguageProfile } from '../languages/index.js';
import { createFlag } from './flag.js';
import type { Check, Flag, NameForms } from './types.js';

// Longest name looked up, in words.
const MAX_NAME_WORDS = 4;

// First words of each document's names, computed once per name index: most words start no name,
// and skipping them is what keeps this check cheap.
const firstWordsOf = new WeakMap<ReadonlyMap<string, NameForms>, ReadonlySet<string>>();

/** A name cased differently from the rest of the document: "Donald trump" where "Donald Trump" is used. */
export const nameConsistency = {
  id: 'name-consistency',
  name: 'Inconsistent name casing',
  description:
    'Collects the capitalised multi-word names of the article body ("Donald Trump") once per document and ' +
    'flags the same words cased otherwise ("Donald trump"), in any segment including tags. Only words that ' +
    'are capitalised in the known name and lower-case here are flagged, so a correctly spelled name never is; ' +
    'a name made only of dictionary words ("Human Rights", "Social Security") is also a common noun and is left alone.',
  category: 'fluency/capitalization',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: 'Talks with Emmanuel macron ended late.', flagged: ['macron'], document: ['On Monday, President Emmanuel Macron met Olaf Scholz in Berlin.', 'Then Emmanuel Macron flew home.'] },
      { target: 'emmanuel Macron said no.', flagged: ['emmanuel'], document: ['On Monday, President Emmanuel Macron met Olaf Scholz in Berlin.', 'Then Emmanuel Macron flew home.'] },
    ],
    pass: [
      { target: 'Talks with Emmanuel Macron ended late.', document: ['On Monday, President Emmanuel Macron met Olaf Scholz in Berlin.'] },
      { target: 'Olaf Scholz agreed.', document: ['On Monday, President Emmanuel Macron met Olaf Scholz in Berlin.'] },
      { target: 'The trump card was played.', document: ['President Donald Trump spoke.', 'Donald Trump left.'] },
      { target: 'The declaration defends human rights.', document: ['The Universal Declaration of Human Rights was signed in 1948.'] },
    ],
  },
  run({ text: sentence, tokens }, context): Flag[] {
    if (context.names.size === 0) return [];
    const firstWords = firstWordsFor(context.names);
    const flags: Flag[] = [];
    let covered = 0;
    for (let index = 0; index < tokens.length; index++) {
      if (index < covered || !firstWords.has(tokens[index]?.norm ?? '')) continue;
      // Keys of the 2- to 4-word runs starting here, built word by word; the longest known name wins.
      const keys: string[] = [];
      let key = tokens[index]?.kind === 'word' ? tokens[index]?.norm ?? '' : '';
      for (let length = 2; key !== '' && length <= Math.min(MAX_NAME_WORDS, tokens.length - index); length++) {
        const token = tokens[index + length - 1];
        if (!token || token.kind !== 'word') break;
        key += ` ${token.norm}`;
        keys.push(key);
      }
      for (let length = keys.length + 1; length >= 2; length--) {
        const key = keys[length - 2] ?? '';
        const known = context.names.get(key);
        if (!known || isCommonPhrase(key)) continue;
        const slice = tokens.slice(index, index + length);
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

function firstWordsFor(names: ReadonlyMap<string, NameForms>): ReadonlySet<string> {
  let words = firstWordsOf.get(names);
  if (!words) {
    words = new Set([...names.keys()].map((key) => key.slice(0, key.indexOf(' '))));
    firstWordsOf.set(names, words);
  }
  return words;
}

// Words of a dictionary, lower-case: "human rights", "social security" written lower-case are common
// nouns, even where the article capitalises them inside a title ("Declaration of Human Rights").
const WORD_LIST = getLanguageProfile('en')?.wordList ?? new Set<string>();
// Shorter words are not in the word list; they are function words or parts of names alike.
const MIN_LISTED_LENGTH = 4;

function isCommonPhrase(key: string): boolean {
  return key.split(' ').every((word) => word.length < MIN_LISTED_LENGTH || WORD_LIST.has(word));
}

function isUpper(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

import { createFlag, matchCase } from './flag.js';
import type { Check, Flag } from './types.js';

// Words spelled with a vowel but said with a consonant sound: "a university", "a European", "a one-off".
const CONSONANT_SOUND = /^(?:uni(?!nt|nd|nh|ns|mp)|use|usu|usa|uti|ure|uro|eu|ewe|one|once|ukr|ufo|ubiq|uganda|uruguay|utah|uranium|ouija)/;
// Letters whose name starts with a vowel sound: "an F", "an MP", "an S".
const LETTERS_SAID_WITH_A_VOWEL = 'aefhilmnorsx';
// Words spelled with a consonant but said with a vowel: "an hour", "an honest", "an heir".
const VOWEL_SOUND = /^(?:hour|honest|honor|honour|heir|herb)/;

/** "a" / "an" that does not fit the next word's first sound. */
export const indefiniteArticle = {
  id: 'indefinite-article',
  name: 'a or an',
  description:
    '"an" goes before a vowel sound, "a" before a consonant sound: "an announcement", "a university", "an ' +
    'hour". Abbreviations and figures are skipped: whether "a NATO" or "an NBA" depends on how they are read. A ' +
    'word without a vowel is read letter by letter ("an spd", "a pdf").',
  category: 'fluency/grammar',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "It was a announcement by an union.", flagged: ["a", "an"] },
      { target: "He sent an pdf to a nhs office.", flagged: ["an", "a"] },
    ],
    pass: [
      { target: "It was an announcement by a union." },
      { target: "She waited an hour." },
      { target: "He is a European official." },
      { target: "He is an MP." },
      { target: "The leader explained it to an spd that was unwilling." },
      { target: "She sent a pdf of the report." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 0; index + 1 < tokens.length; index++) {
      const article = tokens[index];
      const word = tokens[index + 1];
      if (!article || !word || (article.norm !== 'a' && article.norm !== 'an') || word.kind !== 'word') continue;
      // "A" as a letter or grade ("type A", "Plan A"), and abbreviations like "an MP": not judged.
      if (article.text === 'A' && index > 0) continue;
      if (word.text.length > 1 && word.text === word.text.toUpperCase()) continue;
      const wantsAn = startsWithVowelSound(word.norm);
      const wanted = wantsAn ? 'an' : 'a';
      if (article.norm === wanted) continue;
      const replacement = matchCase(wanted, article.text);
      flags.push(
        createFlag(indefiniteArticle, article.start, article.end, `"${article.text} ${word.text}" needs "${replacement}" before the sound of "${word.text}".`, [
          replacement
        ])
      );
    }
    return flags;
  }
} satisfies Check;

/** Whether a lower-case word is said with a vowel sound first, so takes "an": "an hour", but "a university". */
export function startsWithVowelSound(word: string): boolean {
  // A word without a vowel is read letter by letter ("an spd", "a pdf"): the first letter's name decides.
  if (!/[aeiouy]/.test(word)) return LETTERS_SAID_WITH_A_VOWEL.includes(word.charAt(0));
  if (VOWEL_SOUND.test(word)) return true;
  if (CONSONANT_SOUND.test(word)) return false;
  return /^[aeiou]/.test(word);
}

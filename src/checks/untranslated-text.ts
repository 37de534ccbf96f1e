import { franc } from 'franc';
import data from '../languages/fr/words.json' with { type: 'json' };
import { createFlag } from './flag.js';
import { countLetters, type Token } from '../text/tokenize.js';
import type { Check, Flag } from './types.js';

// French words that are not English: one is evidence.
const STRONG = new Set(data.strong);
// French words that are also English words or name parts: evidence only next to other French.
const WEAK = new Set(data.weak);
// Accented words English uses as is.
const LOANS = new Set(data.loans);
// Endings of French words that English words do not have, bar the loans in `suffixLoans`: plurals
// in -aux and -eux ("cristaux", "nombreux"), -isme/-iste/-ique ("agnosticisme", "socialiste",
// "politique"), French adverbs ("officiellement") and "oxyde". SMT leaves words it has no
// translation for in French: "the carbon bioxyde escapes into the atmosphere".
const FRENCH_ENDING = /(?:[^e]aux|eux|ismes?|istes?|iques?|ellement|alement|iquement|ivement|eusement|oxyde)$/;
const SUFFIX_LOANS = new Set(data.suffixLoans);
// The last letters of those endings.
const FRENCH_ENDING_LETTERS = 'xest';
// Accents that French uses and English words almost never carry.
const FRENCH_ACCENT = /[éèêàâçùûôîœ]/;
// A lower-case elided French word: "l'accusant", "d'affaires", "qu'il".
const ELISION = /^(?:l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu)'[a-zàâçéèêëîïôûùüÿœ]/;
// Languages franc may answer: English and the languages a French news page quotes most.
const FRANC_LANGUAGES = ['eng', 'fra', 'spa', 'ita', 'deu', 'por', 'nld'];
// Below this many letters, franc's trigram profile cannot tell languages apart.
const FRANC_MIN_LENGTH = 40;
// Frequent English words: a sentence without them may not be English at all.
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'was', 'for', 'that', 'on', 'with', 'by', 'as', 'at', 'from', 'it', 'has', 'have', 'be', 'are', 'were', 'an', 'this', 'which', 'will', 'not', 'but', 'his', 'her', 'their', 'its', 'he', 'she', 'they', 'said', 'who', 'would', 'been', 'had']);
// ISO 639-3 codes franc answers -> names for messages.
const LANGUAGE_NAMES: Record<string, string> = { fra: 'French', spa: 'Spanish', ita: 'Italian', deu: 'German', por: 'Portuguese', nld: 'Dutch' };

/** Text left in French (or another language): whole sentences by franc, short runs by French function words and accents. */
export const untranslatedText = {
  id: 'untranslated-text',
  name: 'Untranslated text',
  description:
    'Finds text that is not in the target language. A whole sentence is tested with franc, restricted to ' +
    'English and the languages a French news page quotes, and only when it is long enough for franc to tell ' +
    'and shows a sign of not being English (French words, or few common English words): franc over every ' +
    'language would cost about a millisecond a sentence. Short runs are found word by word: French function ' +
    'words ("dans", "avec"), lower-case elisions ("l\'accusant") and French accents outside known loanwords ' +
    '("café", "régime"). Capitalised words are never flagged: "Le Monde", "Champs-Élysées" are names.',
  category: 'accuracy/untranslated',
  severity: 'major',
  needs: 'translation',
  examples: {
    flag: [
      { target: "Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée dans les prochains jours.", flagged: ["Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée dans les prochains jours."] },
      { target: "The minister said that the décision was final.", flagged: ["décision"] },
      { target: "Prices rose dans les magasins last week.", flagged: ["dans les"] },
      { target: "The nombreux visitors queued at the museum.", flagged: ["nombreux"] },
      { target: "The mayor defended his politique of small steps.", flagged: ["politique"] },
      { target: "Officials said the plan was officiellement dead.", flagged: ["officiellement"] },
    ],
    pass: [
      { target: "Le Monde reported that the café on the Champs-Élysées had closed." },
      { target: "He met Charles de Gaulle in 1958." },
      { target: "The new régime promised a détente with its neighbours." },
      { target: "Pour the sauce over the fish." },
      { target: "Her technique is unique, and the critique was harsh." },
      { target: "The artiste changed money at the bureaux de change in faux fur." },
      { target: "Socialists and communists criticised the economic policies." },
    ],
  },
  run({ text: sentence, tokens }, context): Flag[] {
    if (context.targetLanguage !== 'en' && !context.targetLanguage.startsWith('en-')) return [];
    const marks = new Array<Mark>(tokens.length);
    let words = 0;
    let frenchCount = 0;
    let englishCount = 0;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      const mark = markFrench(token);
      marks[index] = mark;
      if (mark === 'strong') frenchCount++;
      if (token.kind !== 'word') continue;
      words++;
      if (ENGLISH_WORDS.has(token.norm)) englishCount++;
    }
    if ((frenchCount >= 2 || englishCount * 10 < words) && countLetters(sentence) >= FRANC_MIN_LENGTH) {
      const language = franc(sentence, { only: FRANC_LANGUAGES, minLength: FRANC_MIN_LENGTH });
      const name = LANGUAGE_NAMES[language];
      if (name) {
        const first = tokens[0];
        const last = tokens[tokens.length - 1];
        if (first && last) {
          return [
            createFlag(
              untranslatedText,
              first.start,
              last.end,
              `"${excerpt(sentence)}" reads as ${name}, not English: translate the sentence.`
            )
          ];
        }
      }
    }
    return findFrenchRuns(sentence, tokens, marks);
  }
} satisfies Check;

type Mark = 'strong' | 'weak' | 'none';

/** Whether a word alone is evidence of French left in the text; other checks leave such words to this one. */
export function isFrenchWord(token: Token): boolean {
  return markFrench(token) === 'strong';
}

// The first words of a sentence, to quote it in a message.
function excerpt(sentence: string): string {
  const words = sentence.split(/\s+/);
  return words.length <= 6 ? sentence : `${words.slice(0, 6).join(' ')}…`;
}

function markFrench(token: Token): Mark {
  if (token.kind !== 'word') return 'none';
  const first = token.text.charAt(0);
  if (first !== first.toLowerCase()) return 'none';
  // The cheap tests first: most words hold no apostrophe, no accent, and end in none of the French endings' letters.
  if (STRONG.has(token.norm) || (token.norm.includes("'") && ELISION.test(token.norm))) return 'strong';
  if (!isAscii(token.norm) && FRENCH_ACCENT.test(token.norm) && !LOANS.has(token.norm)) return 'strong';
  if (token.norm.length > 4 && FRENCH_ENDING_LETTERS.includes(token.norm.charAt(token.norm.length - 1)) && FRENCH_ENDING.test(token.norm) && !SUFFIX_LOANS.has(token.norm)) return 'strong';
  if (WEAK.has(token.norm)) return 'weak';
  return 'none';
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

// A run is consecutive French words (punctuation may sit between); it needs one strong word,
// or two words of which one is strong, so that "a", "on" or "son" alone never flag.
function findFrenchRuns(sentence: string, tokens: readonly Token[], marks: readonly Mark[]): Flag[] {
  const flags: Flag[] = [];
  let index = 0;
  while (index < tokens.length) {
    if (marks[index] === 'none') {
      index++;
      continue;
    }
    let end = index;
    let strong = 0;
    let count = 0;
    let last = index;
    while (end < tokens.length && (marks[end] !== 'none' || tokens[end]?.kind === 'punct')) {
      if (marks[end] !== 'none') {
        count++;
        last = end;
        if (marks[end] === 'strong') strong++;
      }
      end++;
    }
    // "y" and "a" are English letters in lists; a lone short strong word needs company.
    const lone = count === 1 && (tokens[index]?.norm.length ?? 0) <= 2;
    if (strong >= 1 && !lone && !isEnglishContext(tokens, index, last)) {
      const start = tokens[index]?.start ?? 0;
      const stop = tokens[last]?.end ?? start;
      const found = sentence.slice(start, stop);
      flags.push(
        createFlag(untranslatedText, start, stop, `"${found}" is French left untranslated: translate it.`, [], {
          severity: count >= 3 ? 'major' : 'minor'
        })
      );
    }
    index = end;
  }
  return flags;
}

// Strong French words that also occur alone in English text: "pour" (the verb), "pas de deux", "entre nous".
const AMBIGUOUS_ALONE = new Set(['pour', 'ne', 'si', 'non', 'bien', 'ou', 'ans', 'fait', 'entre', 'sur', 'pas', 'dont', 'est', 'sans', 'il', 'et']);

function isEnglishContext(tokens: readonly Token[], first: number, last: number): boolean {
  return first === last && AMBIGUOUS_ALONE.has(tokens[first]?.norm ?? '');
}

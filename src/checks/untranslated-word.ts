import type { WordList } from '../languages/index.js';
import { isCapitalised, type Word } from '../text/words.js';
import { createFlag } from './flag.js';
import type { Check, Flag } from './types.js';

// A learned compound has a combining form of three letters or more ("bio-") and a word of six or more.
const MIN_COMBINING_FORM = 3;
const MIN_COMPOUND_TAIL = 6;
// Shorter words are too often shared by chance ("plan", "art", "date" are four letters and shared anyway).
const MIN_LETTERS = 4;

/** Source words copied into the translation as they are. */
export const untranslatedWord = {
  id: 'untranslated-word',
  name: 'Source word left untranslated',
  description:
    'A lower-case source word of four letters or more found as is in the translation was probably not ' +
    'translated ("the indépendance of Kosovo"), unless it is also a word of the target language: the target\'s ' +
    'word list (src/languages/<language>/word-list.json, from spelling dictionaries) has "nation", "regime", "coca". ' +
    'Learned compounds of a combining form in -o- and a target word ("pharmacovigilance") are shared by the ' +
    'European languages and pass. Capitalised words are names and belong to the name check; a run of two copied words is a phrase kept on ' +
    'purpose ("de facto", "status quo", a quoted title), and a quoted word is cited ("the Russian \'niet\'"). ' +
    'The flag covers the copied word in the translation.',
  category: 'accuracy/untranslated',
  severity: 'major',
  needs: 'source',
  examples: {
    flag: [
      { target: 'The vote on the indépendance of the region was postponed.', source: "Le vote sur l'indépendance de la région a été reporté.", flagged: ['indépendance'] },
      { target: 'Farmers blocked the roads, réclamant higher prices.', source: 'Les agriculteurs ont bloqué les routes, réclamant des prix plus élevés.', flagged: ['réclamant'] },
    ],
    pass: [
      { target: 'The nation faces an important question.', source: 'La nation fait face à une question importante.' },
      { target: 'The ruling was a de facto ban.', source: 'La décision était une interdiction de facto.' },
      { target: 'The minister defended the status quo.', source: 'Le ministre a défendu le statu quo.' },
      { target: 'The Russian "niet" surprised nobody.', source: "Le « niet » russe n'a surpris personne." },
      { target: 'He left Saint-Étienne for Lyon.', source: 'Il a quitté Saint-Étienne pour Lyon.' },
      { target: 'The regime fell in 1989.', source: 'Le régime est tombé en 1989.' },
      { target: 'The hospital improved its biovigilance.', source: "L'hôpital a amélioré sa biovigilance." },
      { target: 'A post-Brexit deal was signed.', source: 'Un accord post-Brexit a été signé.' },
    ],
  },
  run({ text: target, words: targetWords, source: sourceSentence }, context): Flag[] {
    const lexicon = context.target?.wordList;
    const sourceProfile = context.source?.profile;
    if (!lexicon || !sourceSentence || !sourceProfile) return [];
    const source = sourceSentence.text;
    // Few target words are copies of source words: find those first, and consult the word list (a large
    // table, slow to reach) only for them.
    const sourceForms = collectSourceForms(sourceSentence.words);
    if (sourceForms.size === 0) return [];
    let sourcePairs: Set<string> | undefined;
    const flags: Flag[] = [];
    targetWords.forEach((word, index) => {
      if (word.bare.length < MIN_LETTERS || (!sourceForms.has(word.token.norm) && !sourceForms.has(word.bare))) return;
      if ((isCapitalised(word) && !word.initial) || lexicon.has(word.bare)) return;
      if (isTargetCompound(word, lexicon) || isLearnedCompound(word.bare, lexicon)) return;
      // A copied run is a phrase kept on purpose, Latin or a title: "de facto", "status quo",
      // "annus horribilis", "Expert Political Judgment: How good is it?".
      sourcePairs ??= collectPairs(sourceSentence.words);
      const before = targetWords[index - 1];
      const after = targetWords[index + 1];
      if (before && sourcePairs.has(`${before.folded} ${word.folded}`)) return;
      if (after && sourcePairs.has(`${word.folded} ${after.folded}`)) return;
      // A quoted word is cited, not translated: the "niet" of Russia.
      if (isQuoted(target, word, `${context.target?.quoteMarks ?? '"'}'‘’`)) return;
      const { start, end } = word.token;
      const language = sourceProfile.name;
      flags.push(createFlag(untranslatedWord, start, end, `"${word.token.text}" is the ${language} word left as is: translate it.`));
    });
    return flags;
  }
} satisfies Check;

// A learned compound, built the same way in the European languages from a Greek or Latin combining form
// ending in -o- and a word: "pharmaco" + "vigilance", "socio" + "cultural", "hydro" + "electric".
function isLearnedCompound(word: string, lexicon: WordList): boolean {
  for (let cut = MIN_COMBINING_FORM; cut <= word.length - MIN_COMPOUND_TAIL; cut++) {
    if (word.charAt(cut - 1) === 'o' && lexicon.has(word.slice(cut))) return true;
  }
  return false;
}

// Lower-case source words of four letters or more, as written and without their elided article.
function collectSourceForms(words: readonly Word[]): Set<string> {
  const forms = new Set<string>();
  for (const word of words) {
    if (word.bare.length < MIN_LETTERS || isCapitalised(word) || /[0-9]/.test(word.bare)) continue;
    forms.add(word.bare);
    forms.add(word.token.norm);
  }
  return forms;
}

// A compound the target language builds itself: a name inside ("post-Kyoto"), or parts that are its
// words ("co-production": short parts such as "co" are prefixes, not words).
function isTargetCompound(word: Word, lexicon: WordList): boolean {
  if (!word.token.text.includes('-')) return false;
  const parts = word.token.text.split('-');
  if (parts.some((part) => part !== '' && part.charAt(0) !== part.charAt(0).toLowerCase())) return true;
  const long = parts.filter((part) => part.length >= MIN_LETTERS);
  return long.length > 0 && long.every((part) => lexicon.has(part.toLowerCase()));
}

// Adjacent word pairs of a sentence, folded (no accents: "raison d'être" is kept as "raison d'etre").
function collectPairs(words: readonly Word[]): Set<string> {
  const pairs = new Set<string>();
  for (let index = 1; index < words.length; index++) pairs.add(`${words[index - 1]?.folded} ${words[index]?.folded}`);
  return pairs;
}

// Whether quotation marks stand right around the word.
function isQuoted(text: string, word: Word, marks: string): boolean {
  const before = text.charAt(word.token.start - 1);
  const after = text.charAt(word.token.end);
  return before !== '' && after !== '' && marks.includes(before) && marks.includes(after);
}

import type { LanguageProfile } from '../languages/index.js';
import { isCapitalised, readWords, type Word } from '../text/words.js';
import { createFlag } from './flag.js';
import { readNeighbours } from './neighbours.js';
import type { Check, Flag } from './types.js';

/** A month or weekday name in a sentence. */
interface DateName {
  word: Word;
  kind: 'month' | 'weekday';
  value: number;
}

/** Months and weekdays of the source missing from the translation or replaced by others. */
export const dateMismatch = {
  id: 'date-mismatch',
  name: 'Date differs from the source',
  description:
    'A month or weekday named in the source ("mardi 20 septembre") must be named in the translation ' +
    '("Tuesday, September 20"). Names come from each language\'s data, with abbreviations ("Sept.", "Tue."), ' +
    'and are compared without regard to case ("mercredi" is "wednesday" too), except the names that are ' +
    'also other words, which count only with the case their language gives dates: "may" the verb is not ' +
    'May, "Mars" the planet is not "mars" (March). When the translation has another month or weekday ' +
    'instead, the flag points at it; when it has none, and the neighbouring sentences have none either, the ' +
    'flag points at the words where it should be. The day number is the number check\'s.',
  category: 'accuracy/mistranslation',
  severity: 'major',
  needs: 'source',
  examples: {
    flag: [
      { target: 'The strike will start on Thursday, September 20.', source: 'La grève commencera mardi 20 septembre.', flagged: ['Thursday'] },
      { target: 'The vote is set for June 3.', source: 'Le vote est prévu le 3 juillet.', flagged: ['June'] },
      { target: 'The vote is set for the 3rd.', source: 'Le vote est prévu le 3 juillet.', flagged: ['3rd'] },
    ],
    pass: [
      { target: 'The strike will start on Tuesday, September 20.', source: 'La grève commencera mardi 20 septembre.' },
      { target: 'The strike will start on Tue., Sept. 20.', source: 'La grève commencera mardi 20 septembre.' },
      { target: 'the strike will start on tuesday, september 20.', source: 'La grève commencera mardi 20 septembre.' },
      { target: 'The probe landed on Mars in May.', source: "La sonde s'est posée sur Mars en mai." },
      { target: 'Talks resumed on Monday.', source: 'Lundi, les discussions ont repris.' },
      { target: 'Prices may rise again.', source: 'Les prix pourraient encore augmenter.' },
      { target: 'The talks resumed.', source: 'Les discussions ont repris mercredi.', document: ['They had stopped on Wednesday morning.'] },
    ],
  },
  run(sentence, context): Flag[] {
    const source = sentence.source;
    const sourceProfile = context.source?.profile;
    if (!source || !sourceProfile || !context.target) return [];
    const wanted = readDateNames(source.words, sourceProfile);
    if (wanted.length === 0) return [];
    const found = readDateNames(sentence.words, context.target);
    const flags: Flag[] = [];
    for (const kind of ['month', 'weekday'] as const) {
      const wantedOfKind = wanted.filter((name) => name.kind === kind);
      const foundOfKind = found.filter((name) => name.kind === kind);
      const wrong = foundOfKind.filter((name) => !wantedOfKind.some((other) => other.value === name.value));
      for (const name of wantedOfKind) {
        if (foundOfKind.some((other) => other.value === name.value)) continue;
        const replacement = wrong.shift();
        if (replacement) {
          const { start, end } = replacement.word.token;
          flags.push(createFlag(dateMismatch, start, end, `"${sentence.text.slice(start, end)}" does not match "${name.word.token.text}" in the source: check the ${kind}.`));
          continue;
        }
        const elsewhere = readNeighbours(context, sentence.index).some((text) => readDateNames(readWords(text, context.target), context.target!).some((other) => other.kind === kind && other.value === name.value));
        const span = elsewhere ? undefined : source.links.locate(name.word.token.start, name.word.token.end);
        if (span && !flags.some((flag) => flag.start < span.end && span.start < flag.end)) {
          flags.push(createFlag(dateMismatch, span.start, span.end, `"${name.word.token.text}" of the source is not in the translation: check the date here.`));
        }
      }
    }
    return flags.sort((a, b) => a.start - b.start);
  }
} satisfies Check;

// Month and weekday names, written with the capital (or without) that the language gives them.
function readDateNames(words: readonly Word[], profile: LanguageProfile): DateName[] {
  const names: DateName[] = [];
  for (const word of words) {
    const month = profile.months.get(word.bare);
    const weekday = profile.weekdays.get(word.bare);
    if (month === undefined && weekday === undefined) continue;
    // A name that is also another word counts only with the case dates take: "may", "Mars".
    const ambiguous = profile.ambiguousDateNames.includes(word.bare);
    if (ambiguous && isCapitalised(word) !== profile.dateNamesCapitalized && !(word.initial && !profile.dateNamesCapitalized)) continue;
    if (month !== undefined) names.push({ word, kind: 'month', value: month });
    else if (weekday !== undefined) names.push({ word, kind: 'weekday', value: weekday });
  }
  return names;
}

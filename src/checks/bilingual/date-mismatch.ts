import { createFlag } from '../flag.js';
import type { Flag } from '../types.js';
import type { LanguageProfile } from './languages.js';
import type { BilingualCheck } from './types.js';
import { findSentenceSpan, isCapitalised, readWords, type Word } from './words.js';

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
    '("Tuesday, September 20"). Names come from each language\'s data, with abbreviations ("Sept.", "Tue."). ' +
    'Where a language capitalises them (English) only a capitalised word counts, so "may" the verb is not May; ' +
    'where it does not (French) only a lower-case word counts, so "Mars" the planet is not March. When the ' +
    'translation has another month or weekday instead, the flag points at it; when it has none, the flag ' +
    'covers the sentence. The day number is the number check\'s.',
  category: 'accuracy/mistranslation',
  severity: 'major',
  needsSource: true,
  run(target, source, context): Flag[] {
    if (!context.source || !context.target) return [];
    const wanted = readDateNames(source, context.source);
    if (wanted.length === 0) return [];
    const found = readDateNames(target, context.target);
    const flags: Flag[] = [];
    const dropped: string[] = [];
    for (const kind of ['month', 'weekday'] as const) {
      const wantedOfKind = wanted.filter((name) => name.kind === kind);
      const foundOfKind = found.filter((name) => name.kind === kind);
      const wrong = foundOfKind.filter((name) => !wantedOfKind.some((other) => other.value === name.value));
      for (const name of wantedOfKind) {
        if (foundOfKind.some((other) => other.value === name.value)) continue;
        const replacement = wrong.shift();
        if (replacement) {
          const { start, end } = replacement.word.token;
          flags.push(
            createFlag(dateMismatch, start, end, `"${target.slice(start, end)}" does not match "${name.word.token.text}" in the source: check the ${kind}.`)
          );
        } else {
          dropped.push(`"${name.word.token.text}"`);
        }
      }
    }
    const span = findSentenceSpan(target);
    if (dropped.length > 0 && span) {
      const message = `${dropped.join(', ')} of the source ${dropped.length === 1 ? 'is' : 'are'} not in the translation: check the date.`;
      flags.push(createFlag(dateMismatch, span[0], span[1], message));
    }
    return flags.sort((a, b) => a.start - b.start);
  }
} satisfies BilingualCheck;

// Month and weekday names, written with the capital (or without) that the language gives them.
function readDateNames(text: string, profile: LanguageProfile): DateName[] {
  const names: DateName[] = [];
  for (const word of readWords(text, profile)) {
    const month = profile.months.get(word.bare);
    const weekday = profile.weekdays.get(word.bare);
    if (month === undefined && weekday === undefined) continue;
    if (isCapitalised(word) !== profile.dateNamesCapitalized && !(word.initial && !profile.dateNamesCapitalized)) continue;
    if (month !== undefined) names.push({ word, kind: 'month', value: month });
    else if (weekday !== undefined) names.push({ word, kind: 'weekday', value: weekday });
  }
  return names;
}

import { createFlag, isSentenceStart, matchCase } from '../flag.js';
import type { Flag } from '../types.js';
import type { FalseFriendEntry } from './languages.js';
import type { BilingualCheck } from './types.js';
import { matchesPattern, readWords, type Word } from './words.js';

// How many words on each side of the source word its context may be: "condamné à trois ans de prison".
const CONTEXT_WINDOW = 6;
// How far after the matched word a `targetNot` word makes the match fine ("formation of the government").
const TARGET_NOT_WINDOW = 3;

/** A target word that copies the source word it translates, with another meaning. */
export const sourceFalseFriend = {
  id: 'source-false-friend',
  name: 'False friend of the source word',
  description:
    'Flags a target word that looks like the source word it renders but means something else: "actuellement" ' +
    'as "actually" (currently), "éventuel" as "eventual" (possible), "procès" as "process" (trial). Unlike the ' +
    'target-only false-friend check, it knows the source word, so it flags only when that word is there, and ' +
    'each entry of the pair\'s data names the context that decides: "condamner" is "sentence" only next to a ' +
    'penalty ("condamné à cinq ans de prison"), and "condemned" stays right for "condamner l\'attentat". ' +
    '"Porter plainte" rendered "filed a complaint" is accepted, since "complaint" is the legal term in English; ' +
    'only a calque such as "carried a complaint" is flagged.',
  category: 'accuracy/false-friend',
  severity: 'major',
  needsSource: true,
  run(target, source, context): Flag[] {
    const entries = context.pair?.falseFriends;
    if (!entries || entries.length === 0) return [];
    const lookAlikes = collectLookAlikes(entries);
    if (!readWords(target, context.target).some((word) => lookAlikes.has(word.bare))) return [];
    const sourceWords = readWords(source, context.source).map((word) => word.bare);
    const targetWords = readWords(target, context.target);
    const targetSet = new Set(targetWords.map((word) => word.bare));
    const targetText = ` ${targetWords.map((word) => word.bare).join(' ')} `;
    const flags: Flag[] = [];
    for (const entry of entries) {
      // The target look-alike is rarer than the source word: test it first.
      if (!entry.target.some((form) => targetSet.has(form))) continue;
      const index = sourceWords.findIndex((word) => entry.source.some((pattern) => matchesPattern(word, pattern)));
      const rendered = sourceWords[index];
      if (rendered === undefined) continue;
      const around = sourceWords.slice(Math.max(0, index - CONTEXT_WINDOW), index + CONTEXT_WINDOW + 1);
      if (entry.sourceContext && !hasAny(around, entry.sourceContext)) continue;
      if (entry.sourceNot && hasAny(sourceWords, entry.sourceNot)) continue;
      // The source word already has its right rendering ("actuel" as "current"): the look-alike renders
      // another word ("valeur réelle" as "actual value").
      if (entry.fixes.some((fix) => targetText.includes(` ${fix.toLowerCase()} `))) continue;
      targetWords.forEach((word, index) => {
        if (!entry.target.includes(word.bare) || !fitsTarget(entry, targetWords, index)) return;
        if (flags.some((flag) => flag.start === word.token.start)) return;
        flags.push(flagWord(target, word, rendered, entry));
      });
    }
    return flags.sort((a, b) => a.start - b.start);
  }
} satisfies BilingualCheck;

function flagWord(target: string, word: Word, rendered: string, entry: FalseFriendEntry): Flag {
  const { start, end, text } = word.token;
  const startsSentence = isSentenceStart(target, start);
  return createFlag(
    sourceFalseFriend,
    start,
    end,
    `"${text}" renders "${rendered}", which means ${entry.meaning}: write "${entry.fixes[0] ?? ''}" or rephrase.`,
    entry.fixes.map((fix) => matchCase(fix, text, startsSentence))
  );
}

// The entry's target context: the required next word, and no excusing word just after.
function fitsTarget(entry: FalseFriendEntry, words: Word[], index: number): boolean {
  if (entry.targetNext && !entry.targetNext.includes(words[index + 1]?.bare ?? '')) return false;
  if (entry.targetNot) {
    const after = words.slice(index + 1, index + 1 + TARGET_NOT_WINDOW).map((word) => word.bare);
    if (after.some((word) => entry.targetNot?.includes(word))) return false;
    const before = words[index - 1]?.bare ?? '';
    if (entry.targetNot.includes(before)) return false;
  }
  return true;
}

// Every target look-alike of a lexicon, to pass over most sentences at once.
const lookAlikeSets = new WeakMap<object, ReadonlySet<string>>();

function collectLookAlikes(entries: FalseFriendEntry[]): ReadonlySet<string> {
  let set = lookAlikeSets.get(entries);
  if (!set) {
    set = new Set(entries.flatMap((entry) => entry.target));
    lookAlikeSets.set(entries, set);
  }
  return set;
}

function hasAny(words: string[], patterns: string[]): boolean {
  return words.some((word) => patterns.some((pattern) => matchesPattern(word, pattern)));
}

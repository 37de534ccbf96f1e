import type { LanguageProfile } from '../languages/index.js';
import { readWords, type Word } from '../text/words.js';

/** A number written in a sentence, in digits or words, with the values it may stand for. */
export interface NumberMention {
  start: number;
  end: number;
  /** Canonical keys of the values (see `valueKey`): a separator or an hour can be read more than one way. */
  values: string[];
  /** Its digits alone ("3,5 millions" -> "35"), empty for words: a changed value with the same digits is a misread separator. */
  digits: string;
  /** Spelled out rather than in digits. */
  spelled: boolean;
  /** The values before a scale word ("70" of "70 billion"): a source may leave the scale implied ("98 autres milliards"). */
  bases: string[];
  /** Read from an ordinal, a word such as "both" or "dozen", or a word that is not always a number ("neuf" is
   * also "new"): a translation may say it another way, so it is not required. */
  alias?: boolean;
}

// Digits with inner dots, commas and spaces; which are separators is decided per language.
const DIGITS = /[0-9]+(?:[.,\u00a0\u202f ][0-9]+)*/g;
// Spaces that group thousands: ordinary, no-break and narrow no-break.
const SPACES = ' \u00a0\u202f';
// A group separator is followed by exactly three digits.
const GROUP = /^[0-9]{3}$/;
// Compiled per profile: the scale word after a number and the attached scale letter.
const scalePatterns = new Map<string, { spaced: RegExp; attached: RegExp }>();

/**
 * Every number in a sentence, read the way `profile`'s language writes them:
 * "20 000" and "3,5 millions" in French, "20,000" and "3.5 million" in English,
 * "vingt-cinq" and "twenty-five", "20h" as 20 or 8 o'clock.
 *
 * @param words `readWords(text, profile)`, when already read.
 */
export function readNumbers(text: string, profile: LanguageProfile, words: readonly Word[] = readWords(text, profile)): NumberMention[] {
  const mentions = readDigitNumbers(text, profile);
  for (const mention of readSpelledNumbers(text, words, profile)) {
    if (!mentions.some((other) => other.start < mention.end && mention.start < other.end)) mentions.push(mention);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** A value as a comparable key, at six significant digits so that 3.5e6 and 3500000 agree. */
export function valueKey(value: number): string {
  // Whole numbers below a million are their own six significant digits (most numbers of a sentence).
  if (Number.isInteger(value) && Math.abs(value) < 1e6) return String(value);
  return Number(value.toPrecision(6)).toString();
}

function readDigitNumbers(text: string, profile: LanguageProfile): NumberMention[] {
  const mentions: NumberMention[] = [];
  const { spaced, attached } = compileScales(profile);
  DIGITS.lastIndex = 0;
  for (let match = DIGITS.exec(text); match; match = DIGITS.exec(text)) {
    // A space is a separator only before exactly three digits, so that "2009 2010" stays two years;
    // the next search starts after what was kept.
    const raw = trimSpaceGroups(match[0]);
    const start = match.index;
    DIGITS.lastIndex = start + raw.length;
    let end = start + raw.length;
    const readings = readSeparators(raw, profile);
    const after = text.slice(end);
    let scale = 1;
    const attachedMatch = attached.exec(after);
    const spacedMatch = attachedMatch ? null : spaced.exec(after);
    const scaleMatch = attachedMatch ?? spacedMatch;
    if (scaleMatch?.[1]) {
      const word = scaleMatch[1].toLowerCase();
      scale = (attachedMatch ? profile.attachedScaleWords.get(word) : profile.scaleWords.get(word)) ?? 1;
      end += scaleMatch[0].length;
    }
    const values = new Set(readings.map((value) => valueKey(value * scale)));
    const bases = readings.map(valueKey);
    // A two-digit number may be a year: "1997-98", "the 90s".
    if (raw.length === 2) for (const century of [1900, 2000]) bases.push(valueKey(century + Number(raw)));
    if (profile.hourMarker && scale === 1) addHourReadings(values, readings, after, profile.hourMarker);
    mentions.push({ start, end, values: [...values], bases, digits: raw.replace(/\D/g, ''), spelled: false });
  }
  return mentions;
}

// "20h30", "20 h": the hour also reads on a twelve-hour clock, as English writes it ("8:30 pm").
function addHourReadings(values: Set<string>, readings: number[], after: string, marker: string): void {
  if (!after.startsWith(marker) && !after.startsWith(` ${marker}`)) return;
  for (const value of readings) if (value > 12 && value < 24) values.add(valueKey(value - 12));
}

// The value of a digit string in the language's convention or, when that cannot read it, in the other
// one: an English "3,5" written from French habit is still 3.5, a French "20.5" is 20.5.
function readSeparators(raw: string, profile: LanguageProfile): number[] {
  const parts = raw.split(/([.,\u00a0\u202f ])/);
  let own = '';
  let other = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    if (index % 2 === 0) {
      own += part;
      other += part;
      continue;
    }
    const threeAfter = GROUP.test(parts[index + 1] ?? '');
    const isSpace = SPACES.includes(part);
    own += (isSpace || profile.groupSeparators.includes(part)) && threeAfter ? '' : part === profile.decimalSeparator ? '.' : '|';
    other += isSpace ? (threeAfter ? '' : '|') : part === profile.decimalSeparator ? (threeAfter ? '' : '|') : '.';
  }
  for (const candidate of [own, other]) {
    if (!candidate.includes('|') && (candidate.match(/\./g)?.length ?? 0) <= 1) return [Number(candidate)];
  }
  return [Number(raw.replace(/\D/g, ''))];
}

// Drop a space-separated tail that is not a group of three: "2009 2010" -> "2009". A space before three
// digits groups thousands in any language (the SI style "100 000" is common in English too).
function trimSpaceGroups(raw: string): string {
  const pieces = raw.split(/(?=[\u00a0\u202f ])/);
  let kept = pieces[0] ?? raw;
  for (const piece of pieces.slice(1)) {
    const separator = piece.charAt(0);
    const rest = piece.slice(1);
    const head = /^[0-9]+/.exec(rest)?.[0] ?? '';
    if (head.length !== 3 || !SPACES.includes(separator)) break;
    kept += piece;
  }
  return kept;
}

// Runs of number words ("deux cents", "twenty-five", "vingt et un") and aliases ("both", "dozen").
function readSpelledNumbers(text: string, words: readonly Word[], profile: LanguageProfile): NumberMention[] {
  const mentions: NumberMention[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index];
    if (!word) break;
    const alias = profile.numberAliases.get(word.bare);
    if (alias !== undefined) {
      mentions.push({ start: word.token.start, end: word.token.end, values: [valueKey(alias)], bases: [valueKey(alias)], digits: '', spelled: true, alias: true });
      index++;
      continue;
    }
    let total = 0;
    let current = 0;
    let last = index;
    let found = false;
    let aliased = false;
    for (let next = index; next < words.length; next++) {
      const candidate = words[next];
      const previous = words[next - 1];
      // A run goes on across spaces and hyphens ("twenty - five"), never across an elision ("deux qu'une").
      if (!candidate || candidate.surface !== candidate.token.text) break;
      if (next > index && previous && !/^\s*-?\s*$/.test(text.slice(previous.token.end, candidate.token.start))) break;
      const parts = readNumberWord(candidate.bare, profile, found);
      // "a" and "un" count only before a hundred or more: "a thousand", not "a two-tier Europe".
      if (!found && parts && profile.articleNumbers.includes(candidate.bare)) {
        const following = words[next + 1];
        const size = following ? profile.numberWords.get(following.bare) ?? profile.scaleWords.get(following.bare) ?? 0 : 0;
        if (size < 100) break;
      }
      if (parts === null) {
        if (found && profile.numberConnectors.includes(candidate.bare) && next + 1 < words.length) continue;
        break;
      }
      if (parts.alias) aliased = true;
      for (const part of parts.values) {
        if (part === 100) current = Math.max(current, 1) * 100;
        else if (part >= 1000) {
          total += Math.max(current, 1) * part;
          current = 0;
        } else current += part;
      }
      found = true;
      last = next;
      if (parts.partial) break;
    }
    if (!found) {
      index++;
      continue;
    }
    const first = words[index];
    const final = words[last];
    if (last === index && first && profile.ambiguousNumberWords.includes(first.bare)) aliased = true;
    const base = total + current;
    let value = base;
    let end = final?.token.end ?? 0;
    const scaleWord = words[last + 1];
    const scale = scaleWord ? profile.scaleWords.get(scaleWord.bare) : undefined;
    if (scale !== undefined && scale > 1000) {
      value *= scale;
      end = scaleWord?.token.end ?? end;
    }
    mentions.push({ start: first?.token.start ?? 0, end, values: [valueKey(value)], bases: [valueKey(base)], digits: '', spelled: true, alias: aliased });
    index = last + 1;
  }
  return mentions;
}

// A number word, or a hyphenated run of them ("quatre-vingt-dix-sept" -> 90, 7), or one that starts a
// compound ("two-thirds", "five-year": `partial`, the run ends there); null when it is not one. Words
// such as "cents" only continue a run: "quatre cents" is 400, but "80 cents" and "pour cent" are not.
function readNumberWord(word: string, profile: LanguageProfile, continuing: boolean): { values: number[]; partial: boolean; alias: boolean } | null {
  if (!continuing && profile.numberWordsNotAlone.includes(word)) return null;
  const whole = profile.numberWords.get(word);
  if (whole !== undefined) return { values: [whole], partial: false, alias: false };
  const hyphen = word.indexOf('-');
  if (hyphen < 0 || !profile.numberWords.has(word.slice(0, hyphen))) return null;
  const pieces = word.split('-');
  const values: number[] = [];
  let from = 0;
  while (from < pieces.length) {
    let to = pieces.length;
    while (to > from && !profile.numberWords.has(pieces.slice(from, to).join('-'))) to--;
    if (to === from) break;
    values.push(profile.numberWords.get(pieces.slice(from, to).join('-')) ?? 0);
    from = to;
  }
  // An ordinal ends the compound: "dix-neuvième" is 19, "twenty-first" 21.
  const ordinal = from === pieces.length - 1 ? profile.numberAliases.get(pieces[from] ?? '') : undefined;
  if (values.length > 0 && ordinal !== undefined) return { values: [...values, ordinal], partial: false, alias: true };
  return values.length > 0 ? { values, partial: from < pieces.length, alias: false } : null;
}

function compileScales(profile: LanguageProfile): { spaced: RegExp; attached: RegExp } {
  const cached = scalePatterns.get(profile.code);
  if (cached) return cached;
  const alternatives = (words: ReadonlyMap<string, number>): string =>
    [...words.keys()].sort((a, b) => b.length - a.length).join('|') || '(?!)';
  const compiled = {
    spaced: new RegExp(`^[\\u00a0\\u202f ]?(${alternatives(profile.scaleWords)})(?![\\p{L}\\p{N}])`, 'iu'),
    attached: new RegExp(`^(${alternatives(profile.attachedScaleWords)})(?![\\p{L}\\p{N}])`, 'iu')
  };
  scalePatterns.set(profile.code, compiled);
  return compiled;
}

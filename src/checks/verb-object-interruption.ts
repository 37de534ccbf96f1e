import data from '../languages/en/time-adverbials.json' with { type: 'json' };
import { createFlag } from './flag.js';
import type { Token } from '../text/tokenize.js';
import { isNumberToken } from './word-classes.js';
import type { Check, Flag } from './types.js';

const MONTHS = new Set(data.months);
const WEEKDAYS = new Set(data.weekdays);
const DAY_PARTS = new Set(data.dayParts);
const RELATIVE = new Set(data.relative);
const PERIODS = new Set(data.periods);
const SINGLE = new Set(data.single);
// Verbs that take a clause ("said Monday the company would..."): only a possessive proves an object after them.
const REPORTING = new Set(data.reportingVerbs);
// Possessives open a noun phrase that can only be the object.
const OBJECT_OPENERS = new Set(data.objectOpeners);
// Articles open the object too, unless a reporting verb lets them open a clause.
const ARTICLES = new Set(['the', 'a', 'an']);

/** A time adverbial or adverb put between a verb and its object: "indicated in early August its interest". */
export const verbObjectInterruption = {
  id: 'verb-object-interruption',
  name: 'Adverbial between verb and object',
  description:
    'French puts dates and adverbs between the verb and its object ("a indiqué début août son intérêt"); ' +
    'machine translation keeps that order ("indicated in early August its interest"). English keeps the verb ' +
    'and its object together and moves the adverbial to the end or the front.',
  category: 'fluency/word-order',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: "Renault presented on Tuesday its new electric car.", flagged: ["presented on Tuesday its new"] },
      { target: "The group confirmed in late March its decision to close the plant.", flagged: ["confirmed in late March its decision"] },
    ],
    pass: [
      { target: "Renault presented its new electric car on Tuesday." },
      { target: "The minister said on Monday the company would close." },
      { target: "He was appointed in August." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const verb = tokens[index];
      if (!verb || !isPastOrPresentVerb(verb)) continue;
      const adverbialEnd = matchAdverbial(tokens, index + 1);
      if (adverbialEnd < 0) continue;
      const opener = tokens[adverbialEnd];
      if (!opener) continue;
      const isObject = OBJECT_OPENERS.has(opener.norm) || (ARTICLES.has(opener.norm) && !REPORTING.has(verb.norm));
      if (!isObject) continue;
      const head = tokens[adverbialEnd + 1];
      const end = head && head.kind === 'word' ? head.end : opener.end;
      const found = sentence.slice(verb.start, end);
      const adverbial = sentence.slice(tokens[index + 1]?.start ?? verb.end, tokens[adverbialEnd - 1]?.end ?? verb.end);
      flags.push(
        createFlag(
          verbObjectInterruption,
          verb.start,
          end,
          `"${found}" puts "${adverbial}" between the verb and its object, as French does: move it after the object or to the front.`
        )
      );
    }
    return flags;
  }
} satisfies Check;

// A past form in -ed or a third-person -s verb is enough: the adverbial and the object opener do the rest.
function isPastOrPresentVerb(token: Token): boolean {
  return token.kind === 'word' && token.norm.length > 3 && /(?:ed)$/.test(token.norm);
}

// Returns the index after the adverbial starting at `from`, or -1.
function matchAdverbial(tokens: readonly Token[], from: number): number {
  const first = tokens[from];
  if (!first) return -1;
  if (SINGLE.has(first.norm) && first.norm.length > 3) {
    // "announced again the" is enough; "also" and "still" are too often right before a noun phrase subject.
    return first.norm === 'also' || first.norm === 'still' || first.norm === 'now' || first.norm === 'then' ? -1 : from + 1;
  }
  if (first.kind === 'word' && first.norm.endsWith('ly') && first.norm.length > 5 && !ADJECTIVE_LY.has(first.norm)) {
    return from + 1;
  }
  let index = from;
  if (first.norm === 'on' || first.norm === 'in' || first.norm === 'at' || first.norm === 'since' || first.norm === 'by') {
    index++;
    if (first.norm === 'at' && tokens[index]?.norm === 'the' && tokens[index + 1]?.norm === 'end' && tokens[index + 2]?.norm === 'of') {
      index += 3;
    }
  }
  const start = index;
  while (index < tokens.length) {
    const token = tokens[index];
    if (!token) break;
    if (
      MONTHS.has(token.norm) ||
      WEEKDAYS.has(token.norm) ||
      DAY_PARTS.has(token.norm) ||
      RELATIVE.has(token.norm) ||
      PERIODS.has(token.norm) ||
      (isNumberToken(token) && index > start) ||
      (token.norm === 'the' && index === start)
    ) {
      index++;
    } else {
      break;
    }
  }
  if (index === start) return -1;
  // The adverbial must name a time: a month, a weekday, a day part or a period.
  for (let check = start; check < index; check++) {
    const norm = tokens[check]?.norm ?? '';
    if (MONTHS.has(norm) || WEEKDAYS.has(norm) || DAY_PARTS.has(norm) || PERIODS.has(norm)) return index;
  }
  return -1;
}

// -ly words that are adjectives or nouns, not adverbs.
const ADJECTIVE_LY = new Set(['family', 'italy', 'july', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'only', 'likely', 'elderly', 'friendly', 'holy', 'ugly', 'lonely', 'lovely', 'costly', 'deadly', 'orderly', 'rally', 'supply', 'apply', 'reply', 'ally', 'assembly', 'anomaly', 'monopoly', 'jolly', 'silly', 'timely', 'kindly', 'hourly', 'quarterly', 'nightly', 'unlikely', 'manly', 'womanly', 'beastly', 'bodily', 'lowly', 'scholarly', 'burly', 'curly']);

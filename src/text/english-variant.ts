import data from '../languages/en/spelling-variants.json' with { type: 'json' };
import { tokenize } from './tokenize.js';

/** The English a document is spelled in: American or British. "Not chosen and cannot tell" is `undefined`. */
export type EnglishVariant = 'us' | 'uk';

/** A word spelled the way one variant only spells it, and its spelling in the other. */
export interface VariantSpelling {
  variant: EnglishVariant;
  /** The same word in the other variant. */
  other: string;
}

// British spelling -> American, and back for the American forms that British English does not use.
const BRITISH_TO_AMERICAN = new Map(Object.entries(data.britishToAmerican));
const AMBIGUOUS_AMERICAN = new Set(data.ambiguousAmerican);
const AMERICAN_TO_BRITISH = new Map([...BRITISH_TO_AMERICAN].filter(([, american]) => !AMBIGUOUS_AMERICAN.has(american)).map(([british, american]) => [american, british]));
// Words in -ise that keep -ise in American English ("advise", "exercise").
const ISE_EXCEPTIONS = new Set(data.iseExceptions);
// Longer exceptions also end longer words ("overexercise").
const LONG_ISE_EXCEPTIONS = data.iseExceptions.filter((exception) => exception.length > 6);
// -isation, -ise, -ised, -ising, -ises, -iser(s): the -ize family.
const ISE_FAMILY = /^([a-z]{3,})is(ation|ations|e|ed|es|ing|er|ers)$/;
// Stems English really builds -ize verbs on; other words in -ise are not of the family ("cerise").
const IZE_STEM = /(?:al|ar|an|en|on|in|ic|iz|at|ut|ur|er|or|om|im|og|ag|em|it|ot|yt|ys|ph|ct|nt|st|rt)$/;
// A guess needs this many spellings of one variant, and at least this many times those of the other.
const MIN_EVIDENCE = 2;
const MIN_MAJORITY = 2;

/**
 * The variant a lower-case word's spelling belongs to, when only one variant spells it so:
 * "defence" is British (American "defense"), "labor" American (British "labour"). The -ize
 * spellings are not American only (British publishers use them too), so only -ise counts.
 */
export function readVariantSpelling(word: string): VariantSpelling | undefined {
  const american = BRITISH_TO_AMERICAN.get(word) ?? toIze(word);
  if (american) return { variant: 'uk', other: american };
  const british = AMERICAN_TO_BRITISH.get(word);
  return british ? { variant: 'us', other: british } : undefined;
}

/**
 * Guess from a text's own spellings whether it is written in American or British English: the
 * variant of at least two of its variant spellings and twice as many as the other's, otherwise
 * `undefined`. Capitalised words are names ("Labour Party", "Pearl Harbor") and do not count.
 */
export function guessEnglishVariant(text: string): EnglishVariant | undefined {
  let us = 0;
  let uk = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'word' || token.text !== token.norm) continue;
    const spelling = readVariantSpelling(token.norm);
    if (spelling?.variant === 'us') us++;
    else if (spelling?.variant === 'uk') uk++;
  }
  if (us >= MIN_EVIDENCE && us >= MIN_MAJORITY * uk) return 'us';
  if (uk >= MIN_EVIDENCE && uk >= MIN_MAJORITY * us) return 'uk';
  return undefined;
}

/** The variant a BCP 47 tag names ("en-GB", "en-US"), or undefined for plain "en". */
export function variantOfLanguageTag(tag: string): EnglishVariant | undefined {
  const region = tag.toLowerCase().split(/[-_]/)[1];
  if (region === 'us') return 'us';
  if (region === 'gb' || region === 'uk' || region === 'ie' || region === 'au' || region === 'nz') return 'uk';
  return undefined;
}

function toIze(word: string): string | undefined {
  const match = ISE_FAMILY.exec(word);
  if (!match) return undefined;
  const stem = match[1] ?? '';
  const ending = match[2] ?? '';
  const verb = `${stem}ise`;
  if (ISE_EXCEPTIONS.has(verb) || LONG_ISE_EXCEPTIONS.some((exception) => verb.endsWith(exception))) return undefined;
  if (!IZE_STEM.test(stem)) return undefined;
  return `${stem}iz${ending}`;
}

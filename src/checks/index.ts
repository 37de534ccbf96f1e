import { asideWithoutCommas } from './aside-without-commas.js';
import { companyDescriptor } from './company-descriptor.js';
import { currencyFormat } from './currency-format.js';
import { doubleNegative } from './double-negative.js';
import { doubledPunctuation } from './doubled-punctuation.js';
import { falseFriends } from './false-friends.js';
import { frenchDate } from './french-date.js';
import { frenchHonorific } from './french-honorific.js';
import { frenchQuotes } from './french-quotes.js';
import { inanimatePronoun } from './inanimate-pronoun.js';
import { indefiniteArticle } from './indefinite-article.js';
import { intransitiveObject } from './intransitive-object.js';
import { nameConsistency } from './name-consistency.js';
import { numberFormat } from './number-format.js';
import { repeatedWord } from './repeated-word.js';
import { spaceBeforePunctuation } from './space-before-punctuation.js';
import { spelling } from './spelling.js';
import type { Check } from './types.js';
import { unbalancedPairs } from './unbalanced-pairs.js';
import { untranslatedText } from './untranslated-text.js';
import { usSpelling } from './us-spelling.js';
import { verbObjectInterruption } from './verb-object-interruption.js';

/**
 * The registry: every check, in the order their flags win a tie on the same
 * span. Adding a check is one line here.
 */
export const checks: readonly Check[] = [
  falseFriends,
  intransitiveObject,
  asideWithoutCommas,
  verbObjectInterruption,
  doubleNegative,
  companyDescriptor,
  inanimatePronoun,
  untranslatedText,
  nameConsistency,
  frenchQuotes,
  spaceBeforePunctuation,
  numberFormat,
  frenchDate,
  currencyFormat,
  frenchHonorific,
  usSpelling,
  spelling,
  repeatedWord,
  indefiniteArticle,
  doubledPunctuation,
  unbalancedPairs
];

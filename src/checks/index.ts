import { asideWithoutCommas } from './aside-without-commas.js';
import { companyDescriptor } from './company-descriptor.js';
import { currencyFormat } from './currency-format.js';
import { dateMismatch } from './date-mismatch.js';
import { doubleNegative } from './double-negative.js';
import { doubledPunctuation } from './doubled-punctuation.js';
import { falseFriends } from './false-friends.js';
import { frenchDate } from './french-date.js';
import { frenchHonorific } from './french-honorific.js';
import { frenchQuotes } from './french-quotes.js';
import { inanimatePronoun } from './inanimate-pronoun.js';
import { indefiniteArticle } from './indefinite-article.js';
import { intransitiveObject } from './intransitive-object.js';
import { lengthRatio } from './length-ratio.js';
import { missingName } from './missing-name.js';
import { nameConsistency } from './name-consistency.js';
import { negationMismatch } from './negation-mismatch.js';
import { numberFormat } from './number-format.js';
import { numberMismatch } from './number-mismatch.js';
import { pronounGender } from './pronoun-gender.js';
import { quoteMismatch } from './quote-mismatch.js';
import { repeatedWord } from './repeated-word.js';
import { spaceBeforePunctuation } from './space-before-punctuation.js';
import { spelling } from './spelling.js';
import { spellingVariant } from './spelling-variant.js';
import { newsroomEntry } from './newsroom-entry.js';
import type { Check } from './types.js';
import { unbalancedPairs } from './unbalanced-pairs.js';
import { untranslatedSentence } from './untranslated-sentence.js';
import { untranslatedText } from './untranslated-text.js';
import { untranslatedWord } from './untranslated-word.js';
import { verbObjectInterruption } from './verb-object-interruption.js';

/**
 * The registry: every check, those that read the translation alone and those that compare it
 * with its source (`needs: 'source'`), in the order their flags win a tie on the same span.
 * Adding a check is one line here.
 */
export const checks: readonly Check[] = [
  // The newsroom's own entries first: an editor's rule wins a tie with any built-in check.
  newsroomEntry,
  untranslatedSentence,
  falseFriends,
  untranslatedWord,
  numberMismatch,
  dateMismatch,
  negationMismatch,
  missingName,
  pronounGender,
  quoteMismatch,
  lengthRatio,
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
  spellingVariant,
  spelling,
  repeatedWord,
  indefiniteArticle,
  doubledPunctuation,
  unbalancedPairs
];

import { dateMismatch } from './date-mismatch.js';
import { lengthRatio } from './length-ratio.js';
import { missingName } from './missing-name.js';
import { negationMismatch } from './negation-mismatch.js';
import { numberMismatch } from './number-mismatch.js';
import { quoteMismatch } from './quote-mismatch.js';
import { sourceFalseFriend } from './source-false-friend.js';
import type { BilingualCheck } from './types.js';
import { untranslatedSentence } from './untranslated-sentence.js';
import { untranslatedWord } from './untranslated-word.js';

/**
 * The registry of checks that compare a translation with its source, in the
 * order their flags are listed on the same span. Adding a check is one line here.
 */
export const bilingualChecks: readonly BilingualCheck[] = [
  untranslatedSentence,
  numberMismatch,
  dateMismatch,
  negationMismatch,
  sourceFalseFriend,
  untranslatedWord,
  missingName,
  quoteMismatch,
  lengthRatio
];

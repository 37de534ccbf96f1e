import type { Flag, Severity } from '../types.js';
import type { LanguageProfile, PairProfile } from './languages.js';

/**
 * Document-level facts the bilingual checks share, prepared once by
 * `createBilingualContext`. A missing profile means the checks cannot tell for
 * that language, and those that need it stay silent.
 */
export interface BilingualContext {
  /** BCP 47 code of the source article, e.g. `fr`. */
  sourceLanguage: string;
  /** BCP 47 code of the translation, e.g. `en`. */
  targetLanguage: string;
  /** How the source language writes numbers, dates, quotes and negation, when known. */
  source: LanguageProfile | undefined;
  /** The same for the target language. */
  target: LanguageProfile | undefined;
  /** Facts about the language pair (length model, exonyms, false friends), when known. */
  pair: PairProfile | undefined;
}

/**
 * A check that compares a target sentence with the source sentence(s) it was
 * aligned to. Flags use the target-only checks' shape: offsets point into the
 * target sentence.
 */
export interface BilingualCheck {
  /** kebab-case, stable, distinct from the target-only checks' ids. */
  id: string;
  name: string;
  /** The long explanation; flag messages stay one sentence. */
  description: string;
  category: string;
  severity: Severity;
  /** Marks the check as one that runs only when the source is known. */
  needsSource: true;
  run(target: string, source: string, context: BilingualContext): Flag[];
}

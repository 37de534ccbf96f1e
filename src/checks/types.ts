import type { LanguageProfile, PairProfile } from '../languages/index.js';
import type { SegmentRole } from '../model.js';
import type { EnglishVariant } from '../text/english-variant.js';
import type { ReadText } from '../text/words.js';
import type { CheckRules, CompiledRules } from './newsroom-rules.js';
import type { WordLinks } from './word-links.js';

/** How much a finding matters: a minor polish, a major error of meaning or grammar, a critical one. */
export type Severity = 'minor' | 'major' | 'critical';

/**
 * One finding in one sentence, LanguageTool-style: half-open UTF-16 offsets
 * (as `String.prototype.slice` uses), never empty, with replacement texts for
 * `[start, end)` kept apart from the message.
 */
export interface Flag {
  checkId: string;
  /** The lexicon entry that raised the flag, for a check driven by a lexicon; null for the others. */
  entryId: string | null;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  suggestions: string[];
  /**
   * The suggestions are hints: shown, but not applied with one key, because the check or entry
   * moved sentences away from what editors wrote more often than closer (`npm run eval`).
   */
  hint: boolean;
}

/** A segment of the document, in document order; `paragraph` numbers the block it came from. */
export interface DocumentSegment {
  text: string;
  paragraph: number;
}

/** A capitalised multi-word name seen in the document, with how often each casing was used. */
export interface NameForms {
  /** The casing used most often (ties go to the first seen). */
  preferred: string;
  /** Every casing seen, with its count. */
  forms: ReadonlyMap<string, number>;
}

/** The source article of a document, aligned sentence by sentence. */
export interface DocumentSource {
  /** BCP 47 code of the source, e.g. `fr`. */
  language: string;
  /** How the source language writes numbers, dates, quotes and negation, when known. */
  profile: LanguageProfile | undefined;
  /** Facts about the language pair (length model, exonyms), when known. */
  pair: PairProfile | undefined;
  /** The source text aligned to each segment (several source sentences joined by a space), '' when none. */
  texts: readonly string[];
}

/**
 * Document-level facts prepared once by `createCheckContext`, so that running
 * the checks on one sentence stays cheap and pure.
 */
export interface CheckContext {
  /** BCP 47 code of the language the sentences should be in, e.g. `en`. */
  targetLanguage: string;
  /** The target language's data (numbers, dates, quotation marks, word list), when known. */
  target: LanguageProfile | undefined;
  segments: readonly DocumentSegment[];
  /** Role of each segment, same order as `segments`. */
  roles: readonly SegmentRole[];
  /** Lower-cased name (two or more words) -> its casings in the document. */
  names: ReadonlyMap<string, NameForms>;
  /** Lower-cased word tokens of the whole document joined by single spaces, padded with a space each side. */
  documentWords: string;
  /** The English spelling the document follows; undefined when neither chosen nor guessed. */
  variant: EnglishVariant | undefined;
  /** Whether a quotation opened in an earlier sentence of the paragraph is still open where each segment starts. */
  quoteOpenBefore: readonly boolean[];
  /** The source article, when one is attached. */
  source: DocumentSource | undefined;
  /** The newsroom rules that hold in the document, when it has any. */
  rules: CompiledRules | undefined;
}

/**
 * The aligned source of one sentence, as the checks that compare read it: its tokens and words
 * (read with the source language's elisions) read once by the runner.
 */
export interface SourceSentence extends ReadText {
  /** Word-level links between the source and the translation, built on first use. */
  readonly links: WordLinks;
}

/**
 * One sentence as every check reads it: tokenised and its words read once by the runner (with
 * the target language's elisions), so that no check reads them again.
 */
export interface Sentence extends ReadText {
  /** The tokens' lower-case forms joined by spaces, padded (`joinNorms`). */
  norms: string;
  /** Position in the document. */
  index: number;
  /** The aligned source sentence(s), when the document has a source and this sentence is linked. */
  source: SourceSentence | undefined;
}

/** A sentence a check or a lexicon entry must flag or pass, run by one table test. */
export interface CheckExample {
  target: string;
  /** The aligned source, for what needs one. */
  source?: string;
  /** For a flag example: the texts the check's flags cover, in order (defaults to "at least one"). */
  flagged?: string[];
  /** For a flag example: the target once the first flag's first suggestion is applied. */
  fixed?: string;
  /** Sentences of the same paragraph after this one, for checks that read the document. */
  document?: string[];
  /** The English spelling chosen for the document. */
  variant?: EnglishVariant;
  /** Newsroom rules holding in the document. */
  rules?: CheckRules;
}

/** What a check or a lexicon entry must flag and must pass. */
export interface CheckExamples {
  flag: CheckExample[];
  pass: CheckExample[];
}

/**
 * A check in the Weblate sense: metadata plus one pure method. A check that
 * compares with the source says so in `needs` and runs only on sentences that
 * have one; its flags still point into the translation.
 */
export interface Check {
  /** kebab-case, stable: stored findings keep only this id. */
  id: string;
  name: string;
  /** The long explanation; flag messages stay one sentence. */
  description: string;
  category: string;
  severity: Severity;
  needs: 'translation' | 'source';
  /** Its suggestions are hints, not applied with one key (see `Flag.hint`). */
  hint?: boolean;
  examples: CheckExamples;
  run(sentence: Sentence, context: CheckContext): Flag[];
}

import type { SegmentRole } from '../model.js';

/** How much a finding matters: a minor polish, a major error of meaning or grammar, a critical one. */
export type Severity = 'minor' | 'major' | 'critical';

/**
 * One finding in one sentence, LanguageTool-style: half-open UTF-16 offsets
 * (as `String.prototype.slice` uses), never empty, with replacement texts for
 * `[start, end)` kept apart from the message.
 */
export interface Flag {
  checkId: string;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  suggestions: string[];
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

/**
 * Document-level facts prepared once by `createCheckContext`, so that running
 * the checks on one sentence stays cheap and pure.
 */
export interface CheckContext {
  /** BCP 47 code of the language the sentences should be in, e.g. `en`. */
  targetLanguage: string;
  segments: readonly DocumentSegment[];
  /** Role of each segment, same order as `segments`. */
  roles: readonly SegmentRole[];
  /** Lower-cased name (two or more words) -> its casings in the document. */
  names: ReadonlyMap<string, NameForms>;
  /** Lower-cased word tokens of the whole document joined by single spaces, padded with a space each side. */
  documentWords: string;
}

/** A check in the Weblate sense: metadata plus one pure method. */
export interface Check {
  /** kebab-case, stable: stored findings keep only this id. */
  id: string;
  name: string;
  /** The long explanation; flag messages stay one sentence. */
  description: string;
  category: string;
  severity: Severity;
  run(sentence: string, context: CheckContext, index: number): Flag[];
}

import type { Check, Flag, Severity } from './types.js';

/** Per-flag overrides of the check's defaults, for checks driven by a lexicon. */
export interface FlagOverrides {
  category?: string | undefined;
  severity?: Severity | undefined;
  /** The lexicon entry behind the flag. */
  entryId?: string | undefined;
  /** Show the suggestions as hints (see `Flag.hint`); defaults to the check's own setting. */
  hint?: boolean | undefined;
}

/**
 * Build a flag for `check` over `[start, end)` of the sentence.
 *
 * @throws {RangeError} On an empty or inverted span: a flag always points at text.
 */
export function createFlag(
  check: Pick<Check, 'id' | 'category' | 'severity' | 'hint'>,
  start: number,
  end: number,
  message: string,
  suggestions: readonly string[] = [],
  overrides: FlagOverrides = {}
): Flag {
  if (!(end > start) || start < 0) throw new RangeError(`Empty flag span [${start}, ${end}) from ${check.id}`);
  return {
    checkId: check.id,
    entryId: overrides.entryId ?? null,
    category: overrides.category ?? check.category,
    severity: overrides.severity ?? check.severity,
    start,
    end,
    message,
    suggestions: [...suggestions],
    hint: suggestions.length > 0 && (overrides.hint ?? check.hint ?? false)
  };
}

// An all-caps word of two or more letters ("US", "IT", "EU") is an acronym: its capitals say nothing about sentence casing.
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&.-]+$/u;

/**
 * Give a suggestion the initial capital the replaced text needs: when the span
 * starts the sentence, or when its first word is capitalised as an ordinary
 * word ("Tenant" -> "Occupant"). An acronym first ("US IT giant", "IT giant")
 * is not sentence casing, so the suggestion keeps its own case.
 *
 * @param replacement The suggestion as the lexicon writes it.
 * @param original The text the suggestion replaces.
 * @param startsSentence Whether the replaced text opens the sentence.
 */
export function matchCase(replacement: string, original: string, startsSentence = false): string {
  if (replacement.length === 0) return replacement;
  const firstWord = /^[\p{L}\p{N}'’&.-]+/u.exec(original)?.[0] ?? '';
  const initial = firstWord.charAt(0);
  const capitalised = initial !== initial.toLowerCase() && !ACRONYM.test(firstWord);
  if (!startsSentence && !capitalised) return replacement;
  return replacement.charAt(0).toUpperCase() + replacement.slice(1);
}

/** Whether `offset` is the sentence's first word: only spaces, quotes or brackets come before it. */
export function isSentenceStart(sentence: string, offset: number): boolean {
  return !/[\p{L}\p{N}]/u.test(sentence.slice(0, offset));
}

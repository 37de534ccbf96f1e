import type { Check, Flag, Severity } from './types.js';

/** Per-flag overrides of the check's defaults, for checks driven by a lexicon. */
export interface FlagOverrides {
  category?: string | undefined;
  severity?: Severity | undefined;
}

/**
 * Build a flag for `check` over `[start, end)` of the sentence.
 *
 * @throws {RangeError} On an empty or inverted span: a flag always points at text.
 */
export function createFlag(
  check: Pick<Check, 'id' | 'category' | 'severity'>,
  start: number,
  end: number,
  message: string,
  suggestions: readonly string[] = [],
  overrides: FlagOverrides = {}
): Flag {
  if (!(end > start) || start < 0) throw new RangeError(`Empty flag span [${start}, ${end}) from ${check.id}`);
  return {
    checkId: check.id,
    category: overrides.category ?? check.category,
    severity: overrides.severity ?? check.severity,
    start,
    end,
    message,
    suggestions: [...suggestions]
  };
}

/** Give a suggestion the initial capital of the text it replaces ("The" -> "Occupant"). */
export function matchCase(replacement: string, original: string): string {
  const first = original.charAt(0);
  if (first !== '' && first !== first.toLowerCase() && replacement.length > 0) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

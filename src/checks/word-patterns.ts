/** Word patterns of the language data: exact words, starts ("un*") and endings ("*less"), the last two as one expression each. */
export interface PatternSet {
  exact: ReadonlySet<string>;
  starts: RegExp | null;
  ends: RegExp | null;
}

/** Compile patterns as `matchesPattern` reads them. */
export function compilePatterns(patterns: readonly string[]): PatternSet {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const starts = patterns.filter((pattern) => pattern.endsWith('*')).map((pattern) => escape(pattern.slice(0, -1)));
  // An ending matches a longer word only: "less" is not "*less".
  const ends = patterns.filter((pattern) => pattern.startsWith('*')).map((pattern) => escape(pattern.slice(1)));
  return {
    exact: new Set(patterns.filter((pattern) => !pattern.includes('*'))),
    starts: starts.length > 0 ? new RegExp(`^(?:${starts.join('|')})`) : null,
    ends: ends.length > 0 ? new RegExp(`.(?:${ends.join('|')})$`) : null
  };
}

/** Whether a word matches any pattern of a compiled set. */
export function matchesAny(word: string, set: PatternSet): boolean {
  return set.exact.has(word) || (set.starts?.test(word) ?? false) || (set.ends?.test(word) ?? false);
}

/** Whether `pattern` matches `word`: equal, or with a `*` at one end standing for any start or ending ("un*", "*less"). */
export function matchesPattern(word: string, pattern: string): boolean {
  // Compared in place: this runs on many words of every sentence, and a cut pattern would be a new string each time.
  const stem = pattern.length - 1;
  if (pattern.endsWith('*')) return word.length >= stem && sameChars(word, 0, pattern, 0, stem);
  if (pattern.startsWith('*')) return word.length > pattern.length && sameChars(word, word.length - stem, pattern, 1, stem);
  return word === pattern;
}

// Whether `length` characters of `a` from `from` are those of `b` from `at`.
function sameChars(a: string, from: number, b: string, at: number, length: number): boolean {
  for (let offset = 0; offset < length; offset++) if (a.charCodeAt(from + offset) !== b.charCodeAt(at + offset)) return false;
  return true;
}

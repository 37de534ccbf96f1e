/** Word patterns of the language data: exact words, starts ("un*") and endings ("*less"). */
export interface PatternSet {
  exact: ReadonlySet<string>;
  starts: readonly string[];
  ends: readonly string[];
}

/** Compile patterns as `matchesPattern` reads them. */
export function compilePatterns(patterns: readonly string[]): PatternSet {
  return {
    exact: new Set(patterns.filter((pattern) => !pattern.includes('*'))),
    starts: patterns.filter((pattern) => pattern.endsWith('*')).map((pattern) => pattern.slice(0, -1)),
    ends: patterns.filter((pattern) => pattern.startsWith('*')).map((pattern) => pattern.slice(1))
  };
}

/** Whether a word matches any pattern of a compiled set. */
export function matchesAny(word: string, set: PatternSet): boolean {
  if (set.exact.has(word)) return true;
  for (const start of set.starts) if (word.startsWith(start)) return true;
  for (const end of set.ends) if (word.length > end.length && word.endsWith(end)) return true;
  return false;
}

/** Whether `pattern` matches `word`: equal, or with a `*` at one end standing for any start or ending ("un*", "*less"). */
export function matchesPattern(word: string, pattern: string): boolean {
  if (pattern.endsWith('*')) return word.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return word.endsWith(pattern.slice(1)) && word.length > pattern.length;
  return word === pattern;
}

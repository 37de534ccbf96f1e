/**
 * Every match of a global regular expression in a text, in order, as `String.prototype.matchAll`
 * gives them. `matchAll` copies the expression on each call (and makes an iterator); the checks
 * run a dozen expressions on every sentence, so the copies were a good share of the analysis's
 * garbage. The expression must not match the empty string: its `lastIndex` is used and reset.
 */
export function findMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) matches.push(match);
  pattern.lastIndex = 0;
  return matches;
}

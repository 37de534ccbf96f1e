import { diffForDisplay } from '../history/display-diff.js';
import type { PlannedReplacement } from '../services/search-replace.js';

/** Planned replacements with each change as a word diff, for a preview. */
export function toReplacementViews(matches: readonly PlannedReplacement[]) {
  return matches.map((match) => ({ ...match, diff: diffForDisplay(match.before, match.after) }));
}

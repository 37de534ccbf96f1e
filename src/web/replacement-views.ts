import { diffForDisplay } from '../history/display-diff.js';
import type { PropagationOffer } from '../services/propagate-correction.js';
import type { PlannedReplacement } from '../services/search-replace.js';

/** Planned replacements with each change as a word diff, for a preview. */
export function toReplacementViews(matches: readonly PlannedReplacement[]) {
  return matches.map((match) => ({ ...match, diff: diffForDisplay(match.before, match.after) }));
}

/** A propagation offer with each match's change as a word diff. */
export function toPropagationView(offer: PropagationOffer | null) {
  return offer && { rule: offer.rule, matches: toReplacementViews(offer.matches) };
}

import { diffForDisplay } from '../history/display-diff.js';
import type { Storage } from '../storage/types.js';
import { found } from './errors.js';
import { previewReplacements, type PlannedReplacement, type ReplaceRule } from './search-replace.js';
import { getSegmentVersion } from './segment-history.js';

/** A phrase this short ("a", "of") is too common to replace everywhere on the strength of one edit. */
const MIN_PHRASE_LETTERS = 3;

export interface PropagationOffer {
  rule: ReplaceRule;
  /** Other sentences, in this document and the others, that contain the replaced phrase. */
  matches: PlannedReplacement[];
}

/**
 * After a correction, find the other sentences that contain the phrase it replaced, so the
 * editor can fix them the same way. Only a correction that replaces or deletes one phrase is
 * offered: with several changes, or a pure insertion, there is no single phrase to look for.
 */
export async function offerPropagation(storage: Storage, segmentId: number): Promise<PropagationOffer | null> {
  const segment = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  if (segment.revision === 0) return null;
  const before = await getSegmentVersion(storage, segmentId, segment.revision - 1);
  const rule = extractReplacement(before, segment.text);
  if (!rule) return null;
  const matches = (await previewReplacements(storage, rule)).filter((match) => match.segmentId !== segmentId);
  return { rule, matches };
}

/**
 * The single phrase replacement that turns `before` into `after`, or null when there is none.
 * Changed words separated only by spaces form one phrase: "American activities" -> "US operations".
 */
export function extractReplacement(before: string, after: string): ReplaceRule | null {
  const parts = diffForDisplay(before, after);
  const first = parts.findIndex((part) => part.kind !== 'same');
  const last = parts.findLastIndex((part) => part.kind !== 'same');
  if (first < 0) return null;
  const region = parts.slice(first, last + 1);
  if (region.some((part) => part.kind === 'same' && part.text.trim() !== '')) return null;
  const removed = region.filter((part) => part.kind !== 'added').map((part) => part.text).join('');
  const added = region.filter((part) => part.kind !== 'removed').map((part) => part.text).join('');
  const replace = added.trim();
  // A deletion takes one neighbouring space with it, or the words around it would run together.
  const find = replace !== '' ? removed.trim() : /^\s.*\s$/su.test(removed) ? removed.trimStart() : removed;
  if ((find.match(/\p{L}/gu)?.length ?? 0) < MIN_PHRASE_LETTERS) return null;
  return { find, replace, caseSensitive: true, wholeWord: true };
}

import { diffForDisplay, type DiffPart } from '../history/display-diff.js';
import type { Storage } from '../storage/types.js';
import { getDocumentRecord } from './documents.js';
import { found } from './errors.js';
import { previewReplacements, type PlannedReplacement, type ReplaceRule } from './search-replace.js';
import { getSegmentVersion } from './segment-history.js';

/** A phrase this short ("a", "of") is too common to replace everywhere on the strength of one edit. */
const MIN_PHRASE_LETTERS = 3;

/** A sentence the same change fits, with the change shown as a word diff of the whole sentence. */
export interface PropagationMatch extends PlannedReplacement {
  diff: DiffPart[];
}

/** The matches of one document, under its title. */
export interface PropagationGroup {
  documentId: number;
  title: string;
  matches: PropagationMatch[];
}

export interface PropagationOffer {
  rule: ReplaceRule;
  /** The other sentences of the corrected sentence's own document that contain the replaced phrase. */
  sameDocument: PropagationGroup;
  /** Sentences of other documents, one group per document: never applied unless each is named (ticked). */
  otherDocuments: PropagationGroup[];
  /** What the offer holds, in words: "1 other sentence of this article contains “his party”; 2 in 1 other article do too." */
  summary: string;
}

/**
 * After a correction, find the other sentences that contain the phrase it replaced, so the
 * editor can fix them the same way: those of the same article apart from those of other
 * articles, each with its title and the change as a word diff. Only a correction that replaces
 * or deletes one phrase is offered: with several changes, or a pure insertion, there is no single
 * phrase to look for. Applying needs the sentences named one by one (POST /replacements with
 * `origin: "propagation"`), never "all".
 */
export async function offerPropagation(storage: Storage, segmentId: number): Promise<PropagationOffer | null> {
  const segment = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  if (segment.revision === 0) return null;
  const before = await getSegmentVersion(storage, segmentId, segment.revision - 1);
  const rule = extractReplacement(before, segment.text);
  if (!rule) return null;
  const groups = new Map<number, PropagationGroup>();
  const groupOf = async (documentId: number) => {
    let group = groups.get(documentId);
    if (!group) groups.set(documentId, (group = { documentId, title: (await getDocumentRecord(storage, documentId)).title, matches: [] }));
    return group;
  };
  const sameDocument = await groupOf(segment.documentId);
  for (const match of await previewReplacements(storage, rule)) {
    if (match.segmentId !== segmentId) (await groupOf(match.documentId)).matches.push({ ...match, diff: diffForDisplay(match.before, match.after) });
  }
  const otherDocuments = [...groups.values()].filter((group) => group !== sameDocument);
  if (sameDocument.matches.length === 0 && otherDocuments.length === 0) return { rule, sameDocument, otherDocuments, summary: '' };
  return { rule, sameDocument, otherDocuments, summary: summarizeOffer(rule.find, sameDocument.matches.length, otherDocuments) };
}

function summarizeOffer(find: string, here: number, elsewhere: readonly PropagationGroup[]): string {
  const there = elsewhere.reduce((sum, group) => sum + group.matches.length, 0);
  const articles = elsewhere.length === 1 ? '1 other article' : `${elsewhere.length} other articles`;
  const sentences = (count: number) => (count === 1 ? '1 sentence' : `${count} sentences`);
  if (there === 0) return `${here === 1 ? '1 other sentence' : `${here} other sentences`} of this article ${here === 1 ? 'contains' : 'contain'} “${find}”.`;
  if (here === 0) return `${sentences(there)} in ${articles} ${there === 1 ? 'contains' : 'contain'} “${find}”.`;
  return `${here === 1 ? '1 other sentence' : `${here} other sentences`} of this article ${here === 1 ? 'contains' : 'contain'} “${find}”; `
    + `${sentences(there)} in ${articles} ${there === 1 ? 'does' : 'do'} too.`;
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

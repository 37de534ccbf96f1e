import { pairLexicon } from '../checks/false-friends.js';
import type { CheckContext, NameForms } from '../checks/types.js';
import { joinNorms, tokenize } from '../text/tokenize.js';

/** One sentence whose text changed, with its text before and after. */
export interface ChangedText {
  position: number;
  before: string;
  after: string;
}

/**
 * The sentences whose flags can differ once some sentences' texts changed, besides those
 * sentences themselves: every check reads its own sentence, and a few read the document around
 * it through the check context (src/checks/run.ts createCheckContext). Each fact of the context
 * that can change is compared before and after; the sentences that read a fact that changed are
 * the dependents. 'all' when a change reaches every sentence (a condition of the lexicon on the
 * whole document's words came true or stopped being).
 *
 * The list follows the checks (a check that reads a new document-wide fact needs a line here);
 * tests/analysis/dependents.test.ts holds it to a whole analysis on random edits.
 */
export function findDependents(before: CheckContext, after: CheckContext, changed: readonly ChangedText[]): Set<number> | 'all' {
  if (hasDocumentConditionChanged(before, after)) return 'all';
  const count = after.segments.length;
  const dependents = new Set<number>();
  const add = (position: number) => {
    if (position >= 0 && position < count) dependents.add(position);
  };
  for (const { position, before: old, after: text } of changed) {
    add(position);
    // Missing names, numbers and dates look in the sentences on each side (neighbours.ts).
    add(position - 1);
    add(position + 1);
    // Unbalanced pairs read the paragraph when the sentence itself is unbalanced.
    if (PAIR_MARKS.test(old) || PAIR_MARKS.test(text)) {
      for (const other of paragraphOf(after, position)) if (PAIR_MARKS.test(after.segments[other]!.text)) add(other);
    }
    // The length ratio adds the sentences aligned to the same source sentence.
    for (const other of sharingSource(after, position)) add(other);
  }
  // A role decides which checks run on a sentence, whether its neighbours read it, and whether its
  // names count; roles depend on neighbours and on the end of the page.
  for (let position = 0; position < count; position++) {
    if (before.roles[position] !== after.roles[position]) {
      add(position - 1);
      add(position);
      add(position + 1);
    }
    // Quotation marks: whether a quotation opened earlier in the paragraph is still open.
    if (before.quoteOpenBefore[position] !== after.quoteOpenBefore[position]) add(position);
  }
  const names = changedNames(before.names, after.names);
  if (names.length > 0) for (const position of findMentions(after, names)) add(position);
  return dependents;
}

// The marks unbalanced-pairs.ts pairs: a sentence without any is never flagged by it.
const PAIR_MARKS = /[()[\]“”«»"]/;

// Entries of the lexicon that fire only when the document holds one of some words.
const DOCUMENT_CONDITIONS: readonly (readonly string[])[] = pairLexicon.flatMap((entry) => (entry.documentHas ? [entry.documentHas] : []));

function hasDocumentConditionChanged(before: CheckContext, after: CheckContext): boolean {
  if (DOCUMENT_CONDITIONS.length === 0) return false;
  const holds = (words: string, phrases: readonly string[]) => phrases.some((phrase) => words.includes(` ${phrase} `));
  const [old, now] = [before.documentWords, after.documentWords];
  return DOCUMENT_CONDITIONS.some((phrases) => holds(old, phrases) !== holds(now, phrases));
}

function* paragraphOf(context: CheckContext, position: number): Generator<number> {
  const paragraph = context.segments[position]!.paragraph;
  let first = position;
  while (first > 0 && context.segments[first - 1]!.paragraph === paragraph) first--;
  for (let other = first; other < context.segments.length && context.segments[other]!.paragraph === paragraph; other++) yield other;
}

function* sharingSource(context: CheckContext, position: number): Generator<number> {
  const texts = context.source?.texts;
  if (!texts || (texts[position] ?? '') === '') return;
  for (let other = position - 1; other >= 0 && texts[other] === texts[position]; other--) yield other;
  for (let other = position + 1; other < texts.length && texts[other] === texts[position]; other++) yield other;
}

// The names (index keys) whose casings or counts differ, added or gone.
function changedNames(before: ReadonlyMap<string, NameForms>, after: ReadonlyMap<string, NameForms>): string[] {
  const changed: string[] = [];
  for (const [key, forms] of after) if (!sameForms(before.get(key), forms)) changed.push(key);
  for (const key of before.keys()) if (!after.has(key)) changed.push(key);
  return changed;
}

function sameForms(a: NameForms | undefined, b: NameForms): boolean {
  if (!a || a.preferred !== b.preferred || a.forms.size !== b.forms.size) return false;
  const order = [...b.forms];
  return [...a.forms].every(([form, count], index) => order[index]![0] === form && order[index]![1] === count);
}

// The sentences whose words hold one of the names (name keys are lower-case words joined by spaces).
function findMentions(context: CheckContext, names: readonly string[]): number[] {
  const padded = names.map((name) => ` ${name} `);
  const found: number[] = [];
  context.segments.forEach((segment, position) => {
    const words = joinNorms(tokenize(segment.text));
    if (padded.some((name) => words.includes(name))) found.push(position);
  });
  return found;
}

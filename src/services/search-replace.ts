import type { RevisionChange, Storage } from '../storage/types.js';
import type { ActionRecord, SegmentRecord } from '../model.js';
import type { Analyzer } from './document-analysis.js';
import { ServiceError } from './errors.js';
import { recordAction, reviseText } from './sentence-changes.js';
import { readTextField, TEXT_RULES } from './input-rules.js';
import { requireAuthor, requireRevisionNumber } from './validate.js';

/** What to look for, as an editor types it in the replace form. */
export interface ReplaceRule {
  find: string;
  replace: string;
  caseSensitive: boolean;
  /** Match whole words only, so "file" does not match inside "profile". */
  wholeWord: boolean;
}

/** One sentence the rule would change, at the revision it was read. */
export interface PlannedReplacement {
  segmentId: number;
  documentId: number;
  position: number;
  revision: number;
  before: string;
  after: string;
  count: number;
}

/** Check and normalise a rule from a form or JSON body. */
export function readReplaceRule(input: { find?: unknown; replace?: unknown; caseSensitive?: unknown; wholeWord?: unknown }): ReplaceRule {
  const find = readTextField(input.find, 'find', TEXT_RULES.find) ?? '';
  if (find === '') throw new ServiceError('invalid-input', 'Say what to find: "find" is empty.');
  const replace = readTextField(input.replace, 'replace', TEXT_RULES.replace) ?? '';
  const flag = (value: unknown) => value === true || value === 'true' || value === '1' || value === 'on';
  return { find, replace, caseSensitive: flag(input.caseSensitive), wholeWord: flag(input.wholeWord) };
}

/** Replace every match of the rule in `text`; returns the new text and how many matches there were. */
export function replaceAll(text: string, rule: ReplaceRule): { text: string; count: number } {
  let count = 0;
  const replaced = text.replace(toPattern(rule), () => {
    count++;
    return rule.replace;
  });
  return { text: replaced, count };
}

/** The sentences of `segments` the rule would change, with their text before and after. */
export function planReplacements(segments: readonly SegmentRecord[], rule: ReplaceRule): PlannedReplacement[] {
  const planned: PlannedReplacement[] = [];
  for (const segment of segments) {
    const { text, count } = replaceAll(segment.text, rule);
    if (count === 0 || text === segment.text) continue;
    planned.push({
      segmentId: segment.id, documentId: segment.documentId, position: segment.position,
      revision: segment.revision, before: segment.text, after: text, count,
    });
  }
  return planned;
}

export interface ReplaceOutcome {
  /** The action the replacements made are, undone as one; null when none was made. */
  action: ActionRecord | null;
  applied: SegmentRecord[];
  /** Sentences changed by someone else since the preview: left alone, so nothing is overwritten unseen. */
  conflicts: { segmentId: number; revision: number }[];
  /** Targets that name no sentence (deleted, or a wrong id): nothing to change there. */
  missing: number[];
}

/**
 * Apply a previewed rule to the sentences the editor confirmed (never to "all": each is named with
 * the revision previewed), each as its own revision, all as one action. A sentence that moved on
 * since the preview is skipped and reported, never overwritten. `origin` says whether the editor
 * replaced by hand or took up the offer to make a correction elsewhere (propagation).
 */
export async function applyReplacements(
  storage: Storage,
  analyzer: Analyzer,
  request: { rule: ReplaceRule; targets: unknown; author: unknown; origin?: unknown },
): Promise<ReplaceOutcome> {
  const author = requireAuthor(request.author);
  const targets = readTargets(request.targets);
  const origin = readOrigin(request.origin);
  const outcome: ReplaceOutcome = { action: null, applied: [], conflicts: [], missing: [] };
  const changes: RevisionChange[] = [];
  for (const target of targets) {
    const segment = await storage.segments.get(target.segmentId);
    if (!segment) {
      outcome.missing.push(target.segmentId);
      continue;
    }
    if (segment.revision !== target.revision) {
      outcome.conflicts.push({ segmentId: segment.id, revision: segment.revision });
      continue;
    }
    const { text } = replaceAll(segment.text, request.rule);
    if (text === segment.text) continue;
    changes.push(await reviseText(analyzer, segment, {
      kind: 'edit', text, revertedTo: null, status: 'edited', comment: `Replaced “${request.rule.find}” with “${request.rule.replace}”`,
    }));
  }
  if (changes.length === 0) return outcome;
  const recorded = await recordAction(storage, analyzer, { kind: origin, author }, changes);
  outcome.action = recorded.action;
  recorded.outcomes.forEach((result, index) => {
    const change = changes[index]!;
    if (result.ok) outcome.applied.push(result.segment);
    else if (result.reason === 'conflict') outcome.conflicts.push({ segmentId: change.segmentId, revision: result.current.revision });
    else outcome.missing.push(change.segmentId);
  });
  return outcome;
}

function readOrigin(value: unknown): 'replace' | 'propagation' {
  if (value === undefined || value === '' || value === 'replace') return 'replace';
  if (value === 'propagation') return 'propagation';
  throw new ServiceError('invalid-input', '"origin" must be "replace" or "propagation".');
}

function readTargets(value: unknown): { segmentId: number; revision: number }[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ServiceError('invalid-input', 'Choose at least one sentence to change ("targets" is empty).');
  }
  return value.map((target: unknown) => {
    const { segmentId, revision } = (target ?? {}) as { segmentId?: unknown; revision?: unknown };
    return { segmentId: requireRevisionNumber(segmentId, 'segmentId'), revision: requireRevisionNumber(revision, 'revision') };
  });
}

function toPattern(rule: ReplaceRule): RegExp {
  const escaped = rule.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Unicode-aware word edges: \b only knows ASCII letters, and would split "café".
  const source = rule.wholeWord ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped;
  return new RegExp(source, rule.caseSensitive ? 'gu' : 'giu');
}

/** The sentences of the given documents (all documents when none is given) the rule would change. */
export async function previewReplacements(storage: Storage, rule: ReplaceRule, documentIds?: readonly number[]): Promise<PlannedReplacement[]> {
  for (const id of documentIds ?? []) {
    if (!(await storage.documents.get(id))) throw new ServiceError('not-found', `Document ${id} does not exist.`);
  }
  const ids = documentIds ?? (await storage.documents.listIds());
  const planned: PlannedReplacement[] = [];
  for (const id of ids) planned.push(...planReplacements(await storage.segments.listByDocument(id), rule));
  return planned;
}

import { newsroomEntry } from '../checks/newsroom-entry.js';
import type { CheckRules } from '../checks/newsroom-rules.js';
import { createCheckContext, listChecks, runCheck } from '../checks/run.js';
import type { NewsroomRule, NewsroomRuleChangeRecord, NewsroomRuleRecord } from '../model.js';
import type { Storage } from '../storage/types.js';
import { tokenize } from '../text/tokenize.js';
import { invalidateAnalysis } from './document-analysis.js';
import { getSegment } from './documents.js';
import { ServiceError, found } from './errors.js';
import { readTextField, TEXT_RULES } from './input-rules.js';
import { requireAuthor } from './validate.js';

/**
 * Newsroom rules: what editors tell the checks. "Never flag this here" (a name, a house term: for
 * one check or all) and "always suggest X for Y" (a custom entry, validated like the lexicon's: it
 * must flag the sentence it was made from, and its replacement must apply there). A rule holds in
 * one document or in the whole newsroom, and applies at once: every change makes the analysis of
 * the documents it holds in stale (invalidateAnalysis), so they are analysed again, with it,
 * before they are shown next.
 */

/** The rules as `GET /api/rules` exports them and `POST /api/rules/import` takes them back. */
export interface RulesExport {
  format: 'retouche-rules';
  version: 1;
  rules: NewsroomRule[];
}

/** The largest import: far more than a newsroom writes by hand, small enough to check at once. */
export const MAX_IMPORTED_RULES = 5_000;

// The id a custom entry's flags carry in `entryId`, by which the observed precision counts it.
const ENTRY_PREFIX = 'rule-';

/** Every rule, the latest changes, and the titles of the documents rules hold in, for the Rules page and `GET /api/rules`. */
export async function listRules(
  storage: Storage,
): Promise<{ rules: NewsroomRuleRecord[]; changes: NewsroomRuleChangeRecord[]; documents: Map<number, string> }> {
  const [rules, changes] = await Promise.all([storage.rules.list(), storage.rules.listChanges(50)]);
  const documents = new Map<number, string>();
  for (const id of new Set(rules.flatMap((rule) => (rule.documentId === null ? [] : [rule.documentId])))) {
    const document = await storage.documents.get(id);
    if (document) documents.set(id, document.title);
  }
  return { rules, changes, documents };
}

/** Add a rule from what an editor sent; it applies at once. */
export async function createRule(storage: Storage, body: Record<string, unknown>, author: unknown): Promise<NewsroomRuleRecord> {
  const by = requireAuthor(author);
  const rule = await readRule(storage, body);
  const created = await storage.rules.create(rule, by);
  await invalidateAnalysis(storage, rule.documentId ?? 'every-document', 'newsroom rule added');
  return created;
}

/** Change what a rule says; the documents of its old and new scope are analysed again. */
export async function updateRule(storage: Storage, id: number, body: Record<string, unknown>, author: unknown): Promise<NewsroomRuleRecord> {
  const by = requireAuthor(author);
  const before = found(await storage.rules.get(id), `Rule ${id}`);
  const rule = await readRule(storage, body);
  const updated = found(await storage.rules.update(id, rule, by), `Rule ${id}`);
  await invalidateScopes(storage, [before.documentId, updated.documentId], 'newsroom rule changed');
  return updated;
}

/** Delete a rule (the change record keeps it); the flags it hid come back. */
export async function deleteRule(storage: Storage, id: number, author: unknown): Promise<NewsroomRuleRecord> {
  const deleted = found(await storage.rules.delete(id, requireAuthor(author)), `Rule ${id}`);
  await invalidateScopes(storage, [deleted.documentId], 'newsroom rule deleted');
  return deleted;
}

/** Every rule, as a file another Retouche (or this one, later) imports. */
export async function exportRules(storage: Storage): Promise<RulesExport> {
  const rules = await storage.rules.list();
  return {
    format: 'retouche-rules', version: 1,
    rules: rules.map(({ kind, phrase, checkId, replacement, example, note, documentId }) => ({ kind, phrase, checkId, replacement, example, note, documentId })),
  };
}

/** Add the rules of an export, all or none: each is checked as if made by hand, and a refusal names the rule. */
export async function importRules(storage: Storage, body: unknown, author: unknown): Promise<NewsroomRuleRecord[]> {
  const by = requireAuthor(author);
  const list = body !== null && typeof body === 'object' ? (body as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(list)) throw new ServiceError('invalid-input', 'Send the rules as {"rules": [...]}, as GET /api/rules/export gives them.');
  if (list.length > MAX_IMPORTED_RULES) throw new ServiceError('invalid-input', `${list.length} rules is more than the ${MAX_IMPORTED_RULES} one import takes.`);
  const rules: NewsroomRule[] = [];
  for (const [index, item] of list.entries()) {
    try {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new ServiceError('invalid-input', 'A rule must be an object.');
      rules.push(await readRule(storage, item as Record<string, unknown>));
    } catch (error) {
      // A document missing from this installation is a fault of the file: 400, not 404.
      if (error instanceof ServiceError) throw new ServiceError(error.code === 'not-found' ? 'invalid-input' : error.code, `Rule ${index + 1}: ${error.message}`);
      throw error;
    }
  }
  const created = await storage.rules.createMany(rules, by);
  if (created.length > 0) await invalidateScopes(storage, created.map((rule) => rule.documentId), 'newsroom rules imported');
  return created;
}

/** A rule begun from a flag: its words, the sentence, the check and the document, for the forms to start from. */
export interface RuleDraft {
  phrase: string;
  example: string;
  checkId: string | null;
  documentId: number;
  documentTitle: string;
  segmentId: number;
  position: number;
}

/** The draft of a rule from the flag over `[start, end)` of a sentence's current text (the Rules page's "from a flag" forms). */
export async function draftRuleFromFlag(
  storage: Storage, request: { segmentId: number; start: unknown; end: unknown; checkId: unknown },
): Promise<RuleDraft> {
  const { segment, document } = await getSegment(storage, request.segmentId);
  const start = Number(request.start);
  const end = Number(request.end);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > segment.text.length) {
    throw new ServiceError('invalid-input', `"start" and "end" must be the flag's offsets in the sentence (0 to ${segment.text.length}).`);
  }
  return {
    phrase: segment.text.slice(start, end), example: segment.text, checkId: request.checkId ? readCheckId(request.checkId) : null,
    documentId: document.id, documentTitle: document.title, segmentId: segment.id, position: segment.position,
  };
}

/** The rules that hold in one document, as its analysis applies them. */
export async function readCheckRules(storage: Storage, documentId: number): Promise<CheckRules> {
  return toCheckRules(await storage.rules.listForDocument(documentId));
}

/** Stored rules as the checks apply them. */
export function toCheckRules(rules: readonly NewsroomRuleRecord[]): CheckRules {
  return {
    ignore: rules.filter((rule) => rule.kind === 'ignore').map(({ phrase, checkId }) => ({ phrase, checkId })),
    suggest: rules.filter((rule) => rule.kind === 'suggest')
      .map(({ id, phrase, replacement, note }) => ({ id: ruleEntryId(id), phrase, replacement: replacement!, note })),
  };
}

/** The entry id a custom entry's flags carry. */
export function ruleEntryId(ruleId: number): string {
  return `${ENTRY_PREFIX}${ruleId}`;
}

/**
 * Why a custom entry is refused, or null: it must flag its example sentence, and its replacement
 * applied there must leave a sentence it no longer flags at that place (else it would flag its own fix).
 */
export function findEntryProblem(rule: { phrase: string; replacement: string; example: string }): string | null {
  const rules: CheckRules = { ignore: [], suggest: [{ id: 'rule-new', phrase: rule.phrase, replacement: rule.replacement, note: '' }] };
  const flagsOf = (text: string) => runCheck(newsroomEntry, createCheckContext([{ text, paragraph: 0 }], 'en', { rules }), 0);
  const [flag] = flagsOf(rule.example);
  if (!flag) return `the example sentence does not hold "${rule.phrase}" as whole words: the rule would not flag it`;
  const fixed = rule.example.slice(0, flag.start) + flag.suggestions[0] + rule.example.slice(flag.end);
  const refixed = flagsOf(fixed).find((again) => again.start < flag.start + flag.suggestions[0]!.length && again.end > flag.start);
  if (refixed) return `"${rule.replacement}" still holds "${rule.phrase}": the rule would flag its own fix`;
  return null;
}

// A rule as sent (JSON or form), checked under the input rules; the document it names must exist.
async function readRule(storage: Storage, body: Record<string, unknown>): Promise<NewsroomRule> {
  const kind = body.kind;
  if (kind !== 'ignore' && kind !== 'suggest') throw new ServiceError('invalid-input', '"kind" must be "ignore" (never flag the phrase) or "suggest" (always suggest a replacement).');
  const phrase = requireText(body.phrase, 'phrase', TEXT_RULES.rulePhrase);
  if (!tokenize(phrase).some((token) => token.kind !== 'punct')) throw new ServiceError('invalid-input', '"phrase" must hold at least one word.');
  const note = readTextField(body.note, 'note', TEXT_RULES.ruleNote)?.trim() ?? '';
  const documentId = await readScope(storage, body.documentId);
  if (kind === 'ignore') return { kind, phrase, checkId: readCheckId(body.checkId), replacement: null, example: null, note, documentId };
  const replacement = requireText(body.replacement, 'replacement', TEXT_RULES.ruleReplacement);
  const example = requireText(body.example, 'example', TEXT_RULES.sentence);
  const problem = findEntryProblem({ phrase, replacement, example });
  if (problem) throw new ServiceError('invalid-input', `This rule cannot be kept: ${problem}.`);
  return { kind, phrase, checkId: null, replacement, example, note, documentId };
}

function requireText(value: unknown, field: string, rule: (typeof TEXT_RULES)[keyof typeof TEXT_RULES]): string {
  const text = readTextField(value, field, rule)?.trim();
  if (!text) throw new ServiceError('invalid-input', `"${field}" is missing: write ${rule.what}.`);
  return text;
}

// No check (absent, null, '') means every check.
function readCheckId(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !listChecks().some((check) => check.id === value)) {
    throw new ServiceError('invalid-input', `"checkId" must be the id of a check (GET /api/checks lists them), or empty for every check.`);
  }
  return value;
}

// No document (absent, null, '') means the whole newsroom.
async function readScope(storage: Storage, value: unknown): Promise<number | null> {
  if (value === undefined || value === null || value === '') return null;
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new ServiceError('invalid-input', '"documentId" must be a document id, or empty for the whole newsroom.');
  found(await storage.documents.get(id), `Document ${id}`);
  return id;
}

async function invalidateScopes(storage: Storage, scopes: readonly (number | null)[], reason: string): Promise<void> {
  if (scopes.includes(null)) return invalidateAnalysis(storage, 'every-document', reason);
  for (const documentId of new Set(scopes as number[])) await invalidateAnalysis(storage, documentId, reason);
}

import { pairLexicon } from '../checks/false-friends.js';
import { listChecks } from '../checks/run.js';
import type { JudgementRecord, JudgementSubjectKind } from '../model.js';
import { computeObservedPrecision, explainHint, HINT_POLICY, subjectKey } from '../review/observed-precision.js';
import type { Storage } from '../storage/types.js';
import { ServiceError } from './errors.js';
import { ruleEntryId } from './newsroom-rules.js';
import { requireAuthor } from './validate.js';

/** One check's or entry's observed precision, as the Rules page and the report show it. */
export interface ObservedPrecision extends JudgementRecord {
  /** The check's name, the lexicon entry's French, or the newsroom rule's phrase. */
  name: string;
  judged: number;
  precision: number | null;
  /** Why its suggestions are hints now: its counts, an admin's override, or not at all (null). */
  hintedBy: 'counts' | 'override' | null;
}

/** The subjects whose suggestions are hints now, as keys (subjectKey): what pages apply to the stored flags. */
export async function readHintedSubjects(storage: Storage): Promise<Set<string>> {
  return new Set((await storage.judgements.listHinted(HINT_POLICY)).map(({ kind, id }) => subjectKey(kind, id)));
}

/** Every judged (or overridden) check and entry, lowest precision first among those with enough judgements. */
export async function listObservedPrecision(storage: Storage): Promise<ObservedPrecision[]> {
  const [judgements, rules] = await Promise.all([storage.judgements.list(), storage.rules.list()]);
  const names = new Map<string, string>([
    ...listChecks().map((check) => [subjectKey('check', check.id), check.name] as const),
    ...pairLexicon.map((entry) => [subjectKey('entry', entry.id), `“${entry.french}”`] as const),
    ...rules.map((rule) => [subjectKey('entry', ruleEntryId(rule.id)), `newsroom: “${rule.phrase}” → “${rule.replacement ?? ''}”`] as const),
  ]);
  return judgements.map((judgement) => ({
    ...judgement,
    name: names.get(subjectKey(judgement.kind, judgement.id)) ?? judgement.id,
    judged: judgement.confirmed + judgement.dismissed,
    precision: computeObservedPrecision(judgement),
    hintedBy: explainHint(judgement),
  })).sort((a, b) => Number(b.hintedBy !== null) - Number(a.hintedBy !== null) || (a.precision ?? 2) - (b.precision ?? 2) || b.judged - a.judged);
}

/** An admin's word on a check's or entry's suggestions: always hints, always one-key, or (null) as its counts say. */
export async function overrideHint(
  storage: Storage, request: { kind: unknown; id: unknown; override: unknown; author: unknown },
): Promise<void> {
  const author = requireAuthor(request.author);
  const kind = request.kind;
  if (kind !== 'check' && kind !== 'entry') throw new ServiceError('invalid-input', '"kind" must be "check" or "entry".');
  const id = request.id;
  if (typeof id !== 'string' || !(await isKnownSubject(storage, kind, id))) {
    throw new ServiceError('not-found', `There is no ${kind} "${String(id)}".`);
  }
  const override = request.override === '' || request.override === null || request.override === undefined ? null : request.override;
  if (override !== null && override !== 'hint' && override !== 'one-key') {
    throw new ServiceError('invalid-input', '"override" must be "hint", "one-key", or empty to follow the counts.');
  }
  await storage.judgements.setOverride(kind, id, override, author);
}

async function isKnownSubject(storage: Storage, kind: JudgementSubjectKind, id: string): Promise<boolean> {
  if (kind === 'check') return listChecks().some((check) => check.id === id);
  if (pairLexicon.some((entry) => entry.id === id)) return true;
  const rule = /^rule-(\d{1,15})$/.exec(id);
  return rule !== null && (await storage.rules.get(Number(rule[1])))?.kind === 'suggest';
}

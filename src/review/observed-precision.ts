import type { JudgementRecord, JudgementSubjectKind } from '../model.js';

/**
 * Observed precision: of the flags of one check or lexicon entry that editors judged, the share
 * they confirmed (changed the flagged words while keeping most of the sentence: confirmed-flag.ts)
 * rather than dismissed. Flags nobody acted on count on neither side. A subject that falls below
 * HINT_BELOW over at least MIN_JUDGEMENTS judgements has its suggestions shown as hints (no one-key
 * apply) until an admin says otherwise or editors confirm it back above the line.
 */

/** Judgements a subject needs before its observed precision can make its suggestions hints. */
export const MIN_JUDGEMENTS = 10;
/** Below this observed precision, a subject's suggestions are hints. */
export const HINT_BELOW = 0.3;
/** The policy as storage queries it. */
export const HINT_POLICY = { minJudged: MIN_JUDGEMENTS, maxPrecision: HINT_BELOW } as const;

/** confirmed / (confirmed + dismissed); null before any judgement. */
export function computeObservedPrecision({ confirmed, dismissed }: Pick<JudgementRecord, 'confirmed' | 'dismissed'>): number | null {
  const judged = confirmed + dismissed;
  return judged === 0 ? null : confirmed / judged;
}

/** Why a subject's suggestions are hints: its counts, an admin's override, or not (null). */
export function explainHint(judgement: Pick<JudgementRecord, 'confirmed' | 'dismissed' | 'override'>): 'counts' | 'override' | null {
  if (judgement.override === 'hint') return 'override';
  if (judgement.override === 'one-key') return null;
  const precision = computeObservedPrecision(judgement);
  return judgement.confirmed + judgement.dismissed >= MIN_JUDGEMENTS && precision !== null && precision < HINT_BELOW ? 'counts' : null;
}

/** The key of a subject in a set of hinted subjects. */
export function subjectKey(kind: JudgementSubjectKind, id: string): string {
  return `${kind}:${id}`;
}

/** A flag as hints read it. */
interface HintableFlag {
  checkId: string;
  entryId?: string | null | undefined;
  suggestions: readonly string[];
  hint: boolean;
}

/** The flags with the suggestions of hinted subjects (their check's or their entry's) turned into hints. */
export function applyObservedHints<Flag extends HintableFlag>(flags: Flag[], hinted: ReadonlySet<string>): Flag[] {
  if (hinted.size === 0) return flags;
  return flags.map((flag) => !flag.hint && flag.suggestions.length > 0
    && (hinted.has(subjectKey('check', flag.checkId)) || (flag.entryId && hinted.has(subjectKey('entry', flag.entryId))))
    ? { ...flag, hint: true } : flag);
}

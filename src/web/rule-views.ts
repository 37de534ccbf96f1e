import type { CheckSummary } from '../checks/run.js';
import type { NewsroomRule, NewsroomRuleChangeRecord, NewsroomRuleRecord } from '../model.js';
import type { ObservedPrecision } from '../services/observed-precision.js';

const ACTIONS: Record<NewsroomRuleChangeRecord['action'], string> = { create: 'added', update: 'changed', delete: 'deleted' };

/** The Rules page's view model: each rule as a row (with what its edit form needs), the latest changes, the observed precision. */
export function toRulesView({ rules, changes, precision, documents, checks }: {
  rules: readonly NewsroomRuleRecord[];
  changes: readonly NewsroomRuleChangeRecord[];
  precision: readonly ObservedPrecision[];
  /** Titles of the documents rules are scoped to. */
  documents: ReadonlyMap<number, string>;
  checks: readonly CheckSummary[];
}) {
  const checkNames = new Map(checks.map((check) => [check.id, check.name]));
  return {
    rules: rules.map((rule) => ({
      ...rule,
      what: rule.kind === 'ignore' ? 'Never flag' : 'Always suggest',
      checkName: rule.checkId === null ? 'every check' : checkNames.get(rule.checkId) ?? rule.checkId,
      scope: rule.documentId === null ? 'the newsroom' : documents.get(rule.documentId) ?? `document ${rule.documentId}`,
      updated: rule.updatedAt.slice(0, 16).replace('T', ' '),
    })),
    changes: changes.map((change) => ({
      id: change.id, author: change.author, createdAt: change.createdAt, time: change.createdAt.slice(0, 16).replace('T', ' '),
      // A deleted rule can be added again as it was, through the same checks as a new one.
      restore: change.action === 'delete' && !rules.some((rule) => sameRule(rule, change.rule)) ? change.rule : null,
      description: `${ACTIONS[change.action]} ${change.rule.kind === 'ignore' ? 'never flag' : 'always suggest'} “${change.rule.phrase}”`
        + (change.rule.replacement ? ` → “${change.rule.replacement}”` : ''),
    })),
    precision: precision.map((item) => ({
      ...item,
      percent: item.precision === null ? '–' : `${Math.round(item.precision * 100)}%`,
      status: item.hintedBy === 'counts' ? 'hints (below the line)' : item.hintedBy === 'override' ? 'hints (set by an admin)'
        : item.override === 'one-key' ? 'one-key (set by an admin)' : 'one-key',
    })),
    checks: checks.map(({ id, name }) => ({ id, name })),
  };
}

// Whether two rules say the same (so a deleted one that was added again is not offered twice).
function sameRule(a: NewsroomRule, b: NewsroomRule): boolean {
  return a.kind === b.kind && a.phrase === b.phrase && a.checkId === b.checkId && a.replacement === b.replacement && a.documentId === b.documentId;
}

import type { SegmentStatus } from '../model.js';
import type { SegmentQuery } from '../storage/types.js';

/** What the document page can narrow the sentences to, from the query string; every field left out keeps all. */
export type SegmentFilter = Required<Pick<SegmentQuery, 'text' | 'flagged' | 'category' | 'severity' | 'checkId'>> & { status: SegmentStatus | '' };

const STATUSES: readonly string[] = ['to-review', 'edited', 'approved', 'excluded'];

/** Read the filter from a query string (`q`, `flagged=1`, `category`, `severity`, `check`, `status`), ignoring values that are not text. */
export function readSegmentFilter(query: Record<string, unknown>): SegmentFilter {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const status = text(query.status);
  return {
    text: text(query.q).trim(), flagged: query.flagged === '1', category: text(query.category), severity: text(query.severity),
    checkId: text(query.check), status: STATUSES.includes(status) ? (status as SegmentStatus) : '',
  };
}

/** The filter as storage queries it. */
export function toSegmentQuery(filter: SegmentFilter): SegmentQuery {
  return {
    ...(filter.text && { text: filter.text }), ...(filter.flagged && { flagged: true }), ...(filter.category && { category: filter.category }),
    ...(filter.severity && { severity: filter.severity }), ...(filter.checkId && { checkId: filter.checkId }), ...(filter.status && { status: filter.status }),
  };
}

/** The filter as query-string pairs, only those set, for links that keep it. */
export function filterParams(filter: SegmentQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.text) params.q = filter.text;
  if (filter.flagged) params.flagged = '1';
  if (filter.category) params.category = filter.category;
  if (filter.severity) params.severity = filter.severity;
  if (filter.checkId) params.check = filter.checkId;
  if (filter.status) params.status = filter.status;
  return params;
}

import { checks } from './index.js';
import { classifyRoles } from './segment-roles.js';
import { isCapitalized, joinNorms, tokenize } from './tokens.js';
import type { CheckContext, DocumentSegment, Flag, NameForms, Severity } from './types.js';
import type { SegmentRole } from '../model.js';

/** Analysis of one segment: its role on the page, its flags sorted by offset, and a risk score. */
export interface SegmentAnalysis {
  role: SegmentRole;
  flags: Flag[];
  risk: number;
}

/** A check's metadata, as shown in the list of checks. */
export interface CheckSummary {
  id: string;
  name: string;
  category: string;
  severity: Severity;
  description: string;
}

// Risk points per flag: a major problem outweighs several polish items, a critical one outweighs all.
const SEVERITY_WEIGHTS: Record<Severity, number> = { minor: 1, major: 3, critical: 10 };
// Credits and separators are not translated prose: no check applies to them.
const UNCHECKED_ROLES: ReadonlySet<SegmentRole> = new Set(['credit', 'separator']);
// Roles whose capitalised word runs feed the name index; headings and tags use title case.
const NAME_SOURCE_ROLES: ReadonlySet<SegmentRole> = new Set(['body', 'caption']);
// Longest name kept in the index, in words.
const MAX_NAME_WORDS = 4;

/**
 * Prepare the document-level facts the checks share: roles, the name index,
 * the document's words. Done once per document; analysing a segment then
 * costs only the checks themselves.
 *
 * @param segments The document, in order.
 * @param targetLanguage BCP 47 code of the translation's language, e.g. `en`.
 */
export function createCheckContext(segments: readonly DocumentSegment[], targetLanguage: string): CheckContext {
  const roles = classifyRoles(segments);
  let documentWords = ' ';
  for (const segment of segments) documentWords += joinNorms(tokenize(segment.text)).slice(1);
  return {
    targetLanguage,
    segments,
    roles,
    names: indexNames(segments, roles),
    documentWords
  };
}

/**
 * Run every check on one segment.
 *
 * @param context From `createCheckContext`.
 * @param index The segment's position in the document.
 * @param text The segment's current text, when an editor has changed it; defaults to the stored text.
 */
export function analyzeSegment(context: CheckContext, index: number, text?: string): SegmentAnalysis {
  const stored = context.segments[index];
  const sentence = text ?? stored?.text ?? '';
  const role = text === undefined || text === stored?.text ? context.roles[index] ?? 'body' : roleOfEdit(context, index, sentence);
  if (UNCHECKED_ROLES.has(role) || sentence.trim() === '') return { role, flags: [], risk: 0 };
  const flags: Flag[] = [];
  for (const check of checks) {
    for (const flag of check.run(sentence, context, index)) flags.push(flag);
  }
  const sorted = dedupeFlags(flags);
  return { role, flags: sorted, risk: scoreRisk(sorted) };
}

/**
 * Analyse a whole document: context once, then each segment.
 *
 * @param segments The document, in order.
 * @param targetLanguage BCP 47 code of the translation's language.
 */
export function analyzeDocument(segments: readonly DocumentSegment[], targetLanguage: string): SegmentAnalysis[] {
  const context = createCheckContext(segments, targetLanguage);
  return segments.map((_, index) => analyzeSegment(context, index));
}

/** The registered checks' metadata, in registry order. */
export function listChecks(): CheckSummary[] {
  return checks.map(({ id, name, category, severity, description }) => ({ id, name, category, severity, description }));
}

/** The risk of a sentence: the sum of its flags' severity weights, 0 with no flag. */
export function scoreRisk(flags: readonly Flag[]): number {
  let risk = 0;
  for (const flag of flags) risk += SEVERITY_WEIGHTS[flag.severity];
  return risk;
}

// Sort by start, then end; on an identical span keep the flag of the check registered first.
function dedupeFlags(flags: Flag[]): Flag[] {
  const order = flags.map((flag, position) => ({ flag, position }));
  order.sort((a, b) => a.flag.start - b.flag.start || a.flag.end - b.flag.end || a.position - b.position);
  const kept: Flag[] = [];
  for (const { flag } of order) {
    const previous = kept[kept.length - 1];
    if (previous && previous.start === flag.start && previous.end === flag.end) continue;
    kept.push(flag);
  }
  return kept;
}

// Neighbours on each side that decide a segment's role (a caption looks two ahead for its credit).
const ROLE_WINDOW = 3;

// An edited segment may change role (an editor fills an empty line): classify it among its stored
// neighbours. Only a window around it is read, so that re-analysis stays well under a millisecond;
// the whole document is read again only inside the closing run of tags, which depends on the page's end.
function roleOfEdit(context: CheckContext, index: number, text: string): SegmentRole {
  const replace = (segment: DocumentSegment, position: number): DocumentSegment =>
    position === index ? { text, paragraph: segment.paragraph } : segment;
  const inClosingRun = context.roles.slice(index + 1).every((role) => role === 'tag');
  if (inClosingRun) return classifyRoles(context.segments.map(replace))[index] ?? 'body';
  const from = Math.max(0, index - ROLE_WINDOW);
  const window = context.segments.slice(from, index + ROLE_WINDOW + 1).map((segment, offset) => replace(segment, from + offset));
  return classifyRoles(window, { tagRun: false })[index - from] ?? 'body';
}

// Capitalised runs of two or more words in body text, minus a run's sentence-initial word
// (which is capitalised anyway): "President Donald Trump" gives "President Donald", "Donald Trump"...
function indexNames(segments: readonly DocumentSegment[], roles: readonly SegmentRole[]): Map<string, NameForms> {
  const counts = new Map<string, Map<string, number>>();
  segments.forEach((segment, index) => {
    if (!NAME_SOURCE_ROLES.has(roles[index] ?? 'body')) return;
    const tokens = tokenize(segment.text);
    let runStart = -1;
    for (let position = 0; position <= tokens.length; position++) {
      const token = tokens[position];
      if (token && isCapitalized(token) && token.norm !== "'s") {
        if (runStart < 0) runStart = position;
        continue;
      }
      if (runStart >= 0) {
        const from = runStart === 0 ? 1 : runStart;
        for (let first = from; first < position; first++) {
          for (let last = first + 2; last <= Math.min(position, first + MAX_NAME_WORDS); last++) {
            const words = tokens.slice(first, last);
            const key = words.map((word) => word.norm).join(' ');
            const surface = words.map((word) => word.text).join(' ');
            const forms = counts.get(key) ?? new Map<string, number>();
            forms.set(surface, (forms.get(surface) ?? 0) + 1);
            counts.set(key, forms);
          }
        }
        runStart = -1;
      }
    }
  });
  const names = new Map<string, NameForms>();
  for (const [key, forms] of counts) {
    let preferred = '';
    let best = 0;
    for (const [surface, count] of forms) {
      if (count > best) {
        preferred = surface;
        best = count;
      }
    }
    names.set(key, { preferred, forms });
  }
  return names;
}

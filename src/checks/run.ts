import { getLanguageProfile, getPairProfile } from '../languages/index.js';
import type { SegmentRole } from '../model.js';
import type { EnglishVariant } from '../text/english-variant.js';
import { joinNorms, tokenize } from '../text/tokenize.js';
import { readWords } from '../text/words.js';
import { checks } from './index.js';
import { indexNames } from './name-index.js';
import { compileRules, dropIgnored, type CheckRules } from './newsroom-rules.js';
import { findOpenQuotes } from './quote-marks.js';
import { classifyRoles } from './segment-roles.js';
import type { Check, CheckContext, DocumentSegment, Flag, Sentence, Severity } from './types.js';
import { createWordLinks } from './word-links.js';

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
  /** Whether the check runs only when the source is attached. */
  needsSource: boolean;
}

/** What a document's analysis may know beyond its text. */
export interface ContextOptions {
  /** The English spelling the document follows (chosen by an editor, or guessed from its text); none: spelling variants are not judged. */
  variant?: EnglishVariant | undefined;
  /** The source article aligned to the segments: its language and the source text of each segment ('' for none). */
  source?: { language: string; texts: readonly string[] } | undefined;
  /** The newsroom rules that hold in the document. */
  rules?: CheckRules | undefined;
}

// Risk points per flag: a major problem outweighs several polish items, a critical one outweighs all.
const SEVERITY_WEIGHTS: Record<Severity, number> = { minor: 1, major: 3, critical: 10 };
// Credits and separators are not translated prose: no check applies to them.
const UNCHECKED_ROLES: ReadonlySet<SegmentRole> = new Set(['credit', 'separator']);
// Checks that say one word is not English, each for its own reason: on the same words they make one
// flag, the first listed here, with both reasons.
const UNKNOWN_WORD_CHECKS = ['untranslated-word', 'untranslated-text', 'spelling'];

/**
 * Prepare the document-level facts the checks share: roles, the name index,
 * the document's words, open quotations, the source. Done once per document;
 * analysing a segment then costs only the checks themselves.
 *
 * @param segments The document, in order.
 * @param targetLanguage BCP 47 code of the translation's language, e.g. `en`.
 */
export function createCheckContext(segments: readonly DocumentSegment[], targetLanguage: string, options: ContextOptions = {}): CheckContext {
  const roles = classifyRoles(segments);
  // Only a few lexicon entries read the whole document's words: they are joined on first use.
  let documentWords: string | undefined;
  const source = options.source;
  return {
    targetLanguage,
    target: getLanguageProfile(targetLanguage),
    segments,
    roles,
    names: indexNames(segments, roles),
    get documentWords() {
      return (documentWords ??= joinDocumentWords(segments));
    },
    variant: options.variant,
    quoteOpenBefore: findOpenQuotes(segments),
    source: source && {
      language: source.language,
      profile: getLanguageProfile(source.language),
      pair: getPairProfile(source.language, targetLanguage),
      texts: source.texts,
    },
    rules: options.rules && (options.rules.ignore.length > 0 || options.rules.suggest.length > 0) ? compileRules(options.rules) : undefined,
  };
}

/**
 * Run every check on one segment: those that read the translation alone, and, when the segment
 * has an aligned source, those that compare with it.
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
  const input = readSentence(context, index, sentence);
  const flags: Flag[] = [];
  for (const check of checks) {
    if (check.needs === 'source' && !input.source) continue;
    const found = check.run(input, context);
    for (let index = 0; index < found.length; index++) flags.push(found[index]!);
  }
  const merged = mergeFlags(flags, sentence);
  const sorted = context.rules ? dropIgnored(merged, input.tokens, context.rules) : merged;
  return { role, flags: sorted, risk: scoreRisk(sorted) };
}

/**
 * Analyse a whole document: context once, then each segment.
 *
 * @param segments The document, in order.
 * @param targetLanguage BCP 47 code of the translation's language.
 */
export function analyzeDocument(segments: readonly DocumentSegment[], targetLanguage: string, options: ContextOptions = {}): SegmentAnalysis[] {
  const context = createCheckContext(segments, targetLanguage, options);
  return segments.map((_, index) => analyzeSegment(context, index));
}

/**
 * Run one check on one segment, as `analyzeSegment` would (whatever the segment's role): for
 * tests and measurements of a single check.
 */
export function runCheck(check: Check, context: CheckContext, index: number, text?: string): Flag[] {
  const input = readSentence(context, index, text ?? context.segments[index]?.text ?? '');
  if (check.needs === 'source' && !input.source) return [];
  return check.run(input, context);
}

/** The registered checks' metadata, in registry order. */
export function listChecks(): CheckSummary[] {
  return checks.map(({ id, name, category, severity, description, needs }) => ({ id, name, category, severity, description, needsSource: needs === 'source' }));
}

/** The risk of a sentence: the sum of its flags' severity weights, 0 with no flag. */
export function scoreRisk(flags: readonly Flag[]): number {
  let risk = 0;
  for (const flag of flags) risk += SEVERITY_WEIGHTS[flag.severity];
  return risk;
}

// The lower-cased words of every segment, as `CheckContext.documentWords` holds them.
function joinDocumentWords(segments: readonly DocumentSegment[]): string {
  let words = ' ';
  for (const segment of segments) words += joinNorms(tokenize(segment.text)).slice(1);
  return words;
}

// The sentence as every check reads it, tokenised and its words read once; with its source when it has one.
function readSentence(context: CheckContext, index: number, text: string): Sentence {
  const tokens = tokenize(text);
  const sentence: Sentence = { text, tokens, words: readWords(text, context.target, tokens), norms: joinNorms(tokens), index, source: undefined };
  const source = context.source;
  const sourceText = source?.texts[index] ?? '';
  if (source && sourceText.trim() !== '') {
    const sourceTokens = tokenize(sourceText);
    const read = { text: sourceText, tokens: sourceTokens, words: readWords(sourceText, source.profile, sourceTokens) };
    sentence.source = { ...read, links: createWordLinks(read, sentence, { source: source.profile, target: context.target, pair: source.pair }) };
  }
  return sentence;
}

// Sort by start, then end; on an identical span keep the flag of the check registered first; flags
// of the unknown-word checks on the same words become one.
function mergeFlags(flags: Flag[], sentence: string): Flag[] {
  const order = flags.map((flag, position) => ({ flag, position }));
  order.sort((a, b) => a.flag.start - b.flag.start || a.flag.end - b.flag.end || a.position - b.position);
  const kept: Flag[] = [];
  for (const { flag } of order) {
    const previous = kept[kept.length - 1];
    if (previous && previous.start === flag.start && previous.end === flag.end && previous.checkId === flag.checkId) continue;
    const rank = UNKNOWN_WORD_CHECKS.indexOf(flag.checkId);
    const twin = rank < 0 ? undefined : kept.findLast((other) => UNKNOWN_WORD_CHECKS.includes(other.checkId) && other.start < flag.end && flag.start < other.end);
    if (twin) {
      kept[kept.lastIndexOf(twin)] = mergeUnknownWord(twin, flag, sentence);
      continue;
    }
    if (previous && previous.start === flag.start && previous.end === flag.end) continue;
    kept.push(flag);
  }
  return kept;
}

// One flag for one word that two checks find not English: the span of the more specific check,
// its severity and suggestions, and a message that gives both reasons.
function mergeUnknownWord(a: Flag, b: Flag, sentence: string): Flag {
  const [first, second] = UNKNOWN_WORD_CHECKS.indexOf(a.checkId) <= UNKNOWN_WORD_CHECKS.indexOf(b.checkId) ? [a, b] : [b, a];
  const start = Math.min(first.start, second.start);
  const end = Math.max(first.end, second.end);
  const reasons = [first, second].map((flag) => REASONS[flag.checkId] ?? flag.message);
  return {
    ...first,
    start,
    end,
    message: `"${sentence.slice(start, end)}" ${reasons[0]} and ${reasons[1]}: translate it.`,
    suggestions: first.checkId === 'spelling' ? first.suggestions : [],
    hint: first.checkId === 'spelling' ? first.hint : false,
  };
}

// Each unknown-word check's reason, to join two of them in one message.
const REASONS: Record<string, string> = {
  'untranslated-word': 'is the source word left as is',
  'untranslated-text': 'is French',
  spelling: 'is not an English word',
};

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

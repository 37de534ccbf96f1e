import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../src/checks/run.js';
import type { SegmentAnalysis } from '../src/checks/run.js';
import type { DocumentSegment, Flag } from '../src/checks/types.js';
import { PAGE_NOISE_ROLES, type SegmentRole } from '../src/model.js';
import { REPO_ROOT, SEEDS_DIR } from './data-dir.js';

/** The hand annotation of the seed article (tests/fixtures/seed-annotations.json, from the shared data). */
export interface SeedAnnotation {
  file: string;
  targetLanguage: string;
  segments: Array<{
    text: string;
    role: SegmentRole;
    verdict: 'ok' | 'minor' | 'major';
    problems: Array<{ span: string; category: string; note: string; suggestion: string }>;
  }>;
}

/** Sentence-level precision and recall of "needs an edit", for one check or all. */
export interface SentenceScore {
  flagged: number;
  truePositives: number;
  needsEdit: number;
  precision: number;
  recall: number;
}

/** Everything the seed evaluation measures. */
export interface SeedReport {
  overall: SentenceScore;
  perCheck: Record<string, SentenceScore & { spanHits: number; flags: number }>;
  majorRecall: { flagged: number; total: number };
  spans: { hit: number; total: number; missed: string[] };
  roles: { correct: number; total: number; noiseCorrect: number; noiseTotal: number; wrong: string[] };
  /** Flags that fall on correctly spelled proper names (no annotated problem there). */
  properNameFlags: string[];
}


/**
 * Read the seed annotation and rebuild the document the editor saw: the seed
 * file's blank-line paragraphs give each annotated segment its paragraph.
 *
 * Both live in the repository (the annotation as a test fixture), so this needs no outside data.
 */
export function loadSeed(): { annotation: SeedAnnotation; segments: DocumentSegment[] } {
  const annotation = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'seed-annotations.json'), 'utf8')) as SeedAnnotation;
  const article = readFileSync(join(SEEDS_DIR, annotation.file), 'utf8');
  const paragraphs = article.split(/\n\s*\n/).map((block) => block.replace(/\s+/g, ' ').trim());
  let paragraph = 0;
  const segments = annotation.segments.map((segment) => {
    const found = paragraphs.findIndex((block, index) => index >= paragraph && block.includes(segment.text));
    if (found >= 0) paragraph = found;
    return { text: segment.text, paragraph };
  });
  return { annotation, segments };
}

/** Score the engine on the seed annotation. */
export function evaluateSeed(annotation: SeedAnnotation, segments: readonly DocumentSegment[]): SeedReport {
  const analyses = analyzeDocument(segments, annotation.targetLanguage);
  const needs = annotation.segments.map((segment) => segment.verdict !== 'ok');
  const checkIds = [...new Set(analyses.flatMap((analysis) => analysis.flags.map((flag) => flag.checkId)))].sort();
  const perCheck: SeedReport['perCheck'] = {};
  for (const id of checkIds) {
    const only = analyses.map((analysis) => analysis.flags.filter((flag) => flag.checkId === id));
    perCheck[id] = {
      ...scoreSentences(only.map((flags) => flags.length > 0), needs),
      spanHits: countSpanHits(annotation, only).hit,
      flags: only.reduce((sum, flags) => sum + flags.length, 0)
    };
  }
  const flagged = analyses.map((analysis) => analysis.flags.length > 0);
  const majors = annotation.segments.map((segment, index) => ({ major: segment.verdict === 'major', flagged: flagged[index] }));
  return {
    overall: scoreSentences(flagged, needs),
    perCheck,
    majorRecall: {
      flagged: majors.filter((entry) => entry.major && entry.flagged).length,
      total: majors.filter((entry) => entry.major).length
    },
    spans: countSpanHits(annotation, analyses.map((analysis) => analysis.flags)),
    roles: scoreRoles(annotation, analyses),
    properNameFlags: findProperNameFlags(annotation, analyses)
  };
}

/** Precision and recall of a per-sentence yes/no against the truth. */
export function scoreSentences(flagged: readonly boolean[], truth: readonly boolean[]): SentenceScore {
  let truePositives = 0;
  let flaggedCount = 0;
  let needsEdit = 0;
  flagged.forEach((isFlagged, index) => {
    if (isFlagged) flaggedCount++;
    if (truth[index]) needsEdit++;
    if (isFlagged && truth[index]) truePositives++;
  });
  return {
    flagged: flaggedCount,
    truePositives,
    needsEdit,
    precision: flaggedCount === 0 ? 0 : truePositives / flaggedCount,
    recall: needsEdit === 0 ? 0 : truePositives / needsEdit
  };
}

function countSpanHits(annotation: SeedAnnotation, flags: ReadonlyArray<readonly Flag[]>): SeedReport['spans'] {
  let hit = 0;
  let total = 0;
  const missed: string[] = [];
  annotation.segments.forEach((segment, index) => {
    for (const problem of segment.problems) {
      total++;
      const start = segment.text.indexOf(problem.span);
      const end = start + problem.span.length;
      if (start >= 0 && (flags[index] ?? []).some((flag) => flag.start < end && flag.end > start)) hit++;
      else missed.push(problem.span);
    }
  });
  return { hit, total, missed };
}

function scoreRoles(annotation: SeedAnnotation, analyses: readonly SegmentAnalysis[]): SeedReport['roles'] {
  const report = { correct: 0, total: 0, noiseCorrect: 0, noiseTotal: 0, wrong: [] as string[] };
  annotation.segments.forEach((segment, index) => {
    const role = analyses[index]?.role;
    report.total++;
    if (role === segment.role) report.correct++;
    else report.wrong.push(`${segment.text} (${role} for ${segment.role})`);
    if (PAGE_NOISE_ROLES.has(segment.role)) {
      report.noiseTotal++;
      if (role === segment.role) report.noiseCorrect++;
    }
  });
  return report;
}

// A flag on capitalised words (past the first) that no annotated problem covers is a flag on a proper name.
function findProperNameFlags(annotation: SeedAnnotation, analyses: readonly SegmentAnalysis[]): string[] {
  const found: string[] = [];
  annotation.segments.forEach((segment, index) => {
    for (const flag of analyses[index]?.flags ?? []) {
      const text = segment.text.slice(flag.start, flag.end);
      const words = text.split(/\s+/).filter(Boolean);
      const allCapitalised = words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word)) && flag.start > 0;
      const annotated = segment.problems.some((problem) => {
        const start = segment.text.indexOf(problem.span);
        return start >= 0 && flag.start < start + problem.span.length && flag.end > start;
      });
      if (allCapitalised && !annotated) found.push(`${text} in "${segment.text}"`);
    }
  });
  return found;
}

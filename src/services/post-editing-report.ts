import { analyzeDocument, listChecks } from '../checks/run.js';
import type { Flag, Severity } from '../checks/types.js';
import { classifyCorrection, CORRECTION_CLASSES, type CorrectionClass } from '../history/classify-correction.js';
import { computeEditRate, type EditRate } from '../history/edit-rate.js';
import { diffWordsBounded, type DiffPart } from '../history/word-diff.js';
import { findConfirmedFlags } from '../review/confirmed-flag.js';
import { subjectKey } from '../review/observed-precision.js';
import type { Storage } from '../storage/types.js';
import type { DismissalRecord, SegmentRecord, SegmentStatus } from '../model.js';
import { getDocument } from './documents.js';
import { readCheckRules } from './newsroom-rules.js';
import { listObservedPrecision, type ObservedPrecision } from './observed-precision.js';

/**
 * What became of a flag the checks raised on the machine translation:
 * - `dismissed`: an editor dismissed it (same sentence, check and flagged words). An explicit
 *   verdict wins over anything inferred, even if the words were edited later.
 * - `confirmed`: the correction changed the flagged words while keeping most of the rest of the
 *   sentence (src/review/confirmed-flag.ts): rewriting a whole sentence confirms none of its flags.
 * - `left`: neither; the sentence may not have been reviewed yet, or was rewritten whole.
 */
export type FlagOutcome = 'confirmed' | 'dismissed' | 'left';

export interface ReportedFlag {
  checkId: string;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  /** The flagged words of the machine translation. */
  spanText: string;
  message: string;
  outcome: FlagOutcome;
}

export interface SentenceReport {
  segmentId: number;
  position: number;
  paragraph: number;
  role: string;
  status: SegmentStatus;
  /** The machine translation. */
  original: string;
  /** The current text. */
  text: string;
  changed: boolean;
  editRate: EditRate;
  /** Classes of the change from the machine translation to the current text. */
  classes: CorrectionClass[];
  /** Word diff from the machine translation to the current text, for display. */
  diff: DiffPart[];
  /** Flags raised on the machine translation, with what happened to each. */
  flags: ReportedFlag[];
}

export interface CheckReport {
  checkId: string;
  name: string;
  category: string;
  severity: Severity;
  /** Flags raised on the machine translation. */
  flagged: number;
  confirmed: number;
  dismissed: number;
  left: number;
  /**
   * Precision in this document: confirmed / (confirmed + dismissed), the share of the flags
   * editors acted on among those they gave a verdict on; null before any verdict. Flags left
   * alone count on neither side, since nobody may have read them yet.
   */
  precision: number | null;
  /** The same, over every document since judgements were counted (src/review/observed-precision.ts); null when never judged. */
  observed: ObservedPrecision | null;
}

export interface ReportSummary {
  sentences: number;
  /** Sentences whose current text differs from the machine translation. */
  changedSentences: number;
  /** The sentences the edit rates are measured on: body text that is not excluded. */
  measuredSentences: number;
  /** Word edits and final words summed over the measured sentences. */
  edits: number;
  words: number;
  /**
   * Document edit rate: total edits / total final words of the measured sentences (how TER
   * tools score a corpus, weighting long sentences more); null with no words. Headings and
   * captions are left out: they are short, title-cased, and skew the rate.
   */
  editRate: number | null;
  /** Mean of the measured sentences' own rates, each sentence weighing the same; null with none. */
  meanSentenceEditRate: number | null;
  /** Over every sentence: how many sentences had a correction of each class, in CORRECTION_CLASSES order. */
  classCounts: { kind: CorrectionClass; sentences: number }[];
}

export interface PostEditingReport {
  document: { id: number; title: string; targetLanguage: string };
  summary: ReportSummary;
  sentences: SentenceReport[];
  /** The checks that raised at least one flag on the machine translation, in registry order. */
  checks: CheckReport[];
}

/**
 * How the machine translation was post-edited: per sentence its edit rate, correction classes and
 * the fate of each flag raised on the MT; per document the totals; per check how often editors
 * acted on its flags, here and (observed precision) in every document. The checks run again on
 * the machine translation, with the document's variant and newsroom rules, so the report says
 * what the current checks would have shown the editors on the MT.
 */
export async function buildPostEditingReport(storage: Storage, documentId: number): Promise<PostEditingReport> {
  const { document, segments } = await getDocument(storage, documentId);
  const [dismissals, rules, observed] = await Promise.all([
    storage.dismissals.listByDocument(documentId), readCheckRules(storage, documentId), listObservedPrecision(storage),
  ]);
  const variant = document.englishVariant === 'unspecified' ? undefined : document.englishVariant ?? undefined;
  const analyses = analyzeDocument(segments.map(({ original, paragraph }) => ({ text: original, paragraph })), document.targetLanguage, { variant, rules });
  const sentences = segments.map((segment, index) => reportSentence(segment, analyses[index]?.flags ?? [], dismissals));
  return {
    document: { id: document.id, title: document.title, targetLanguage: document.targetLanguage },
    summary: summarize(sentences),
    sentences,
    checks: reportChecks(sentences, new Map(observed.map((item) => [subjectKey(item.kind, item.id), item]))),
  };
}

function reportSentence(segment: SegmentRecord, flags: readonly Flag[], dismissals: readonly DismissalRecord[]): SentenceReport {
  const confirmed = new Set(findConfirmedFlags(segment.original, segment.text, flags));
  return {
    segmentId: segment.id,
    position: segment.position,
    paragraph: segment.paragraph,
    role: segment.role,
    status: segment.status,
    original: segment.original,
    text: segment.text,
    changed: segment.text !== segment.original,
    editRate: computeEditRate(segment.original, segment.text),
    classes: classifyCorrection(segment.original, segment.text),
    diff: diffWordsBounded(segment.original, segment.text),
    flags: flags.map((flag) => {
      const spanText = segment.original.slice(flag.start, flag.end);
      const dismissed = dismissals.some((dismissal) =>
        dismissal.segmentId === segment.id && dismissal.checkId === flag.checkId && dismissal.spanText === spanText);
      return {
        checkId: flag.checkId, category: flag.category, severity: flag.severity, start: flag.start, end: flag.end,
        spanText, message: flag.message, outcome: dismissed ? 'dismissed' : confirmed.has(flag) ? 'confirmed' : 'left',
      };
    }),
  };
}

function summarize(sentences: readonly SentenceReport[]): ReportSummary {
  const measured = sentences.filter((sentence) => sentence.role === 'body' && sentence.status !== 'excluded');
  let edits = 0;
  let words = 0;
  let rates = 0;
  for (const sentence of measured) {
    edits += sentence.editRate.edits;
    words += sentence.editRate.words;
    rates += sentence.editRate.rate;
  }
  return {
    sentences: sentences.length,
    changedSentences: sentences.filter((sentence) => sentence.changed).length,
    measuredSentences: measured.length,
    edits,
    words,
    editRate: words > 0 ? edits / words : null,
    meanSentenceEditRate: measured.length > 0 ? rates / measured.length : null,
    classCounts: CORRECTION_CLASSES.map((kind) => ({
      kind, sentences: sentences.filter((sentence) => sentence.classes.includes(kind)).length,
    })),
  };
}

function reportChecks(sentences: readonly SentenceReport[], observed: ReadonlyMap<string, ObservedPrecision>): CheckReport[] {
  const reports: CheckReport[] = [];
  for (const check of listChecks()) {
    const counts = { confirmed: 0, dismissed: 0, left: 0 };
    for (const sentence of sentences) {
      for (const flag of sentence.flags) if (flag.checkId === check.id) counts[flag.outcome]++;
    }
    const flagged = counts.confirmed + counts.dismissed + counts.left;
    if (flagged === 0) continue;
    const judged = counts.confirmed + counts.dismissed;
    reports.push({
      checkId: check.id, name: check.name, category: check.category, severity: check.severity,
      flagged, ...counts, precision: judged > 0 ? counts.confirmed / judged : null, observed: observed.get(subjectKey('check', check.id)) ?? null,
    });
  }
  return reports;
}

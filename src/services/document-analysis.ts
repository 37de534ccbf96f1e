import { analyzeDocument, scoreRisk } from '../checks/run.js';
import type { Flag } from '../checks/types.js';
import type { DismissalRecord, DocumentRecord, SegmentRecord, Storage } from '../storage/types.js';
import { getDocument, getSegment } from './documents.js';

/** A sentence with what the checks say about its current text. */
export interface AnalyzedSegment extends SegmentRecord {
  /** Open flags, sorted by offset. */
  flags: Flag[];
  /** Flags an editor dismissed as false alarms; they stay dismissed while the flagged words stay. */
  dismissedFlags: Flag[];
  /** Sum of the open flags' severity weights: 0 means nothing to look at. */
  risk: number;
}

export interface AnalyzedDocument {
  document: DocumentRecord;
  segments: AnalyzedSegment[];
}

/**
 * Run the checks on the current text of every sentence. Flags are derived, never stored: they
 * always match the text and the checks of this version, and only dismissals need keeping.
 */
export async function getAnalyzedDocument(storage: Storage, documentId: number): Promise<AnalyzedDocument> {
  const { document, segments } = await getDocument(storage, documentId);
  const dismissals = await storage.dismissals.listByDocument(documentId);
  return { document, segments: analyzeSegments(document, segments, dismissals) };
}

/** The analysis of every sentence, with dismissed flags set apart. */
export function analyzeSegments(
  document: DocumentRecord,
  segments: readonly SegmentRecord[],
  dismissals: readonly DismissalRecord[],
): AnalyzedSegment[] {
  const dismissed = new Set(dismissals.map((dismissal) => dismissalKey(dismissal.segmentId, dismissal.checkId, dismissal.spanText)));
  const analyses = analyzeDocument(segments.map(({ text, paragraph }) => ({ text, paragraph })), document.targetLanguage);
  return segments.map((segment, index) => {
    const flags: Flag[] = [];
    const dismissedFlags: Flag[] = [];
    for (const flag of analyses[index]?.flags ?? []) {
      const key = dismissalKey(segment.id, flag.checkId, segment.text.slice(flag.start, flag.end));
      (dismissed.has(key) ? dismissedFlags : flags).push(flag);
    }
    return { ...segment, flags, dismissedFlags, risk: scoreRisk(flags) };
  });
}

function dismissalKey(segmentId: number, checkId: string, spanText: string): string {
  return `${segmentId}\u0000${checkId}\u0000${spanText}`;
}

/** One sentence with its analysis (the whole document is analysed: some checks compare sentences). */
export async function getAnalyzedSegment(storage: Storage, segmentId: number): Promise<AnalyzedSegment> {
  const { segment } = await getSegment(storage, segmentId);
  const { segments } = await getAnalyzedDocument(storage, segment.documentId);
  return segments.find((candidate) => candidate.id === segmentId)!;
}

import { isPageNoise } from '../checks/segment-roles.js';
import type { DocumentWithText, SegmentRecord } from '../model.js';
import { joinKeptSegments } from '../text/join-kept-segments.js';
import type { ExportOptions } from './export-document.js';

/**
 * The corrected article as plain text: each sentence's current text put back between the original
 * separators, so paragraphs and lists survive; excluded sentences (page noise, dropped sentences)
 * are left out unless `includeExcluded`.
 */
export function formatText(document: DocumentWithText, segments: readonly SegmentRecord[], options: ExportOptions = {}): string {
  return joinKeptSegments(document.originalText, segments, segments.map((segment) => segment.text),
    segments.map((segment) => isKept(segment, options)));
}

/**
 * The machine translation as the text export gave it right after import: page noise left out by
 * its role (as the import marked it excluded), everything else kept. Comparing it with formatText
 * shows every change an editor made to the deliverable, including a dropped sentence or a credit
 * brought back, which a comparison with the same sentences left out on both sides would hide.
 */
export function formatMachineTranslationText(
  document: DocumentWithText, segments: readonly SegmentRecord[], options: ExportOptions = {},
): string {
  return joinKeptSegments(document.originalText, segments, segments.map((segment) => segment.original),
    segments.map((segment) => options.includeExcluded === true || !isPageNoise(segment.role)));
}

/** Whether a sentence belongs in a text export (txt, md). */
export function isKept(segment: SegmentRecord, options: ExportOptions): boolean {
  return options.includeExcluded === true || segment.status !== 'excluded';
}

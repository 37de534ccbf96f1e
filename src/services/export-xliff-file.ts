import { groupByBlock, layOutArticle } from '../formats/article.js';
import { readXliff } from '../formats/read-xliff.js';
import { writeXliff, type XliffUnitUpdate } from '../formats/write-xliff.js';
import type { DocumentWithText, SegmentRecord } from '../model.js';
import { joinSegments } from '../text/segment-article.js';
import { ServiceError } from './errors.js';
import { MAX_SENTENCE_LENGTH } from './limits.js';

/**
 * The XLIFF file an article was imported from, with the article's corrections written back: each
 * unit's target becomes its sentences' current text, and its state says how far review went. The
 * file is read again to find which sentences came from which unit: its layout is the text the
 * article was stored as, so sentence offsets fall inside the unit they were cut from.
 */
export function fillXliffFile(document: DocumentWithText, segments: readonly SegmentRecord[], file: string): string {
  const xliff = readXliff(file);
  // Laid out as the import did, long runs cut the same way.
  const layout = layOutArticle(xliff.article, { maxSentenceLength: MAX_SENTENCE_LENGTH });
  const matches = layout.text === document.originalText && layout.segments.length === segments.length
    && segments.every((segment, index) => segment.start === layout.segments[index]!.start && segment.end === layout.segments[index]!.end);
  if (!matches) {
    throw new ServiceError('conflict', 'This article no longer matches the XLIFF file it was imported from, so its corrections cannot be written back into it. '
      + 'Export it as Retouche XLIFF, or import the file again.');
  }
  const byBlock = groupByBlock(segments, (_segment, index) => layout.segments[index]!.block);
  const updates = layout.ranges.map((range, block): XliffUnitUpdate | undefined => {
    const sentences = byBlock.get(block) ?? [];
    if (sentences.length === 0) return undefined;
    const changed = sentences.some((segment) => segment.text !== segment.original);
    const shifted = sentences.map((segment) => ({ start: segment.start - range.start, end: segment.end - range.start, text: segment.original }));
    return {
      ...(changed && { target: joinSegments(document.originalText.slice(range.start, range.end), shifted, sentences.map((segment) => segment.text)) }),
      ...reviewOf(sentences, changed),
    };
  });
  return writeXliff(file, xliff, updates);
}

// A unit is approved when every sentence of it an editor kept is approved; it was edited when a
// sentence changed or was marked edited.
function reviewOf(sentences: readonly SegmentRecord[], changed: boolean): Pick<XliffUnitUpdate, 'review'> {
  const kept = sentences.filter((segment) => segment.status !== 'excluded');
  if (kept.length > 0 && kept.every((segment) => segment.status === 'approved')) return { review: 'approved' };
  if (changed || kept.some((segment) => segment.status === 'edited')) return { review: 'edited' };
  return {};
}

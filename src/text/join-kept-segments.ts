import { joinSegments, type SegmentSpan } from './segment-article.js';

/**
 * Rebuild an article leaving some segments out (page noise, dropped sentences). The text between
 * two kept segments is the strongest separator that stood between them: dropping "B" from
 * "A\n\nB C" must keep the paragraph break ("A\n\nC"), not the space. On a tie the later separator
 * wins, because it carries the list marker of the next kept item ("\n\n  • "). With every segment
 * kept this is exactly joinSegments.
 */
export function joinKeptSegments(
  text: string,
  segments: readonly SegmentSpan[],
  replacements: readonly (string | undefined)[],
  keep: readonly boolean[],
): string {
  if (keep.every(Boolean)) return joinSegments(text, segments, replacements);
  const parts: string[] = [];
  let pendingGaps: string[] = [];
  let keptAny = false;
  let cursor = 0;
  segments.forEach((segment, index) => {
    pendingGaps.push(text.slice(cursor, segment.start));
    cursor = segment.end;
    if (!keep[index]) return;
    const gap = strongestGap(pendingGaps);
    // Before the first kept segment only the text that opens the article and the marker of
    // this item's own line belong: not the breaks that separated dropped paragraphs.
    parts.push(keptAny ? gap : pendingGaps[0]! + (pendingGaps.length > 1 ? afterLastLineBreak(gap) : ''));
    parts.push(replacements[index] ?? segment.text);
    pendingGaps = [];
    keptAny = true;
  });
  if (keptAny) parts.push(text.slice(cursor));
  return parts.join('');
}

function strongestGap(gaps: readonly string[]): string {
  let best = gaps[0] ?? '';
  for (const gap of gaps.slice(1)) if (lineBreaks(gap) >= lineBreaks(best)) best = gap;
  return best;
}

function lineBreaks(gap: string): number {
  let count = 0;
  for (let i = 0; i < gap.length; i++) if (gap.charCodeAt(i) === 10) count++;
  return count;
}

function afterLastLineBreak(gap: string): string {
  return gap.slice(gap.lastIndexOf('\n') + 1);
}

/**
 * Cut an article into the segments an editor reviews: paragraphs, then sentences.
 *
 * Segments are offsets into the original text, never a rewrite of it, so whatever lies between
 * them (blank lines, list bullets, indentation, CRLF) survives an export untouched.
 */
import { isWhitespaceCode, splitSentences, type SplitOptions } from './split-sentences.js';

/** One sentence (or heading, caption, list item) of an article. */
export interface ArticleSegment {
  /** Offset of the first character in the article (half-open, UTF-16). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** 0-based index of the paragraph holding the segment. */
  paragraph: number;
  /** 0-based index of the segment in the whole article. */
  position: number;
  /** `text.slice(start, end)` of the article. */
  text: string;
}

/** The part of a segment `joinSegments` needs. */
export type SegmentSpan = Pick<ArticleSegment, 'start' | 'end' | 'text'>;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Split an article into segments. Paragraphs are separated by blank lines (a line holding only
 * whitespace counts as blank); LF, CRLF and lone CR line ends all work. A list marker at the start
 * of a line (•, ◦, ▪, ‣, ⁃, -, *, – followed by whitespace and more text) is structure, so it is
 * left out of the segment; a line holding only "-" is a segment of its own (a separator).
 * `options.language` picks the sentence splitter's word lists (English when absent).
 */
export function segmentArticle(text: string, options: SplitOptions = {}): ArticleSegment[] {
  const segments: ArticleSegment[] = [];
  let paragraph = -1;
  let inParagraph = false;
  // The run of lines being collected for sentence splitting: [blockStart, blockEnd).
  let blockStart = -1;
  let blockEnd = -1;
  const flush = (): void => {
    if (blockStart < 0) return;
    for (const span of splitSentences(text, blockStart, blockEnd, options)) {
      const { start, end } = span;
      segments.push({ start, end, paragraph, position: segments.length, text: text.slice(start, end) });
    }
    blockStart = -1;
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== LF && text.charCodeAt(lineEnd) !== CR) lineEnd++;
    const contentStart = skipWhitespace(text, lineStart, lineEnd);
    if (contentStart === lineEnd) {
      flush();
      inParagraph = false;
    } else {
      if (!inParagraph) {
        inParagraph = true;
        paragraph++;
      }
      const itemStart = listItemStart(text, contentStart, lineEnd);
      if (itemStart > contentStart) flush();
      if (blockStart < 0) blockStart = itemStart;
      blockEnd = lineEnd;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
  }
  flush();
  return segments;
}

/**
 * Cut every segment longer than `maxLength` into pieces of at most that length, at the last
 * whitespace that fits (inside a word only when a run without whitespace is longer than the
 * limit, never inside a surrogate pair), renumbering positions; each piece keeps its segment's
 * other fields (paragraph, block). The pieces are offsets into `text` like any segment, so the
 * text between them survives an export untouched.
 */
export function capSegmentLength<S extends ArticleSegment>(text: string, segments: readonly S[], maxLength: number): S[] {
  if (segments.every((segment) => segment.end - segment.start <= maxLength)) return [...segments];
  const capped: S[] = [];
  const push = (segment: S, start: number, end: number) => {
    capped.push({ ...segment, start, end, position: capped.length, text: text.slice(start, end) });
  };
  for (const segment of segments) {
    let start = segment.start;
    while (segment.end - start > maxLength) {
      let cut = start + maxLength;
      while (cut > start && !isWhitespaceCode(text.charCodeAt(cut))) cut--;
      let end = cut;
      while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
      if (end === start) {
        // No whitespace to cut at: cut the run itself, after a whole character.
        end = start + maxLength;
        if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
        cut = end;
      }
      push(segment, start, end);
      start = skipWhitespace(text, cut, segment.end);
    }
    push(segment, start, segment.end);
  }
  return capped;
}

/**
 * Rebuild an article from its segments: everything between segments is copied from `text`, and
 * each segment contributes `replacements[i]` when given, else its own `text`. With no
 * replacements the result equals `text` exactly. Segments must be in order and not overlap.
 */
export function joinSegments(
  text: string,
  segments: readonly SegmentSpan[],
  replacements?: readonly (string | undefined)[],
): string {
  const parts: string[] = [];
  let cursor = 0;
  segments.forEach((segment, index) => {
    if (segment.start < cursor || segment.end < segment.start || segment.end > text.length) {
      throw new RangeError(`Segment ${index} [${segment.start}, ${segment.end}) is out of order or out of range`);
    }
    parts.push(text.slice(cursor, segment.start), replacements?.[index] ?? segment.text);
    cursor = segment.end;
  });
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Where the item text starts if the line at `pos` opens with a list marker, else `pos`. */
function listItemStart(text: string, pos: number, lineEnd: number): number {
  if (!isListMarker(text.charCodeAt(pos))) return pos;
  const after = pos + 1;
  // "- Reuters" is an item; "-5%" and "--" are text.
  if (after >= lineEnd || !isWhitespaceCode(text.charCodeAt(after))) return pos;
  const itemStart = skipWhitespace(text, after, lineEnd);
  return itemStart < lineEnd ? itemStart : pos;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function skipWhitespace(text: string, pos: number, end: number): number {
  while (pos < end && isWhitespaceCode(text.charCodeAt(pos))) pos++;
  return pos;
}

// • ◦ ▪ ‣ ⁃ - * –
function isListMarker(c: number): boolean {
  return c === 0x2022 || c === 0x25e6 || c === 0x25aa || c === 0x2023 || c === 0x2043 || c === 0x2d || c === 0x2a || c === 0x2013;
}

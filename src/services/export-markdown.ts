import type { DocumentWithText, SegmentRecord } from '../model.js';
import type { ExportOptions } from './export-document.js';
import { takeTitle } from './export-outline.js';
import { isKept } from './export-text.js';

// Characters that open inline markup anywhere in a line (CommonMark and GitHub's tables and
// strikethrough): emphasis, code, links and images, raw HTML and autolinks, escapes themselves.
const INLINE_MARKUP = /[\\`*_[\]<|~]/g;
// "&amp;" or "&#38;" would be read as the character they name; a lone "&" is fine.
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;
// What opens a block when it starts a line: a heading "#", a quote ">", a list "-", "+", a setext
// underline "=". "*" is already escaped inline.
const BLOCK_MARKER = /^([#>+=-])/;
// "1." or "1)" then a space or the end: an ordered list item.
const ORDERED_MARKER = /^(\d{1,9})([.)])(?=[ \t]|$)/;
// A list bullet on the line before a segment in the imported text (segment-article leaves it out of the segment).
const BULLET_BEFORE = /(?:^|\n)[ \t]*[•◦▪‣⁃*–-][ \t]+$/;

interface Block {
  kind: 'heading' | 'paragraph';
  lines: string[];
}

/**
 * The corrected article as Markdown: `# title`, then one block per paragraph, `## ` for
 * headings, `- ` for list items; excluded sentences left out unless `includeExcluded`. Body text
 * is escaped so that an article sentence never turns into markup: "1. First" stays a sentence, not
 * a list, "<b>" stays visible text, not HTML.
 *
 * When the title was taken from the first sentence at import (the usual case for pasted text),
 * that sentence becomes the `#` title, in its corrected form, instead of appearing twice.
 */
export function formatMarkdown(document: DocumentWithText, segments: readonly SegmentRecord[], options: ExportOptions = {}): string {
  const { title, body: kept } = takeTitle(document, segments, segments.filter((segment) => isKept(segment, options) && segment.text.trim() !== ''));
  const blocks: Block[] = [];
  let previous: SegmentRecord | undefined;
  for (const segment of kept) {
    const before = document.originalText.slice(endBefore(segments, segment), segment.start);
    const bullet = BULLET_BEFORE.test(before);
    const newLine = before.includes('\n') || before.includes('\r');
    const block = blocks.at(-1);
    // A bulleted line is a list item even when short enough to pass for a heading.
    if (segment.role === 'heading' && !bullet) {
      blocks.push({ kind: 'heading', lines: [escapeHeading(segment.text)] });
    } else if (!block || block.kind === 'heading' || previous?.paragraph !== segment.paragraph) {
      blocks.push({ kind: 'paragraph', lines: [(bullet ? '- ' : '') + escapeBody(segment.text)] });
    } else if (newLine) {
      block.lines.push((bullet ? '- ' : '') + escapeBody(segment.text));
    } else {
      block.lines[block.lines.length - 1] += ` ${escapeBody(segment.text)}`;
    }
    previous = segment;
  }
  const body = blocks.map((block) => (block.kind === 'heading' ? `## ${block.lines[0]}` : block.lines.join('\n')));
  return `${[`# ${escapeHeading(title)}`, ...body].join('\n\n')}\n`;
}

/**
 * Escape text so CommonMark renders it as the same characters: inline markup everywhere, and
 * block markers at the start of each line. Leading spaces go too (four would make a code block).
 */
export function escapeBody(text: string): string {
  return escapeInline(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[ \t]+/, '').replace(BLOCK_MARKER, '\\$1').replace(ORDERED_MARKER, '$1\\$2'))
    .join('\n');
}

// A heading is one line; any "#" could close it ("## Results #1" loses "#1"), so all are escaped.
function escapeHeading(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim()).replace(/#/g, '\\#');
}

function escapeInline(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&').replace(ENTITY_LIKE, '\\&');
}

// Where the text before `segment` starts: the end of the segment before it in the article.
function endBefore(segments: readonly SegmentRecord[], segment: SegmentRecord): number {
  const index = segments.indexOf(segment);
  return index > 0 ? segments[index - 1]!.end : 0;
}

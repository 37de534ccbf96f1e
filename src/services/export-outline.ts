import type { ArticleOutline, OutlineBlock } from '../formats/article.js';
import type { DocumentWithText, SegmentRecord } from '../model.js';
import type { ExportOptions } from './export-document.js';
import { isKept } from './export-text.js';

/**
 * The corrected article as the HTML and Word writers take it: the title, then one block per
 * paragraph of kept sentences (headings and captions as such), a line break of the imported text
 * kept as a line break; excluded sentences left out unless `includeExcluded`, as in the text export.
 */
export function outlineArticle(document: DocumentWithText, segments: readonly SegmentRecord[], options: ExportOptions = {}): ArticleOutline {
  const { title, body } = takeTitle(document, segments, segments.filter((segment) => isKept(segment, options) && segment.text.trim() !== ''));
  const blocks: OutlineBlock[] = [];
  let previous: SegmentRecord | undefined;
  for (const segment of body) {
    const kind = segment.role === 'heading' ? 'heading' : segment.role === 'caption' ? 'caption' : 'paragraph';
    const block = blocks.at(-1);
    const text = segment.text.trim();
    if (!block || !previous || previous.paragraph !== segment.paragraph || block.kind !== kind) {
      blocks.push({ kind, lines: [text] });
    } else if (document.originalText.slice(previous.end, segment.start).includes('\n')) {
      block.lines.push(text);
    } else {
      block.lines[block.lines.length - 1] += ` ${text}`;
    }
    previous = segment;
  }
  return { title, language: document.targetLanguage, blocks };
}

/**
 * When the title was taken from the first sentence at import (pasted text, a page's headline),
 * that sentence is the title, in its corrected form, instead of appearing twice.
 */
export function takeTitle(
  document: DocumentWithText, segments: readonly SegmentRecord[], kept: readonly SegmentRecord[],
): { title: string; body: readonly SegmentRecord[] } {
  const first = kept[0];
  if (first && first.position === segments[0]?.position && first.original.trim() === document.title.trim()) {
    return { title: first.text, body: kept.slice(1) };
  }
  return { title: document.title, body: kept };
}

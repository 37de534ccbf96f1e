/**
 * The one shape every import format is read into, and how it becomes the plain text Retouche
 * stores. A reader knows what the file says about each block (a heading is a heading, a
 * figcaption a caption); the import takes those roles as given and guesses only for blocks that
 * have none (plain text and Markdown paragraphs).
 */
import type { SegmentRole } from '../model.js';
import { capSegmentLength, segmentArticle, type ArticleSegment } from '../text/segment-article.js';
import type { SplitOptions } from '../text/split-sentences.js';

/** The kinds of file Retouche reads an article from. */
export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'xliff';

/**
 * One block of an article: a paragraph, heading, caption, list item, or one XLIFF unit or segment
 * (whose id stays in the kept file: readXliff lists the units in block order).
 */
export interface ArticleBlock {
  /** The block's text; for plain text, the whole article with its own paragraph breaks. */
  text: string;
  /** The role the file gives the block; absent when only the text can tell (plain text, Markdown paragraphs). */
  role?: SegmentRole;
  /** The original-language text this block translates, when the file carries it (XLIFF sources). */
  source?: string;
  /** The block continues the paragraph of the block before it (XLIFF segments of one unit). */
  joinsPrevious?: boolean;
}

export interface Article {
  blocks: ArticleBlock[];
  /** The title the file gives the article (an HTML page's headline, a Markdown `#` heading). */
  title?: string;
  /** Languages the file declares (ISO 639-1), when it does. */
  targetLanguage?: string;
  sourceLanguage?: string;
}

/** A segment of a laid-out article, with the block it came from. */
export interface BlockSegment extends ArticleSegment {
  block: number;
}

export interface LaidOutArticle {
  /** The article as plain text: blocks one paragraph apart, or a space apart when one joins the previous. */
  text: string;
  /** Each block's range in `text`, in block order. */
  ranges: { start: number; end: number }[];
  /** The sentences of every block, numbered through the whole article. */
  segments: BlockSegment[];
}

/** Blocks of different paragraphs stand one blank line apart, as in a plain-text article. */
const PARAGRAPH_BREAK = '\n\n';

/** A plain-text article: one block holding it all, so its own separators, lists and line ends are kept. */
export function readPlainText(text: string): Article {
  return { blocks: [{ text }] };
}

/**
 * The article as the plain text Retouche stores: blocks one blank line apart, or a space apart when
 * one joins the paragraph before it, with each block's range in the text. It depends on nothing but
 * the blocks, so the same file always gives the same text: an XLIFF export finds each unit's
 * sentences again by reading the file it came from.
 */
export function joinBlocks(article: Article): Pick<LaidOutArticle, 'text' | 'ranges'> {
  const parts: string[] = [];
  const ranges: { start: number; end: number }[] = [];
  let length = 0;
  article.blocks.forEach((block, index) => {
    if (index > 0) {
      const separator = block.joinsPrevious ? ' ' : PARAGRAPH_BREAK;
      parts.push(separator);
      length += separator.length;
    }
    parts.push(block.text);
    ranges.push({ start: length, end: length + block.text.length });
    length += block.text.length;
  });
  return { text: parts.join(''), ranges };
}

/** How to lay an article out: the sentence splitter's language, and the longest sentence kept whole. */
export interface LayoutOptions extends SplitOptions {
  /** Runs longer than this are cut at whitespace into sentences of at most this length (see capSegmentLength). */
  maxSentenceLength?: number;
}

/**
 * Join the blocks (joinBlocks) and cut them into sentences block by block, so no sentence spans
 * two blocks: two XLIFF segments stay two sentences even without a full stop between them.
 * Paragraphs are numbered through the article; a block that joins the one before continues its
 * last paragraph.
 */
export function layOutArticle(article: Article, options: LayoutOptions = {}): LaidOutArticle {
  const { text, ranges } = joinBlocks(article);
  const segments: BlockSegment[] = [];
  let paragraph = -1;
  article.blocks.forEach((block, index) => {
    const { start } = ranges[index]!;
    const local = segmentArticle(block.text, options);
    const first = block.joinsPrevious === true && paragraph >= 0 ? paragraph : paragraph + 1;
    for (const segment of local) {
      segments.push({
        start: start + segment.start,
        end: start + segment.end,
        paragraph: first + segment.paragraph,
        position: segments.length,
        text: segment.text,
        block: index,
      });
    }
    const last = local.at(-1);
    if (last) paragraph = first + last.paragraph;
  });
  return { text, ranges, segments: options.maxSentenceLength === undefined ? segments : capSegmentLength(text, segments, options.maxSentenceLength) };
}

/** Items (sentences of a laid-out article, or records stored from them) by the block they came from. */
export function groupByBlock<T>(items: readonly T[], blockOf: (item: T, index: number) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  items.forEach((item, index) => {
    const block = blockOf(item, index);
    const group = groups.get(block);
    if (group) group.push(item);
    else groups.set(block, [item]);
  });
  return groups;
}

/** An article as the writers put it out (HTML, Word): a title, then headings and paragraphs. */
export interface ArticleOutline {
  title: string;
  /** ISO 639-1 code of the text. */
  language: string;
  blocks: OutlineBlock[];
}

export interface OutlineBlock {
  kind: 'heading' | 'paragraph' | 'caption';
  /** The block's lines: a line break of the article separates them. */
  lines: string[];
}

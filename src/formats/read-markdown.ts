/**
 * A Markdown article (CommonMark, parsed by mdast-util-from-markdown): headings are headings, every
 * paragraph, list item and quoted paragraph is a block whose role the text decides, as in plain text.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Article, ArticleBlock } from './article.js';
import { FormatError } from './format-error.js';

// The parser's time grows faster than the text with the depth of quotes and lists (100,000 nested
// quotes took 91 s, then overflowed the stack): no article nests a line deeper than this, by
// markers on the line ("> > - ") or by indentation.
const DEEPEST_NESTING = 50;
const DEEP_LINE = new RegExp(`^(?:(?:[ \\t]*(?:>|[*+-][ \\t])){${DEEPEST_NESTING + 1}}|[ \\t]{${4 * DEEPEST_NESTING}})`, 'm');

/**
 * The blocks of a Markdown text in reading order. Inline markup goes (emphasis, links keep their
 * words, images and raw HTML go); a hard line break stays a line break. A `#` heading that opens
 * the text is the article's title, and also its first block: the headline is translated text.
 */
export function readMarkdown(markdown: string): Article {
  if (DEEP_LINE.test(markdown)) {
    throw new FormatError('too-large', `A line of this Markdown file is nested more than ${DEEPEST_NESTING} quote or list levels deep, `
      + 'which Retouche does not read. Import it as a plain-text (.txt) file instead.');
  }
  const root: Root = fromMarkdown(markdown);
  const blocks: ArticleBlock[] = [];
  collectBlocks(root, blocks);
  const first = root.children.find((node) => node.type !== 'html' && node.type !== 'thematicBreak');
  const title = first?.type === 'heading' && first.depth === 1 ? blocks[0]?.text : undefined;
  return { blocks, ...(title !== undefined && { title }) };
}

function collectBlocks(parent: Parents, blocks: ArticleBlock[]): void {
  for (const node of parent.children) {
    switch (node.type) {
      case 'heading':
        pushBlock(blocks, textOf(node), 'heading');
        break;
      case 'paragraph':
      case 'code':
        pushBlock(blocks, textOf(node));
        break;
      case 'html':
      case 'thematicBreak':
      case 'definition':
        break;
      default:
        // Lists, list items and quotes: their paragraphs are the blocks.
        if ('children' in node) collectBlocks(node, blocks);
    }
  }
}

function pushBlock(blocks: ArticleBlock[], text: string, role?: 'heading'): void {
  const trimmed = text.trim();
  if (trimmed !== '') blocks.push(role ? { text: trimmed, role } : { text: trimmed });
}

function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') return '';
  return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : '';
}

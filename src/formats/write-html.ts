/** An article as an HTML fragment for a CMS: no page around it, no classes but the caption's, every text escaped. */
import type { ArticleOutline, OutlineBlock } from './article.js';
import { replaceForbidden } from './xml-escape.js';

/**
 * `<h1>` for the title, `<h2>` for headings, `<p>` for paragraphs (`<p class="caption">` for a
 * caption, since `<figcaption>` is only valid inside the `<figure>` the CMS builds around its
 * picture), `<br>` between the lines of a block. The fragment is wrapped in an `<article>` that
 * carries the language, so a CMS or a screen reader knows it.
 */
export function writeHtml(outline: ArticleOutline): string {
  const lines = [`<article lang="${escapeHtml(outline.language)}">`, `<h1>${escapeHtml(replaceForbidden(outline.title))}</h1>`];
  for (const block of outline.blocks) lines.push(formatBlock(block));
  lines.push('</article>', '');
  return lines.join('\n');
}

function formatBlock(block: OutlineBlock): string {
  // A control character a paste left in a sentence is no text a CMS should get.
  const content = block.lines.map((line) => escapeHtml(replaceForbidden(line))).join('<br>\n');
  if (block.kind === 'heading') return `<h2>${content}</h2>`;
  return block.kind === 'caption' ? `<p class="caption">${content}</p>` : `<p>${content}</p>`;
}

/** Text for HTML content and double-quoted attributes: the five characters that could start markup or end a value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Turn an article's HTML (what Readability kept of a web page, or what mammoth made of a Word file)
 * into blocks with the roles its markup gives them. Each run of text between block boundaries is
 * one block; its role comes from the elements around it, innermost first.
 */
import type { SegmentRole } from '../model.js';
import type { ArticleBlock } from './article.js';

// Elements that start and end a block of text.
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
// Elements whose content is never article text.
const SKIPPED_ELEMENTS = new Set([
  'button', 'canvas', 'head', 'iframe', 'input', 'math', 'noscript', 'object', 'script', 'select', 'style', 'svg', 'template', 'textarea',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Class and id words newsrooms' templates use, matched as whole words of the attribute
// ("article-byline", "photo_credit", "read-also").
const CREDIT_MARKUP = markupPattern('byline|credits?|author|authors|copyright|signature|auteur|photo-?credit');
const TEASER_MARKUP = markupPattern('related|read-?also|see-?also|also-?read|lire-?aussi|a-?lire|teaser|recommended|more-?on|further-?reading');
const TAG_MARKUP = markupPattern('tags?|tag-?list|keywords|topics|subjects');
const CAPTION_MARKUP = markupPattern('caption|legend|legende|wp-caption-text');
// A block that is mostly link and does not end like a sentence is a pointer to another article:
// "Read also: Pensions, what changes on January 1st".
const TEASER_LINK_SHARE = 0.5;
const SENTENCE_END = /[.!?…"”»)]$/u;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface Run {
  /** The innermost block element around the run. */
  container: Element;
  text: string;
  /** Letters and digits inside links, and in all, for the link share. */
  linked: number;
  total: number;
  /** Every link in the run is rel="tag". */
  onlyTagLinks: boolean;
  links: number;
}

/**
 * The blocks of `root`'s content, in document order, each with the role its markup gives it:
 * headings, captions (figcaption or a caption class), credits (byline, author, credit classes,
 * address), teasers (aside, related or read-also classes, a block that is mostly a link) and tags
 * (tag-list classes, rel="tag" links). Everything else is body.
 */
export function readHtmlBlocks(root: Element): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let run = openRun(root);
  const flush = (): void => {
    const text = cleanText(run.text);
    if (text !== '') blocks.push({ text, role: roleOf(run, root) });
    run = openRun(run.container);
  };
  const walk = (node: Node, inLink: boolean): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        // Line ends in HTML source are spaces; only <br> breaks a line.
        const data = (child as Text).data.replace(/[ \t\n\r\f]+/g, ' ');
        const letters = countLetters(data);
        run.text += data;
        run.total += letters;
        if (inLink) run.linked += letters;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      const name = element.localName.toLowerCase();
      if (SKIPPED_ELEMENTS.has(name) || element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') continue;
      if (name === 'br') {
        run.text += '\n';
        continue;
      }
      const isLink = name === 'a' && element.getAttribute('href') !== null;
      if (isLink) {
        run.links++;
        if (!/(^|\s)tag(\s|$)/i.test(element.getAttribute('rel') ?? '')) run.onlyTagLinks = false;
      }
      // A credit inside a caption ("<span class="credit">Photo: AFP</span>") is a block of its own.
      if (BLOCK_ELEMENTS.has(name) || hasRoleMarkup(element)) {
        const outer = run.container;
        flush();
        run = openRun(element);
        walk(element, false);
        flush();
        run = openRun(outer);
      } else {
        walk(element, inLink || isLink);
      }
    }
  };
  walk(root, false);
  flush();
  return blocks;
}

/** Whether an element holds a block element, so is no paragraph itself. */
export function hasBlockChild(element: Element): boolean {
  return Array.from(element.children).some((child) => BLOCK_ELEMENTS.has(child.localName.toLowerCase()));
}

function openRun(container: Element): Run {
  return { container, text: '', linked: 0, total: 0, onlyTagLinks: true, links: 0 };
}

// Noise roles from any element around the run win (a heading inside a related-articles box is a
// teaser); otherwise the innermost heading or caption decides.
function roleOf(run: Run, root: Element): SegmentRole {
  let structural: SegmentRole | undefined;
  for (let element: Element | null = run.container; element && element !== root.parentElement; element = element.parentElement) {
    const noise = noiseRoleOf(element);
    if (noise) return noise;
    structural ??= structuralRoleOf(element);
  }
  if (run.links > 0 && run.onlyTagLinks) return 'tag';
  if (structural) return structural;
  const text = cleanText(run.text);
  if (run.links > 0 && run.linked >= run.total * TEASER_LINK_SHARE && !SENTENCE_END.test(text)) return 'teaser';
  return 'body';
}

function noiseRoleOf(element: Element): SegmentRole | undefined {
  const name = element.localName.toLowerCase();
  if (name === 'aside') return 'teaser';
  if (name === 'address') return 'credit';
  const markup = markupOf(element);
  if (markup === '') return undefined;
  if (CREDIT_MARKUP.test(markup)) return 'credit';
  if (TAG_MARKUP.test(markup)) return 'tag';
  if (TEASER_MARKUP.test(markup)) return 'teaser';
  return undefined;
}

function structuralRoleOf(element: Element): SegmentRole | undefined {
  const name = element.localName.toLowerCase();
  if (HEADINGS.has(name)) return 'heading';
  if (name === 'figcaption' || name === 'caption' || CAPTION_MARKUP.test(markupOf(element))) return 'caption';
  return undefined;
}

/** Whether the element's class, id or itemprop gives its text a role (credit, tag, teaser, caption). */
export function hasRoleMarkup(element: Element): boolean {
  const markup = markupOf(element);
  return markup !== '' && (CREDIT_MARKUP.test(markup) || TAG_MARKUP.test(markup) || TEASER_MARKUP.test(markup) || CAPTION_MARKUP.test(markup));
}

function markupOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('itemprop') ?? ''}`.trim();
}

function markupPattern(words: string): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${words})(?=$|[\\s_-])`, 'i');
}

/**
 * HTML whitespace collapsed to single spaces; a <br> stays a line break; blank lines go, and so do
 * control characters a word processor leaves in text (a vertical tab for a manual line break).
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function countLetters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/**
 * A saved web page as an article: Mozilla's Readability (the library behind Firefox's Reader View)
 * finds the article in the page over linkedom's light DOM, which runs no script and loads nothing;
 * the blocks and their roles come from the markup Readability keeps.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, ArticleBlock } from './article.js';
import { FormatError } from './format-error.js';
import { cleanText, hasBlockChild, hasRoleMarkup, readHtmlBlocks } from './html-blocks.js';

// How far into the file a <meta charset> is looked for, as browsers do (HTML's prescan).
const CHARSET_PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * Decode a web page: a byte-order mark first, then the charset the server sent, then the page's own
 * <meta charset>, else UTF-8. A page that is not in the charset it claims is refused rather than
 * read with "�" in place of its accents.
 */
export function decodeHtml(bytes: Uint8Array, declaredCharset?: string): string {
  const label = charsetOf(bytes, declaredCharset);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new FormatError('wrong-type', `The page is in the character set "${label}", which Retouche cannot read. Save it as UTF-8.`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FormatError('wrong-type', `The page is not valid ${decoder.encoding.toUpperCase()} text. Save it as UTF-8 and import it again.`);
  }
}

/**
 * The article of a web page: its headline and byline, then its paragraphs, headings, captions and
 * credits as Readability keeps them, then the page's tag links (rel="tag" in the article), which
 * Readability drops as navigation but which are part of the translated page.
 */
export function readHtml(html: string): Article {
  try {
    return readArticleOf(html);
  } catch (error) {
    // linkedom and Readability walk the tree recursively: a page nested thousands deep (or an
    // attribute of a megabyte) overflows the stack. That is the page's doing, and a person's to fix.
    if (error instanceof RangeError) {
      throw new FormatError('too-large', 'This page is built in a way Retouche cannot read (elements nested thousands deep, or an attribute '
        + 'of a megabyte). Save the article text and paste it, or import the Word version.');
    }
    throw error;
  }
}

function readArticleOf(html: string): Article {
  const page = parseHtmlDocument(html);
  const tags = readTagLinks(page);
  const headline = page.querySelector('article h1') ?? page.querySelector('h1');
  const headlineText = headline ? visibleText(headline) : '';
  keepRoleMarkup(page);
  const found = new Readability(page, { keepClasses: true }).parse();
  if (!found?.content) throw noArticle();
  const content = parseHtmlDocument(`<body>${found.content}</body>`).body;
  const blocks = readHtmlBlocks(content);
  // The page's own headline, not its <title>, which often ends with the site's name.
  const title = headlineText || cleanText(found.title ?? '');
  const lead: ArticleBlock[] = [];
  // Readability takes the headline and the byline out of the content; they are translated text too.
  if (title !== '' && !blocks.some((block) => block.text === title)) lead.push({ text: title, role: 'heading' });
  const byline = cleanText(found.byline ?? '');
  if (byline !== '' && !blocks.some((block) => block.text === byline)) lead.push({ text: byline, role: 'credit' });
  const article = [...lead, ...blocks, ...tags.map((text): ArticleBlock => ({ text, role: 'tag' }))];
  if (!article.some((block) => block.role === 'body')) throw noArticle();
  return { blocks: article, ...(title !== '' && { title }), ...languageOf(page) };
}

function parseHtmlDocument(html: string): Document {
  // linkedom builds no <html> or <body> around a bare fragment; Readability needs them.
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}

/**
 * Readability turns a <div> holding only text into a <p> and, over linkedom, loses its attributes
 * on the way: a <div class="caption"> would come out as a plain paragraph. Such divs become <p>
 * here first, attributes kept, so Readability leaves them as they are.
 */
function keepRoleMarkup(page: Document): void {
  for (const div of Array.from(page.querySelectorAll('div'))) {
    if (!hasRoleMarkup(div) || hasBlockChild(div)) continue;
    const paragraph = page.createElement('p');
    for (const name of div.getAttributeNames()) paragraph.setAttribute(name, div.getAttribute(name)!);
    paragraph.append(...Array.from(div.childNodes));
    div.replaceWith(paragraph);
  }
}

function readTagLinks(page: Document): string[] {
  const scope = page.querySelector('article') ?? page.body;
  if (!scope) return [];
  const tags = Array.from(scope.querySelectorAll('a[rel~="tag"]'), visibleText);
  return [...new Set(tags.filter((tag) => tag !== ''))];
}

// Elements whose text a reader never sees: code, styles, fallbacks, and what the page hides.
const UNSEEN_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'IFRAME', 'OBJECT']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * The text a reader sees in an element taken straight from the page (the headline, a tag link):
 * Readability cleans the body, not these, and `textContent` would bring in a script's code or a
 * hidden span ("Storm warningvar x = 1;"). Walked with a stack, not recursion: pages nest deep.
 */
function visibleText(root: Element): string {
  let text = '';
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 || isUnseen(node as Element)) continue;
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]!);
  }
  return cleanText(text.replace(/\s+/g, ' '));
}

function isUnseen(element: Element): boolean {
  return UNSEEN_ELEMENTS.has(element.tagName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true'
    || HIDDEN_STYLE.test(element.getAttribute('style') ?? '');
}

function languageOf(page: Document): Pick<Article, 'targetLanguage'> {
  const language = /^([a-z]{2})(?:[-_]|$)/i.exec(page.documentElement?.getAttribute('lang') ?? '')?.[1]?.toLowerCase();
  return language ? { targetLanguage: language } : {};
}

function charsetOf(bytes: Uint8Array, declared: string | undefined): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (declared) return declared.trim().toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
}

function noArticle(): FormatError {
  return new FormatError('empty', 'Retouche found no article text in this page: save the article page itself (not a home or list page), or paste its text.');
}

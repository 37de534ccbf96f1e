/**
 * A Word file (.docx) as an article: mammoth turns its paragraphs into HTML by style (Heading 1-6
 * and Title into headings, Caption, Byline and Credit into classed paragraphs), and the HTML block
 * reader gives each its role.
 */
import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { Article } from './article.js';
import { FormatError } from './format-error.js';
import { readHtmlBlocks } from './html-blocks.js';
import { readZip, type ZipLimits } from './read-zip.js';

/** A Word file of a long article is a few dozen entries and a few megabytes unpacked. */
export const DOCX_LIMITS: ZipLimits = { maxEntries: 1000, maxBytes: 32 * 1024 * 1024 };

// Word's own style names for what news templates call title, caption and credit lines.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='caption'] => p.caption:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Byline'] => p.byline:fresh",
  "p[style-name='Credit'] => p.credit:fresh",
  "p[style-name='Photo Credit'] => p.credit:fresh",
  "p[style-name='Author'] => p.byline:fresh",
];
const WHAT = 'Word file';
// Word never writes a DTD; one in a part is an attempt at entity expansion, refused unread.
const DECLARATIONS = ['<!DOCTYPE', '<!ENTITY'];

/**
 * The article in a .docx file. Refuses, with a FormatError a person can act on: bytes that are not a
 * zip (an old .doc, a renamed file), a damaged archive, one that unpacks past DOCX_LIMITS, a zip
 * that is not a Word document (an .odt, an .xlsx), XML parts that declare a DTD, and a document
 * with no text.
 */
export async function readDocx(bytes: Uint8Array): Promise<Article> {
  const entries = readZip(bytes, DOCX_LIMITS, WHAT);
  for (const [name, content] of entries) {
    const part = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    if (/\.(xml|rels)$/i.test(name) && DECLARATIONS.some((marker) => part.includes(marker))) {
      throw new FormatError('unsafe', `The Word file's part ${name} declares a DTD or entities, which Retouche never reads. Save the document again from Word.`);
    }
  }
  // mammoth reads the archive itself: it gets the entries already unpacked and counted, stored
  // uncompressed, so what it inflates is exactly what was bounded above.
  const checked = zipSync(Object.fromEntries(entries), { level: 0 });
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) }, {
      styleMap: STYLE_MAP,
      externalFileAccess: false,
      // Pictures are not text: no data: URLs of every photo in the HTML.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/main document part/i.test(message)) {
      throw new FormatError('wrong-type', 'This is not a Word document: the zip holds no word/document.xml. Save it as .docx from Word, LibreOffice or Google Docs.');
    }
    throw new FormatError('corrupt', `The Word file is damaged and cannot be read (${message}). Save it again and import the new copy.`);
  }
  const blocks = readHtmlBlocks(parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document.body as unknown as Element);
  if (blocks.length === 0) throw new FormatError('empty', 'The Word file holds no text.');
  const first = blocks[0]!;
  return { blocks, ...(first.role === 'heading' && { title: first.text }) };
}

/**
 * A file an editor gave (uploaded or fetched), read into an article by the reader of its format.
 * Pure and synchronous apart from Word's unzip, so it can run in a worker thread (see
 * read-article-off-thread.ts); every refusal is a FormatError, which crosses the thread as data.
 */
import { readPlainText, type Article } from '../formats/article.js';
import { detectFormat } from '../formats/detect-format.js';
import { FormatError } from '../formats/format-error.js';
import { readDocx } from '../formats/read-docx.js';
import { decodeHtml, readHtml } from '../formats/read-html.js';
import { readMarkdown } from '../formats/read-markdown.js';
import { readXliff } from '../formats/read-xliff.js';
import type { ImportedFile } from '../model.js';
import { decodeUtf8, findForbiddenCharacter, normalizeLineEnds } from './input-rules.js';

/** A file as it came: its name, its bytes and the media type it was sent with. */
export interface GivenFile {
  name: string;
  bytes: Uint8Array;
  mediaType?: string | undefined;
}

export interface ReadFile {
  article: Article;
  /** The file as it came, for a format whose export writes back into it (XLIFF). */
  keptFile: ImportedFile | undefined;
}

/** Read `file` as an article; `what` ("article", "source") names it in messages. */
export async function readArticleFile(file: GivenFile, what: string): Promise<ReadFile> {
  try {
    return await readByFormat(file, what);
  } catch (error) {
    // A parser that recurses (Markdown's, Word's XML) overflows the stack on a file nested thousands deep.
    if (error instanceof RangeError) {
      throw new FormatError('too-large', `The ${what} is nested too deeply to read. Save it as plain text (.txt) and import that.`);
    }
    throw error;
  }
}

async function readByFormat(file: GivenFile, what: string): Promise<ReadFile> {
  const read = (article: Article, keptFile?: ImportedFile): ReadFile => ({ article, keptFile });
  switch (detectFormat(file)) {
    case 'text': return read(readPlainText(nonEmpty(decodeTextFile(file.bytes), what)));
    case 'markdown': return read(readMarkdown(nonEmpty(decodeTextFile(file.bytes), what)));
    case 'html': return read(readHtml(decodeHtml(file.bytes, charsetOf(file.mediaType))));
    case 'docx': return read(await readDocx(file.bytes));
    case 'xliff': {
      // Kept exactly as it came, byte-order mark and line ends included, for the export to write into.
      const text = decodeExactUtf8(file.bytes);
      return read(readXliff(text).article, { format: 'xliff', content: text });
    }
  }
}

function decodeExactUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FormatError('wrong-type', 'The XLIFF file is not UTF-8 text. Save it as UTF-8 and import it again.');
  }
}

/**
 * A text file as UTF-8 with LF line ends, refusing binary data and other encodings instead of
 * guessing: a Latin-1 file decoded as UTF-8 would silently turn "é" into "�" in every sentence.
 */
function decodeTextFile(bytes: Uint8Array): string {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    if (bytes.includes(0)) throw binary('it holds NUL bytes');
    throw new FormatError('wrong-type', `The file is not UTF-8 text (byte 0x${(bytes[decoded.offset] ?? 0).toString(16).toUpperCase()} `
      + `at position ${decoded.offset} is not valid UTF-8). Save it as UTF-8 and import it again.`);
  }
  const forbidden = findForbiddenCharacter(decoded.text);
  if (forbidden) throw binary(`it ${forbidden}`);
  return normalizeLineEnds(decoded.text);
}

function binary(why: string): FormatError {
  return new FormatError('wrong-type', `This looks like binary data, not text (${why}). Import a plain-text (.txt) file.`);
}

function nonEmpty(text: string, what: string): string {
  if (text.trim() === '') throw new FormatError('empty', `The ${what} is empty: paste some text or choose a non-empty file.`);
  return text;
}

function charsetOf(mediaType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(mediaType ?? '')?.[1];
}

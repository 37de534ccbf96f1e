/** Which reader a file goes to: by its name, else the media type it came with, else its first bytes. */
import type { ImportFormat } from './article.js';
import { FormatError } from './format-error.js';
import { looksLikeZip } from './read-zip.js';

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  txt: 'text', text: 'text',
  md: 'markdown', markdown: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html',
  docx: 'docx',
  xlf: 'xliff', xliff: 'xliff',
};
const BY_MEDIA_TYPE: Readonly<Record<string, ImportFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/xliff+xml': 'xliff',
  'application/x-xliff+xml': 'xliff',
};
// Formats people are likely to try, with what to do instead.
const REFUSED: Readonly<Record<string, string>> = {
  doc: 'Word 97-2003 files (.doc) are not read: save the document as .docx in Word or LibreOffice.',
  odt: 'OpenDocument files (.odt) are not read: save the document as .docx in LibreOffice.',
  rtf: 'RTF files are not read: save the document as .docx.',
  pdf: 'PDF files are not read: copy the article text from the PDF and paste it, or import the Word or web version.',
  xlz: 'Zipped XLIFF (.xlz) is not read: import the .xlf file it holds.',
};
/** What the import form says it takes, for messages. */
export const IMPORT_EXTENSIONS = '.txt, .md, .html, .htm, .docx, .xlf, .xliff';

/**
 * The format of a file. The name's extension decides when it has one Retouche knows; a file without
 * one (an API upload named "blob", a URL ending in "/") goes by its media type, then by its content:
 * a zip is a Word file, XML whose root is <xliff> is XLIFF, a page that opens like HTML is HTML,
 * anything else is plain text (which refuses binary data itself).
 */
export function detectFormat(file: { name: string; bytes: Uint8Array; mediaType?: string | undefined }): ImportFormat {
  const extension = /\.([a-z0-9]{1,10})$/i.exec(file.name)?.[1]?.toLowerCase();
  if (extension !== undefined) {
    const known = BY_EXTENSION[extension];
    if (known) return known;
    const refused = REFUSED[extension];
    if (refused) throw new FormatError('wrong-type', refused);
  }
  const mediaType = file.mediaType?.split(';')[0]?.trim().toLowerCase();
  const byType = mediaType === undefined ? undefined : BY_MEDIA_TYPE[mediaType];
  if (byType) return byType;
  const sniffed = sniffFormat(file.bytes);
  if (sniffed) return sniffed;
  if (extension !== undefined) {
    throw new FormatError('wrong-type', `Retouche does not read .${extension} files. It reads ${IMPORT_EXTENSIONS}.`);
  }
  return 'text';
}

function sniffFormat(bytes: Uint8Array): ImportFormat | undefined {
  if (looksLikeZip(bytes)) return 'docx';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<xliff')) return /<xliff[\s>]/.test(head) ? 'xliff' : undefined;
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return undefined;
}

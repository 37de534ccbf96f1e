import { checkPastedText, decodeUtf8Text, type DecodedText } from '../text/decode-text.js';
import { ServiceError } from './errors.js';
import { MAX_ARTICLE_BYTES } from './limits.js';

/** Text as an editor submits it: pasted, or an uploaded file's bytes, never both. */
export interface SubmittedText {
  text?: string | undefined;
  file?: { name: string; bytes: Uint8Array } | undefined;
}

/**
 * The normalised text of a paste or an upload, or an error a person can act on: empty, both
 * given, over 2 MB, binary, or not UTF-8. `what` names it in messages ("article", "source").
 */
export function readSubmittedText(submitted: SubmittedText, what: string): string {
  const hasFile = submitted.file !== undefined && submitted.file.bytes.length > 0;
  const hasText = submitted.text !== undefined && submitted.text.trim() !== '';
  if (hasFile && hasText) throw new ServiceError('invalid-input', 'Paste the text or choose a file, not both.');
  if (!hasFile && !hasText) throw empty(what);
  const size = hasFile ? submitted.file!.bytes.length : Buffer.byteLength(submitted.text!, 'utf8');
  if (size > MAX_ARTICLE_BYTES) {
    throw new ServiceError('too-large', `The ${what} is ${formatMegabytes(size)}; the limit is `
      + `${formatMegabytes(MAX_ARTICLE_BYTES)}. Split it into several articles.`);
  }
  const decoded: DecodedText = hasFile ? decodeUtf8Text(submitted.file!.bytes) : checkPastedText(submitted.text!);
  if (!decoded.ok) throw new ServiceError('unsupported-media-type', decoded.message);
  if (decoded.text.trim() === '') throw empty(what);
  return decoded.text;
}

function empty(what: string): ServiceError {
  return new ServiceError('invalid-input', `The ${what} is empty: paste some text or choose a non-empty file.`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

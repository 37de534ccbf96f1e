import { checkPastedText, decodeUtf8Text, type DecodedText } from '../text/decode-text.js';
import { detectLanguage, SUPPORTED_LANGUAGES } from '../text/detect-language.js';
import { segmentArticle } from '../text/segment-article.js';
import { classifyRoles, isPageNoise } from '../checks/segment-roles.js';
import type { DocumentRecord, Storage } from '../storage/types.js';
import { ServiceError } from './errors.js';
import { MAX_ARTICLE_BYTES, MAX_TITLE_LENGTH } from './limits.js';
import { requireAuthor } from './validate.js';

/** What an editor hands over: pasted text or an uploaded file's bytes, never both. */
export interface ImportRequest {
  title?: string | undefined;
  text?: string | undefined;
  file?: { name: string; bytes: Uint8Array } | undefined;
  targetLanguage?: string | undefined;
  author: unknown;
}

export interface ImportResult {
  document: DocumentRecord;
  segmentCount: number;
  /** Set when the text is not in the declared target language, for the import page to say so. */
  languageWarning: string | null;
}

/** The language assumed when the editor does not say which language the article should be in. */
export const DEFAULT_TARGET_LANGUAGE = 'en';

/** Check, segment and store an article; nothing is stored unless every check passes. */
export async function importDocument(storage: Storage, request: ImportRequest): Promise<ImportResult> {
  const author = requireAuthor(request.author);
  const targetLanguage = request.targetLanguage?.trim() || DEFAULT_TARGET_LANGUAGE;
  if (!SUPPORTED_LANGUAGES.some((language) => language.code === targetLanguage)) {
    throw new ServiceError('invalid-input', `"${targetLanguage}" is not a target language Retouche knows `
      + `(use one of ${SUPPORTED_LANGUAGES.map((language) => language.code).join(', ')}).`);
  }
  const text = readArticleText(request);
  const segments = segmentArticle(text);
  if (segments.length === 0) {
    throw new ServiceError('invalid-input', 'The article is empty: paste some text or choose a non-empty file.');
  }
  const detectedLanguage = detectLanguage(text);
  const roles = classifyRoles(segments);
  const title = chooseTitle(request, segments[0]!.text);
  const document = await storage.documents.create({
    title,
    targetLanguage,
    detectedLanguage,
    originalText: text,
    author,
    segments: segments.map(({ position, paragraph, start, end, text: sentence }, index) => {
      const role = roles[index] ?? 'body';
      // Photo credits, tag lists and teasers are not part of the article: out of the export until an editor says otherwise.
      return { position, paragraph, start, end, text: sentence, role, status: isPageNoise(role) ? 'excluded' : 'to-review' };
    }),
  });
  return { document, segmentCount: segments.length, languageWarning: describeLanguageMismatch(detectedLanguage, targetLanguage) };
}

/** The warning shown when the detected language is known and differs from the target language. */
export function describeLanguageMismatch(detected: string, target: string): string | null {
  if (detected === 'und' || detected === target) return null;
  return `This text looks like ${languageName(detected)}, not ${languageName(target)}: `
    + 'check that you imported the translation and not the source.';
}

/** The English name of a language code, or the code itself when it is not one we list. */
export function languageName(code: string): string {
  return SUPPORTED_LANGUAGES.find((language) => language.code === code)?.name ?? code;
}

function readArticleText(request: ImportRequest): string {
  const hasFile = request.file !== undefined && request.file.bytes.length > 0;
  const hasText = request.text !== undefined && request.text.trim() !== '';
  if (hasFile && hasText) {
    throw new ServiceError('invalid-input', 'Paste the text or choose a file, not both.');
  }
  if (!hasFile && !hasText) {
    throw new ServiceError('invalid-input', 'The article is empty: paste some text or choose a non-empty file.');
  }
  const size = hasFile ? request.file!.bytes.length : Buffer.byteLength(request.text!, 'utf8');
  if (size > MAX_ARTICLE_BYTES) {
    throw new ServiceError('too-large', `The article is ${formatMegabytes(size)}; the limit is `
      + `${formatMegabytes(MAX_ARTICLE_BYTES)}. Split it into several articles.`);
  }
  const decoded: DecodedText = hasFile ? decodeUtf8Text(request.file!.bytes) : checkPastedText(request.text!);
  if (!decoded.ok) {
    throw new ServiceError('unsupported-media-type', decoded.message);
  }
  if (decoded.text.trim() === '') {
    throw new ServiceError('invalid-input', 'The article is empty: paste some text or choose a non-empty file.');
  }
  return decoded.text;
}

function chooseTitle(request: ImportRequest, firstSentence: string): string {
  const given = request.title?.trim();
  const fromFile = request.file?.name.replace(/\.[^.]*$/, '').trim();
  const title = given || fromFile || firstSentence;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

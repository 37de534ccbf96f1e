import { detectLanguage, SUPPORTED_LANGUAGES } from '../text/detect-language.js';
import { describeLanguageMismatch } from './languages.js';
import { segmentArticle } from '../text/segment-article.js';
import { classifyRoles, isPageNoise } from '../checks/segment-roles.js';
import type { Storage } from '../storage/types.js';
import type { DocumentRecord } from '../model.js';
import { ServiceError } from './errors.js';
import { MAX_TITLE_LENGTH } from './limits.js';
import { readSubmittedText, type SubmittedText } from './read-submitted-text.js';
import { attachSource, type AttachedSource } from './attach-source.js';
import { requireAuthor } from './validate.js';

/** What an editor hands over: pasted text or an uploaded file's bytes, never both. */
export interface ImportRequest {
  title?: string | undefined;
  text?: string | undefined;
  file?: { name: string; bytes: Uint8Array } | undefined;
  targetLanguage?: string | undefined;
  author: unknown;
  /** The original article, when the editor has it: attached and aligned after the import. */
  source?: (SubmittedText & { language?: string | undefined }) | undefined;
}

export interface ImportResult {
  document: DocumentRecord;
  segmentCount: number;
  /** Set when the text is not in the declared target language, for the import page to say so. */
  languageWarning: string | null;
  /** The attached source, when one was given and accepted. */
  source: AttachedSource | null;
  /** Why a given source was refused; the document is imported and usable without it. */
  sourceError: string | null;
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
  const text = readSubmittedText(request, 'article');
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
  const result = { document, segmentCount: segments.length, languageWarning: describeLanguageMismatch(detectedLanguage, targetLanguage) };
  if (!hasSource(request.source)) return { ...result, source: null, sourceError: null };
  try {
    return { ...result, source: await attachSource(storage, { ...request.source, documentId: document.id }), sourceError: null };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { ...result, source: null, sourceError: error.message };
  }
}

function hasSource(source: SubmittedText | undefined): source is SubmittedText {
  return source !== undefined && ((source.text ?? '').trim() !== '' || (source.file?.bytes.length ?? 0) > 0);
}

function chooseTitle(request: ImportRequest, firstSentence: string): string {
  const given = request.title?.trim();
  const fromFile = request.file?.name.replace(/\.[^.]*$/, '').trim();
  const title = given || fromFile || firstSentence;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}

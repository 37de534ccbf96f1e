import { layOutArticle, type Article, type LaidOutArticle } from '../formats/article.js';
import { detectLanguage, SUPPORTED_LANGUAGES } from '../text/detect-language.js';
import { describeLanguageMismatch } from './languages.js';
import { classifyRoles, isPageNoise } from '../checks/segment-roles.js';
import type { Storage } from '../storage/types.js';
import type { DocumentRecord, SegmentRole } from '../model.js';
import { ServiceError } from './errors.js';
import { fitOneLine, readTextField, TEXT_RULES } from './input-rules.js';
import { MAX_SENTENCE_LENGTH, MAX_TITLE_LENGTH } from './limits.js';
import { checkArticleText, readSubmittedArticle, type SubmittedArticle, type SubmittedText } from './read-submitted-article.js';
import { attachBlockSources, attachSource, type AttachedSource } from './attach-source.js';
import type { Analyzer } from './document-analysis.js';
import { guessDocumentVariant } from './english-variant.js';
import type { UrlPolicy } from './fetch-page.js';
import { requireAuthor } from './validate.js';

/** What an editor hands over: pasted text, an uploaded file's bytes, or a URL; one of them. */
export interface ImportRequest extends SubmittedText {
  title?: string | undefined;
  targetLanguage?: string | undefined;
  author: unknown;
  /** The original article, when the editor has it: attached and aligned after the import. */
  source?: (Omit<SubmittedText, 'url'> & { language?: string | undefined }) | undefined;
}

export interface ImportOptions {
  /** Where a URL import may reach; without it a URL is refused. */
  urlPolicy?: UrlPolicy | undefined;
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

/**
 * Read, segment and store an article in any format Retouche reads; nothing is stored unless every
 * check passes. Roles the file gives (an HTML heading, a Word caption) are kept; blocks without one
 * (plain text, Markdown paragraphs, XLIFF units) get the role their text suggests. Sources the file
 * carries (XLIFF) are attached unit by unit; a source given beside the article is aligned with it.
 */
export async function importDocument(storage: Storage, analyzer: Analyzer, request: ImportRequest, options: ImportOptions = {}): Promise<ImportResult> {
  const author = requireAuthor(request.author);
  const requestedLanguage = request.targetLanguage?.trim();
  if (requestedLanguage && !isSupported(requestedLanguage)) {
    throw new ServiceError('invalid-input', `"${requestedLanguage}" is not a target language Retouche knows `
      + `(use one of ${SUPPORTED_LANGUAGES.map((language) => language.code).join(', ')}).`);
  }
  const givenTitle = readTextField(request.title, 'title', TEXT_RULES.title)?.trim();
  const submitted = await readSubmittedArticle(request, 'article', options.urlPolicy);
  const { article } = submitted;
  const carriesSources = article.blocks.some((block) => block.source !== undefined);
  if (carriesSources && hasSource(request.source)) {
    throw new ServiceError('invalid-input', 'This file carries its own source text: leave the source fields empty.');
  }
  // A run of text longer than any sentence an editor could save (a table pasted without full
  // stops, say) is cut into pieces an editor can: every stage after this one sees sentences of
  // bounded length.
  const layout = layOutArticle(article, { maxSentenceLength: MAX_SENTENCE_LENGTH });
  checkArticleText(layout.text, 'article', submitted.field);
  if (layout.segments.length === 0) {
    throw new ServiceError('invalid-input', 'The article is empty: paste some text or choose a non-empty file.');
  }
  const targetLanguage = requestedLanguage || (article.targetLanguage && isSupported(article.targetLanguage) ? article.targetLanguage : DEFAULT_TARGET_LANGUAGE);
  const detectedLanguage = detectLanguage(layout.text);
  const roles = chooseRoles(article, layout);
  const document = await storage.documents.create({
    // Untitled, an article is named by its first sentence of text: not a photo caption, credit or tag line before it.
    title: givenTitle || chooseTitle(submitted, (layout.segments.find((_, index) => !isPageNoise(roles[index] ?? 'body')) ?? layout.segments[0]!).text),
    targetLanguage,
    detectedLanguage,
    originalText: layout.text,
    author,
    englishVariant: guessDocumentVariant(targetLanguage, layout.text),
    ...(submitted.keptFile && { importedFile: submitted.keptFile }),
    segments: layout.segments.map(({ position, paragraph, start, end, text: sentence }, index) => {
      const role = roles[index] ?? 'body';
      // Photo credits, tag lists and teasers are not part of the article: out of the export until an editor says otherwise.
      return { position, paragraph, start, end, text: sentence, role, status: isPageNoise(role) ? 'excluded' : 'to-review' };
    }),
  });
  const result = { document, segmentCount: layout.segments.length, languageWarning: describeLanguageMismatch(detectedLanguage, targetLanguage) };
  const imported = { documentId: document.id, article, layout, author };
  const attached = carriesSources ? await attachGivenSource(() => attachBlockSources(storage, imported))
    : hasSource(request.source) ? await attachGivenSource(() => attachSource(storage, { ...request.source, documentId: document.id, author })) : null;
  // Analysed once here, off the request thread, and stored: the first view reads the flags as every later one does.
  await analyzer.ensureCurrent(document.id);
  return { ...result, source: attached?.source ?? null, sourceError: attached?.error ?? null };
}

// The source the file carries (XLIFF) or the one given beside it; a refused source leaves the document usable.
async function attachGivenSource(attach: () => Promise<AttachedSource>): Promise<{ source: AttachedSource | null; error: string | null }> {
  try {
    return { source: await attach(), error: null };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { source: null, error: error.message };
  }
}

// Each sentence takes its block's role; blocks without one are judged on their text and their
// neighbours, as a plain-text article is.
function chooseRoles(article: Article, layout: LaidOutArticle): SegmentRole[] {
  const given = layout.segments.map((segment) => article.blocks[segment.block]!.role);
  if (given.every((role) => role !== undefined)) return given as SegmentRole[];
  const guessed = classifyRoles(layout.segments);
  return given.map((role, index) => role ?? guessed[index] ?? 'body');
}

function isSupported(code: string): boolean {
  return SUPPORTED_LANGUAGES.some((language) => language.code === code);
}

function hasSource(source: ImportRequest['source']): source is NonNullable<ImportRequest['source']> {
  return source !== undefined && ((source.text ?? '').trim() !== '' || (source.file?.bytes.length ?? 0) > 0);
}

/** A title when the editor gave none: the file's own, its name, or the first sentence, made one line. */
function chooseTitle(submitted: SubmittedArticle, firstSentence: string): string {
  const fromFile = submitted.fileName?.replace(/\.[^.]*$/, '') ?? '';
  return [submitted.article.title ?? '', fromFile, firstSentence].map((text) => fitOneLine(text, MAX_TITLE_LENGTH)).find((title) => title !== '') ?? '';
}

/**
 * What an editor submits (pasted text, an uploaded file in any format Retouche reads, or a URL),
 * read into an article, or refused with a message a person can act on and nothing stored.
 */
import { readPlainText, type Article } from '../formats/article.js';
import { FormatError } from '../formats/format-error.js';
import type { ImportedFile } from '../model.js';
import { ServiceError, type ServiceErrorCode } from './errors.js';
import { fetchPage, type UrlPolicy } from './fetch-page.js';
import { findTextProblem, normalizeLineEnds, refuseField, TEXT_RULES } from './input-rules.js';
import { readArticleFileOffThread } from './read-article-off-thread.js';
import { MAX_ARTICLE_BYTES } from './limits.js';

/** Text as an editor submits it: pasted, an uploaded file, or (for an article) a URL; one of them. */
export interface SubmittedText {
  text?: string | undefined;
  file?: { name: string; bytes: Uint8Array; mediaType?: string | undefined } | undefined;
  url?: string | undefined;
}

export interface SubmittedArticle {
  article: Article;
  /** The request field it came in (`text`, `file`, `url`; `sourceText`, `sourceFile` for a source), for messages. */
  field: string;
  /** The uploaded or fetched file's name, for a title. */
  fileName: string | undefined;
  /** The file as it came, for a format whose export writes back into it (XLIFF). */
  keptFile: ImportedFile | undefined;
}

/** What is submitted: an article, or the source of one. */
export type SubmittedKind = 'article' | 'source';

/** The request fields each kind comes in, for messages that name them. */
const FIELDS = {
  article: { text: 'text', file: 'file', url: 'url' },
  source: { text: 'sourceText', file: 'sourceFile', url: 'sourceUrl' },
} as const;

const STATUS_OF_PROBLEM: Readonly<Record<FormatError['problem'], ServiceErrorCode>> = {
  'wrong-type': 'unsupported-media-type',
  'too-large': 'too-large',
  corrupt: 'invalid-input',
  unsafe: 'invalid-input',
  empty: 'invalid-input',
};

/**
 * Read a submission as an article, its line ends as LF. `what` names it in messages ("article",
 * "source"). Refused: nothing or several things given, more than 2 MB, and whatever the format's
 * reader refuses (binary data or another encoding as text, a damaged Word file, XML that does not
 * parse or declares a DTD, a page with no article). A URL is fetched only when `urlPolicy` is
 * given. The text it lays out into is checked under the input rules by `checkArticleText`.
 */
export async function readSubmittedArticle(submitted: SubmittedText, what: SubmittedKind, urlPolicy?: UrlPolicy): Promise<SubmittedArticle> {
  const hasFile = submitted.file !== undefined && submitted.file.bytes.length > 0;
  const hasText = submitted.text !== undefined && submitted.text.trim() !== '';
  const hasUrl = submitted.url !== undefined && submitted.url.trim() !== '';
  if (Number(hasFile) + Number(hasText) + Number(hasUrl) > 1) {
    throw new ServiceError('invalid-input', hasUrl ? 'Give the URL, paste the text or choose a file: one of them.' : 'Paste the text or choose a file, not both.');
  }
  if (hasText) {
    checkSize(Buffer.byteLength(submitted.text!, 'utf8'), what);
    return { article: readPlainText(nonEmpty(normalizeLineEnds(submitted.text!), what)), field: FIELDS[what].text, fileName: undefined, keptFile: undefined };
  }
  let file = hasFile ? submitted.file! : undefined;
  if (hasUrl) {
    if (!urlPolicy) throw new ServiceError('invalid-input', `The ${what} cannot be given as a URL: paste it or upload it.`);
    file = await fetchPage(submitted.url!, urlPolicy);
  }
  if (!file) throw empty(what);
  checkSize(file.bytes.length, what);
  try {
    const { article, keptFile } = await readArticleFileOffThread(file, what);
    return { article, field: hasUrl ? FIELDS[what].url : FIELDS[what].file, fileName: file.name, keptFile };
  } catch (error) {
    if (error instanceof FormatError) throw new ServiceError(STATUS_OF_PROBLEM[error.problem], error.message);
    throw error;
  }
}

/**
 * The article's plain text once laid out, under the input rules (see input-rules.ts): whatever a
 * format's reader brought in, a field holding it is refused as a pasted text would be.
 */
export function checkArticleText(text: string, what: SubmittedKind, field: string): void {
  checkSize(Buffer.byteLength(text, 'utf8'), what);
  const problem = findTextProblem(text, TEXT_RULES[what]);
  if (problem) throw refuseField(field, problem, TEXT_RULES[what]);
  nonEmpty(text, what);
}

function nonEmpty(text: string, what: SubmittedKind): string {
  if (text.trim() === '') throw empty(what);
  return text;
}

function checkSize(size: number, what: SubmittedKind): void {
  if (size > MAX_ARTICLE_BYTES) {
    throw new ServiceError('too-large', `The ${what} is ${formatMegabytes(size)}; the limit is `
      + `${formatMegabytes(MAX_ARTICLE_BYTES)}. Split it into several articles.`);
  }
}

function empty(what: SubmittedKind): ServiceError {
  return new ServiceError('invalid-input', `The ${what} is empty: paste some text or choose a non-empty file.`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

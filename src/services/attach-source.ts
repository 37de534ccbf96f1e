import { groupByBlock, joinBlocks, layOutArticle, type Article, type LaidOutArticle } from '../formats/article.js';
import { alignSentences } from '../text/align-sentences.js';
import { detectLanguage, SUPPORTED_LANGUAGES } from '../text/detect-language.js';
import { toSentenceLanguage } from '../text/split-sentences.js';
import type { Storage } from '../storage/types.js';
import type { DocumentRecord, SegmentRecord, SourceSentenceRecord } from '../model.js';
import { getDocument } from './documents.js';
import { ServiceError } from './errors.js';
import { languageName } from './languages.js';
import { checkArticleText, readSubmittedArticle, type SubmittedText } from './read-submitted-article.js';

/** Beyond this ratio of lengths, source and translation are not the same article. */
const MAX_LENGTH_RATIO = 10;

export interface SourceRequest extends Omit<SubmittedText, 'url'> {
  documentId: number;
  /** Who attaches it (already checked: the signed-in user, or the importer). */
  author: string;
  /** The source's language when detection cannot tell (ISO 639-1). */
  language?: string | undefined;
}

export interface AttachedSource {
  language: string;
  sentenceCount: number;
  /** Target sentences linked to at least one source sentence. */
  linkedCount: number;
}

/**
 * Attach the original article to a translated document: read it (pasted, or a file in any import
 * format), split it into sentences in its own language and align them with the document's
 * sentences (1-1, 1-2, 2-1, 1-0, 0-1). Refused, leaving the document as it was, when the source is
 * empty, in the translation's language, or far too long or short to be the same article.
 */
export async function attachSource(storage: Storage, request: SourceRequest): Promise<AttachedSource> {
  const { document, segments } = await getDocument(storage, request.documentId);
  const { article, field } = await readSubmittedArticle({ text: request.text, file: request.file }, 'source');
  const text = joinBlocks(article).text;
  checkArticleText(text, 'source', field);
  const language = chooseSourceLanguage(text, request.language, document);
  const targetLength = segments.reduce((sum, segment) => sum + segment.original.length, 0);
  const ratio = text.length / Math.max(1, targetLength);
  if (ratio > MAX_LENGTH_RATIO || ratio < 1 / MAX_LENGTH_RATIO) {
    throw new ServiceError('invalid-input', `The source is ${ratio > 1 ? `${Math.round(ratio)} times longer` : `${Math.round(1 / ratio)} times shorter`} `
      + 'than the translation: check that it is the same article.');
  }
  const source = layOutArticle(article, { language: toSentenceLanguage(language) });
  const links = alignSentences(source.segments.map((sentence) => sentence.text), segments.map((segment) => segment.original));
  const byTarget = new Map<number, number[]>();
  for (const link of links) for (const target of link.target) byTarget.set(target, link.source);
  return storeSource(storage, document, segments, source, language, byTarget, request.author);
}

/**
 * Attach the sources a file carries block by block (XLIFF): each block's source sentences are
 * aligned with that block's target sentences only, so the file's own pairing of units is kept and
 * the alignment has only the sentences within a unit to decide.
 */
export async function attachBlockSources(
  storage: Storage, request: { documentId: number; article: Article; layout: LaidOutArticle; author: string },
): Promise<AttachedSource> {
  const { document, segments } = await getDocument(storage, request.documentId);
  const sourceArticle: Article = {
    blocks: request.article.blocks.map((block) => ({ text: block.source ?? '', ...(block.joinsPrevious && { joinsPrevious: true }) })),
  };
  const text = joinBlocks(sourceArticle).text;
  checkArticleText(text, 'source', 'file');
  const language = chooseSourceLanguage(text, request.article.sourceLanguage, document);
  const source = layOutArticle(sourceArticle, { language: toSentenceLanguage(language) });
  const sourceByBlock = groupByBlock(source.segments, (segment) => segment.block);
  const targetByBlock = groupByBlock(request.layout.segments, (segment) => segment.block);
  const byTarget = new Map<number, number[]>();
  for (const [block, targets] of targetByBlock) {
    const sources = sourceByBlock.get(block) ?? [];
    const links = alignSentences(sources.map((sentence) => sentence.text), targets.map((segment) => segment.text));
    for (const link of links) {
      for (const target of link.target) byTarget.set(targets[target]!.position, link.source.map((index) => sources[index]!.position));
    }
  }
  return storeSource(storage, document, segments, source, language, byTarget, request.author);
}

async function storeSource(
  storage: Storage, document: DocumentRecord, segments: readonly SegmentRecord[], source: LaidOutArticle, language: string,
  byTarget: ReadonlyMap<number, number[]>, author: string,
): Promise<AttachedSource> {
  await storage.sources.attach(document.id, {
    author,
    text: source.text,
    language,
    sentences: source.segments.map(({ position, start, end, text: sentence }) => ({ position, start, end, text: sentence })),
    links: segments.map((segment, index) => ({ segmentId: segment.id, sourcePositions: byTarget.get(index) ?? [] })),
  });
  return { language, sentenceCount: source.segments.length, linkedCount: segments.filter((_, index) => (byTarget.get(index) ?? []).length > 0).length };
}

export interface SegmentSource {
  /** The linked source sentences' text, joined by a space; '' when the sentence has none. */
  text: string;
  sentenceIds: number[];
}

/** Each segment's aligned source text, by segment id (empty when the document has no source). */
export async function getSegmentSources(storage: Storage, documentId: number): Promise<Map<number, SegmentSource>> {
  const [sentences, links] = await Promise.all([storage.sources.listSentences(documentId), storage.sources.listLinks(documentId)]);
  const byId = new Map(sentences.map((sentence) => [sentence.id, sentence]));
  const sources = new Map<number, SegmentSource>();
  for (const { segmentId, sourceSentenceId } of links) {
    const sentence = byId.get(sourceSentenceId);
    if (!sentence) continue;
    const entry = sources.get(segmentId) ?? { text: '', sentenceIds: [] };
    entry.text = entry.text ? `${entry.text} ${sentence.text}` : sentence.text;
    entry.sentenceIds.push(sentence.id);
    sources.set(segmentId, entry);
  }
  return sources;
}

export interface DocumentAlignment {
  language: string | null;
  sentences: SourceSentenceRecord[];
  rows: { segment: SegmentRecord; source: SegmentSource }[];
  /** Source sentences no target sentence is linked to: possibly dropped in translation. */
  unlinked: SourceSentenceRecord[];
}

/** The document's sentences with their source sentences, for reviewing and correcting the alignment. */
export async function getAlignment(storage: Storage, documentId: number): Promise<DocumentAlignment> {
  const { document, segments } = await getDocument(storage, documentId);
  const sentences = await storage.sources.listSentences(documentId);
  const sources = await getSegmentSources(storage, documentId);
  const linked = new Set([...sources.values()].flatMap((source) => source.sentenceIds));
  return {
    language: document.sourceLanguage,
    sentences,
    rows: segments.map((segment) => ({ segment, source: sources.get(segment.id) ?? { text: '', sentenceIds: [] } })),
    unlinked: sentences.filter((sentence) => !linked.has(sentence.id)),
  };
}

/** Correct one target sentence's link: the source sentences (by position, 1-based as shown) it translates. */
export async function relinkSegment(storage: Storage, request: { segmentId: number; positions: unknown; author: string }): Promise<void> {
  const segment = await storage.segments.get(request.segmentId);
  if (!segment) throw new ServiceError('not-found', `Sentence ${request.segmentId} does not exist.`);
  const positions = readPositions(request.positions);
  const sentences = await storage.sources.listSentences(segment.documentId);
  const ids = positions.map((position) => {
    const sentence = sentences[position - 1];
    if (!sentence) throw new ServiceError('invalid-input', `The source has no sentence ${position} (it has ${sentences.length}).`);
    return sentence.id;
  });
  await storage.sources.setLinks(segment.id, ids, request.author);
}

// The language the text is detected in, else the one the editor or the file names; never the translation's.
function chooseSourceLanguage(text: string, requested: string | undefined, document: DocumentRecord): string {
  const detected = detectLanguage(text);
  const language = detected !== 'und' ? detected
    : requested && SUPPORTED_LANGUAGES.some((candidate) => candidate.code === requested) ? requested : undefined;
  if (language === undefined) throw new ServiceError('invalid-input', 'Retouche cannot tell which language the source is in: choose it in the form.');
  if (language === document.targetLanguage) {
    throw new ServiceError('invalid-input', `The source looks like ${languageName(language)}, the language of the translation: `
      + 'attach the original article, not a translation.');
  }
  return language;
}

/** "3", "3, 4", "3-4" or "" (no source: an addition of the translation) as 1-based positions. */
function readPositions(value: unknown): number[] {
  const values = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,]+/);
  const positions: number[] = [];
  for (const part of values.map((item) => item.trim()).filter(Boolean)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) throw new ServiceError('invalid-input', `"${part}" is not a sentence number: write numbers such as "3" or "3, 4".`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from || to - from > 10) throw new ServiceError('invalid-input', `"${part}" is not a short range of sentences.`);
    for (let position = from; position <= to; position++) positions.push(position);
  }
  return positions;
}

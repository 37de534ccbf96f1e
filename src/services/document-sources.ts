import type { Storage } from '../storage/types.js';
import type { DocumentRecord, SegmentRecord } from '../model.js';

/** A document's source as the checks need it, with a key that changes whenever any link or text does. */
export interface DocumentSources {
  /** BCP 47 code of the source article. */
  language: string;
  /** The source text linked to each segment (several source sentences joined by a space), '' when it has none. */
  perSegment: string[];
  key: string;
}

/** The source of a document aligned to its segments, or null when no source is attached. */
export async function loadDocumentSources(storage: Storage, document: DocumentRecord, segments: readonly SegmentRecord[]): Promise<DocumentSources | null> {
  if (!document.sourceLanguage) return null;
  const [sentences, stored] = await Promise.all([storage.sources.listSentences(document.id), storage.sources.listLinks(document.id)]);
  if (sentences.length === 0) return null;
  const textOf = new Map(sentences.map((sentence) => [sentence.id, sentence.text]));
  const sourcesOf = new Map<number, string[]>();
  for (const { segmentId, sourceSentenceId } of stored) {
    const text = textOf.get(sourceSentenceId);
    if (text !== undefined) sourcesOf.set(segmentId, [...(sourcesOf.get(segmentId) ?? []), text]);
  }
  const perSegment = segments.map((segment) => (sourcesOf.get(segment.id) ?? []).join(' '));
  return { language: document.sourceLanguage, perSegment, key: `${document.sourceLanguage}\u0000${perSegment.join('\u0001')}` };
}

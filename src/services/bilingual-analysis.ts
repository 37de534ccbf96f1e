import { analyzeBilingualDocument, analyzeBilingualSegment, createBilingualContext, type SentenceLink } from '../checks/bilingual/run.js';
import type { BilingualContext } from '../checks/bilingual/types.js';
import type { Flag } from '../checks/types.js';
import type { Storage } from '../storage/types.js';
import type { DocumentRecord, SegmentRecord } from '../model.js';

/** Roles the bilingual checks leave alone, as the target-only checks do: a credit has no translation to check. */
const UNCHECKED_ROLES = new Set(['credit', 'separator']);

/** A document's source as the bilingual checks need it, with a key that changes whenever any link or text does. */
export interface DocumentSources {
  context: BilingualContext;
  /** The joined source text of each segment, '' when it has none. */
  perSegment: string[];
  sentences: string[];
  links: SentenceLink[];
  key: string;
}

/** The source of a document aligned to its segments, or null when no source is attached. */
export async function loadDocumentSources(storage: Storage, document: DocumentRecord, segments: readonly SegmentRecord[]): Promise<DocumentSources | null> {
  if (!document.sourceLanguage) return null;
  const [sentences, stored] = await Promise.all([storage.sources.listSentences(document.id), storage.sources.listLinks(document.id)]);
  if (sentences.length === 0) return null;
  const indexOf = new Map(sentences.map((sentence, index) => [sentence.id, index]));
  const sourcesOf = new Map<number, number[]>();
  for (const { segmentId, sourceSentenceId } of stored) {
    const index = indexOf.get(sourceSentenceId);
    if (index !== undefined) sourcesOf.set(segmentId, [...(sourcesOf.get(segmentId) ?? []), index]);
  }
  const links = groupLinks(segments.map((segment) => sourcesOf.get(segment.id) ?? []));
  const perSegment = segments.map((segment) => (sourcesOf.get(segment.id) ?? []).map((index) => sentences[index]!.text).join(' '));
  return {
    context: createBilingualContext(document.sourceLanguage, document.targetLanguage),
    perSegment,
    sentences: sentences.map((sentence) => sentence.text),
    links,
    key: `${document.sourceLanguage}\u0000${perSegment.join('\u0001')}`,
  };
}

/** Bilingual flags of every segment; a source sentence split over two target sentences is checked as one text. */
export function analyzeBilingual(sources: DocumentSources, segments: readonly SegmentRecord[]): Flag[][] {
  const flags = analyzeBilingualDocument(sources.sentences, segments.map((segment) => segment.text), sources.links, sources.context);
  return flags.map((list, index) => (UNCHECKED_ROLES.has(segments[index]!.role) ? [] : list));
}

/** Bilingual flags of one edited segment against its own source. */
export function reanalyzeBilingual(sources: DocumentSources, segment: SegmentRecord, index: number): Flag[] {
  if (UNCHECKED_ROLES.has(segment.role)) return [];
  return analyzeBilingualSegment(segment.text, sources.perSegment[index] ?? '', sources.context);
}

/** Consecutive targets sharing the same source sentences form one link (1-2); the others one link each. */
function groupLinks(sourcesBySegment: readonly number[][]): SentenceLink[] {
  const links: { source: number[]; target: number[] }[] = [];
  sourcesBySegment.forEach((source, target) => {
    const last = links.at(-1);
    if (last && source.length > 0 && last.source.join() === source.join()) last.target.push(target);
    else links.push({ source: [...source], target: [target] });
  });
  return links;
}

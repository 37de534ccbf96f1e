import { joinSegments } from '../text/segment-article.js';
import type { Storage } from '../storage/types.js';
import { getDocument } from './documents.js';

export type ExportFormat = 'txt' | 'json';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** The document as a download: clean text, or JSON with every sentence and its full history. */
export async function exportDocument(storage: Storage, documentId: number, format: ExportFormat): Promise<ExportFile> {
  const { document, segments } = await getDocument(storage, documentId);
  // Corrected sentences go back between the original separators, so paragraphs and lists survive.
  const text = joinSegments(document.originalText, segments, segments.map((segment) => segment.text));
  const baseName = fileNameFor(document.title, document.id);
  if (format === 'txt') {
    return { fileName: `${baseName}.txt`, contentType: 'text/plain; charset=utf-8', body: text };
  }
  const revisions = await storage.revisions.listByDocument(documentId);
  const bySegment = new Map<number, typeof revisions>();
  for (const revision of revisions) {
    const list = bySegment.get(revision.segmentId);
    if (list) list.push(revision);
    else bySegment.set(revision.segmentId, [revision]);
  }
  const body = {
    document: {
      id: document.id,
      title: document.title,
      targetLanguage: document.targetLanguage,
      detectedLanguage: document.detectedLanguage,
      createdAt: document.createdAt,
      updatedAt: document.updatedAt,
    },
    text,
    segments: segments.map((segment) => ({
      id: segment.id,
      position: segment.position,
      paragraph: segment.paragraph,
      status: segment.status,
      original: segment.original,
      text: segment.text,
      revision: segment.revision,
      revisions: (bySegment.get(segment.id) ?? []).map((revision) => ({
        number: revision.number,
        kind: revision.kind,
        author: revision.author,
        comment: revision.comment,
        createdAt: revision.createdAt,
        revertedTo: revision.revertedTo,
        patch: revision.patch,
      })),
    })),
  };
  return { fileName: `${baseName}.json`, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(body, null, 2)}\n` };
}

/** A safe download name from the title: letters, digits and dashes only. */
function fileNameFor(title: string, id: number): string {
  const slug = title.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase();
  return slug === '' ? `document-${id}` : `${id}-${slug}`;
}

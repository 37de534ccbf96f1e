import { joinKeptSegments } from '../text/join-kept-segments.js';
import type { Storage } from '../storage/types.js';
import { getAnalyzedDocument } from './document-analysis.js';
import { getDocument } from './documents.js';

export type ExportFormat = 'txt' | 'json';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

export interface ExportOptions {
  /** Keep the segments whose status is "excluded" (page noise, dropped sentences) in the text. */
  includeExcluded?: boolean;
}

/** The document as a download: clean text, or JSON with every sentence and its full history. */
export async function exportDocument(
  storage: Storage, documentId: number, format: ExportFormat, options: ExportOptions = {},
): Promise<ExportFile> {
  const { document, segments } = await getDocument(storage, documentId);
  // Corrected sentences go back between the original separators, so paragraphs and lists survive.
  const text = joinKeptSegments(document.originalText, segments, segments.map((segment) => segment.text),
    segments.map((segment) => options.includeExcluded === true || segment.status !== 'excluded'));
  const baseName = fileNameFor(document.title, document.id);
  if (format === 'txt') {
    return { fileName: `${baseName}.txt`, contentType: 'text/plain; charset=utf-8', body: text };
  }
  const { segments: analyzed } = await getAnalyzedDocument(storage, documentId);
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
    segments: analyzed.map((segment) => ({
      id: segment.id,
      position: segment.position,
      paragraph: segment.paragraph,
      role: segment.role,
      status: segment.status,
      original: segment.original,
      text: segment.text,
      revision: segment.revision,
      risk: segment.risk,
      flags: segment.flags,
      dismissedFlags: segment.dismissedFlags,
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

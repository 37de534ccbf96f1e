import type { Storage } from '../storage/types.js';
import { readAnalyzedDocument } from './analyzed-segments.js';
import type { Analyzer } from './document-analysis.js';

/**
 * The whole document as JSON: every sentence with its role, status, open and dismissed flags,
 * risk, and its full revision history as stored patches; `text` is the plain-text export.
 */
export async function formatJson(storage: Storage, analyzer: Analyzer, documentId: number, text: string): Promise<string> {
  const { document, segments: analyzed } = await readAnalyzedDocument(storage, analyzer, documentId);
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
      sourceLanguage: document.sourceLanguage,
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
      source: segment.source,
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
  return `${JSON.stringify(body, null, 2)}\n`;
}

import type { DocumentRecord, DocumentSummary, SegmentRecord, Storage } from '../storage/types.js';
import { found } from './errors.js';

export interface DocumentWithSegments {
  document: DocumentRecord;
  segments: SegmentRecord[];
}

/** Every document, newest first, with its sentence and correction counts. */
export async function listDocuments(storage: Storage): Promise<DocumentSummary[]> {
  return storage.documents.list();
}

/** One document and its sentences in reading order. */
export async function getDocument(storage: Storage, documentId: number): Promise<DocumentWithSegments> {
  const document = found(await storage.documents.get(documentId), `Document ${documentId}`);
  return { document, segments: await storage.segments.listByDocument(documentId) };
}

/** The sentence and the document it belongs to. */
export async function getSegment(storage: Storage, segmentId: number): Promise<{ segment: SegmentRecord; document: DocumentRecord }> {
  const segment = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  const document = found(await storage.documents.get(segment.documentId), `Document ${segment.documentId}`);
  return { segment, document };
}

/** One document without its sentences. */
export async function getDocumentRecord(storage: Storage, documentId: number): Promise<DocumentRecord> {
  return found(await storage.documents.get(documentId), `Document ${documentId}`);
}
